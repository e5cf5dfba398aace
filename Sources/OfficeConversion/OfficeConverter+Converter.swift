import Foundation

extension OfficeConverter {
    /// One converter thread: its profile, and the LibreOffice process of the current chunk.
    struct Converter {
        let office: OfficeConverter
        let target: PDFTarget
        let workFolder: URL
        let worker: Int
        let run: Run
        private var profileNumber = 0

        init(office: OfficeConverter, target: PDFTarget, workFolder: URL, worker: Int, run: Run) {
            self.office = office
            self.target = target
            self.workFolder = workFolder
            self.worker = worker
            self.run = run
        }

        /// The profile survives from chunk to chunk (LibreOffice starts faster in a profile
        /// it made before) until a converter is killed, which can leave it locked or broken.
        private var profile: URL { workFolder.appendingPathComponent("profile-\(worker)-\(profileNumber)") }

        mutating func finish() {
            try? FileManager.default.removeItem(at: profile)
        }

        private mutating func discardProfile() {
            try? FileManager.default.removeItem(at: profile)
            profileNumber += 1
        }

        /// Converts one chunk. When its converter is killed or crashes, the first document it
        /// had not finished is tried alone (the likely culprit, which then fails by itself) and
        /// the rest of the chunk goes on in a new converter.
        mutating func convert(
            _ items: [(Int, URL)], chunk: Int, completion: @Sendable (Int, Result<ConvertedPDF, OfficeConversionError>) -> Void
        ) {
            var pending = items
            var round = 0
            while !pending.isEmpty {
                let left = attempt(pending, name: "chunk-\(chunk)-\(round)", completion: completion)
                round += 1
                guard let suspect = left.first else { return }
                if pending.count == 1 {
                    completion(suspect.0, .failure(suspect.1))
                    return
                }
                let item = pending.first { $0.0 == suspect.0 }!
                if let failure = attempt([item], name: "chunk-\(chunk)-\(round)", completion: completion).first {
                    completion(failure.0, .failure(failure.1))
                }
                round += 1
                let rest = Set(left.dropFirst().map(\.0))
                pending = pending.filter { rest.contains($0.0) }
            }
        }

        /// Runs one LibreOffice over `items`, calling `completion` for each PDF as soon as
        /// the next one appears (LibreOffice converts in argument order) or the process ends.
        /// Returns the items it wrote no good PDF for, with the reason.
        private mutating func attempt(
            _ items: [(Int, URL)], name: String, completion: @Sendable (Int, Result<ConvertedPDF, OfficeConversionError>) -> Void
        ) -> [(Int, OfficeConversionError)] {
            let outputFolder = workFolder.appendingPathComponent(name)
            let log = workFolder.appendingPathComponent("\(name).log")
            defer { try? FileManager.default.removeItem(at: outputFolder) }
            do {
                try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
            } catch {
                return items.map { ($0.0, OfficeConversionError(.io, "cannot create \(outputFolder.path): \(error.localizedDescription)")) }
            }
            let outputs = items.map { outputFolder.appendingPathComponent($0.1.deletingPathExtension().lastPathComponent + ".pdf") }
            var arguments = [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--invisible", "--norestore", "--nolockcheck",
                "--nologo", "--nodefault",
            ]
            // An explicit import filter: a broken file fails instead of opening as plain text.
            switch items[0].1.pathExtension.lowercased() {
            case "odt": arguments.append("--infilter=writer8")
            case "docx": arguments.append("--infilter=MS Word 2007 XML")
            default: break
            }
            arguments += ["--convert-to", target.filterArgument, "--outdir", outputFolder.path] + items.map(\.1.path)

            var process: ChildProcess
            do {
                let (executable, launch) = Self.guarded(office.soffice, arguments)
                process = try ChildProcess(executable, launch, log: log)
            } catch {
                return items.map { ($0.0, error) }
            }
            run.starts.add(1, ordering: .relaxed)
            var delivered = 0
            var appeared = 0
            var deadline = ContinuousClock.now + .milliseconds(Int(office.timeout * 1000))
            func deliver(_ index: Int) -> Bool {
                guard let pages = try? PDFCheck.pageCount(of: outputs[index]) else { return false }
                completion(items[index].0, .success(ConvertedPDF(url: outputs[index], pages: pages)))
                try? FileManager.default.removeItem(at: outputs[index])
                return true
            }
            let timeout = office.timeout
            let ending = process.wait {
                // Progress: another PDF appeared, so the one before it is complete.
                var count = appeared
                while count < outputs.count && FileManager.default.fileExists(atPath: outputs[count].path) { count += 1 }
                if count > appeared {
                    appeared = count
                    deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
                }
                while delivered + 1 < appeared && deliver(delivered) { delivered += 1 }
                return ContinuousClock.now < deadline
            }
            var left: [(Int, OfficeConversionError)] = []
            for index in delivered..<items.count where !deliver(index) {
                let reason: OfficeConversionError
                switch ending {
                case .killed:
                    reason = OfficeConversionError(
                        .timeout, "LibreOffice did not convert the document within \(Self.seconds(timeout)) s and was stopped",
                        suggestion: "raise the limit with --convert-timeout SECONDS")
                case .exited(0):
                    reason = OfficeConversionError(
                        .noOutput, FileManager.default.fileExists(atPath: outputs[index].path)
                            ? "LibreOffice wrote an incomplete PDF\(Self.lastLines(of: log))"
                            : "LibreOffice could not convert the document (it wrote no PDF)\(Self.lastLines(of: log))")
                case .exited(let status):
                    reason = OfficeConversionError(.noOutput, "LibreOffice stopped with exit status \(status) before converting the document\(Self.lastLines(of: log))")
                case .signalled(let signal):
                    reason = OfficeConversionError(.noOutput, "LibreOffice crashed (signal \(signal)) before converting the document")
                }
                left.append((items[index].0, reason))
            }
            if ending == .killed || left.contains(where: { $0.1.code != .noOutput }) { discardProfile() }
            if case .exited(0) = ending, items.count > 1 {
                // A clean exit without a PDF is the document's own fault: no retry.
                for failure in left { completion(failure.0, .failure(failure.1)) }
                left = []
            }
            try? FileManager.default.removeItem(at: log)
            return left
        }

        /// LibreOffice outlives a killed parent: `oosplash` may die, `soffice.bin` goes on.
        /// So, where util-linux's `setpriv` is installed, the converter runs under a shell
        /// that gets SIGTERM when this thread's process dies (`--pdeathsig`) and then kills
        /// its whole process group: a `kill -9` of Formwright leaves no LibreOffice behind.
        static func guarded(_ soffice: URL, _ arguments: [String]) -> (URL, [String]) {
            guard let setpriv = ExecutableLocator.find("setpriv"), let shell = ExecutableLocator.find("sh") else {
                return (soffice, arguments)
            }
            let script = #"trap 'kill -KILL 0' TERM; "$@" & wait $!"#
            return (setpriv, ["--pdeathsig", "TERM", "--", shell.path, "-c", script, "sh", soffice.path] + arguments)
        }

        static func seconds(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }

        /// The last lines LibreOffice printed, for the error message.
        static func lastLines(of log: URL) -> String {
            guard let text = try? String(contentsOf: log, encoding: .utf8) else { return "" }
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("convert ") && !$0.contains("javaldx") }
            guard !lines.isEmpty else { return "" }
            return "; LibreOffice said: " + lines.suffix(2).joined(separator: " / ")
        }
    }
}
