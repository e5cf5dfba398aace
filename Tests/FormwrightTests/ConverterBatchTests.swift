import Foundation
import Formwright
import TestSupport
import Testing

/// Converter management in a PDF batch: few LibreOffice starts, a hanging converter killed
/// after the timeout with only its record failed, and no partial PDF (nor LibreOffice left
/// running) after a kill -9 of Formwright.
@Suite struct ConverterBatchTests {
    static var realSoffice: String { PDFOutputTests.tool("soffice")?.path ?? "soffice" }

    /// A `--soffice` script that logs its process group, then runs `body` (default: the real soffice).
    static func fakeSoffice(in t: ScratchTemplate, body: String? = nil) throws -> (script: String, log: URL) {
        let log = t.root.appendingPathComponent("starts.log")
        let script = """
            #!/bin/sh
            # process group of this converter (field 5 of /proc/self/stat)
            read -r stat < /proc/$$/stat; echo "$stat" | awk '{print $5}' >> '\(log.path)'
            \(body ?? "exec '\(realSoffice)' \"$@\"")
            """
        let path = try t.write("fake-soffice", script)
        chmod(path, 0o755)
        return (path, log)
    }

    static func starts(_ log: URL) -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// The checks a PDF passes when complete: header, %%EOF at the end, pages (pdfinfo).
    static func isComplete(_ url: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path), data.starts(with: Array("%PDF-".utf8)),
              String(decoding: data.suffix(64), as: UTF8.self).contains("%%EOF"),
              let pdfinfo = PDFOutputTests.tool("pdfinfo"),
              let info = try? TestSupport.run(pdfinfo, [url.path]), info.status == 0 else { return false }
        return info.stdout.split(separator: "\n").contains { $0.hasPrefix("Pages:") && !$0.hasSuffix(" 0") }
    }

    /// Live (not zombie) processes in `group`.
    static func liveProcesses(inGroup group: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.compactMap { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[2] == Substring(group), fields[0] != "Z" else { return nil }
            return pid
        }
    }

    static func records(_ count: Int, code: (Int) -> String = { "K\($0)" }) -> String {
        (1...count).map { #"{"case": {"code": "\#(code($0))"}, "child": {"name": "Child \#($0)", "age": 9}}"# }.joined(separator: "\n")
    }

    @Test func aBatchOf200StartsLibreOfficeOncePerJobPlusRestarts() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        try t.write("cases.ndjson", Self.records(200))
        let (fake, log) = try Self.fakeSoffice(in: t)
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--format", "pdf", "--out-dir", "out", "--name", "{case.code}",
                              "--jobs", "2", "--soffice", fake, "--convert-restart-after", "80"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("200 written, 0 failed"), "\(r.stderr)")
        let pdfs = t.files(in: "out")
        #expect(pdfs.count == 200 && pdfs.allSatisfy { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") })
        // 200 documents in chunks of at most 80: two converters, one restart.
        let jobs = 2, restarts = (200 + 79) / 80 - jobs
        #expect(Self.starts(log).count <= jobs + restarts, "\(Self.starts(log))")
        #expect(r.stderr.contains("LibreOffice started \(Self.starts(log).count) times"), "\(r.stderr)")
        for name in [pdfs.first!, pdfs.last!] { #expect(Self.isComplete(t.root.appendingPathComponent("out/\(name)")), "\(name)") }
    }

    @Test func aHangingConverterIsKilledAndOnlyItsRecordFails() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        try t.write("cases.ndjson", Self.records(4) { $0 == 1 ? "HANG" : "K\($0)" })
        // Hangs (like a LibreOffice stuck on a document) when any file it gets holds HANG.
        let (fake, log) = try Self.fakeSoffice(in: t, body: """
            for f in "$@"; do
              case "$f" in *.odt)
                if python3 -c 'import sys, zipfile; sys.exit(0 if b"HANG" in zipfile.ZipFile(sys.argv[1]).read("content.xml") else 1)' "$f"; then exec sleep 300; fi;;
              esac
            done
            exec '\(Self.realSoffice)' "$@"
            """)
        let started = ContinuousClock.now
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--format", "pdf", "--out-dir", "out", "--name", "{case.code}",
                              "--jobs", "1", "--soffice", fake, "--convert-timeout", "8"])
        #expect(ContinuousClock.now - started < .seconds(120))
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("cases.ndjson:1"), "\(r.stderr)")
        #expect(r.stderr.contains("did not convert the document within 8 s"), "\(r.stderr)")
        #expect(r.stderr.contains("3 written, 1 failed"), "\(r.stderr)")
        #expect(t.files(in: "out") == ["K2.pdf", "K3.pdf", "K4.pdf"])
        for name in t.files(in: "out") { #expect(Self.isComplete(t.root.appendingPathComponent("out/\(name)")), "\(name)") }
        for group in Set(Self.starts(log)) {
            #expect(Self.liveProcesses(inGroup: group).isEmpty, "converter group \(group) still running")
        }
    }

    @Test func killingFormwrightLeavesNoPartialPDFAndNoLibreOffice() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        try t.write("cases.ndjson", Self.records(60))
        let (fake, log) = try Self.fakeSoffice(in: t)
        let process = Process()
        process.executableURL = TestSupport.formwrightExecutable
        process.arguments = ["render", t.templateDirectory.path, "--data", "cases.ndjson", "--locale", "en", "--format", "pdf",
                             "--out-dir", "out", "--jobs", "1", "--soffice", fake, "--convert-restart-after", "30"]
        process.currentDirectoryURL = t.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = t.root.appendingPathComponent("out")
        func pdfs() -> [String] { t.files(in: "out").filter { !$0.hasPrefix(".") } }
        let deadline = ContinuousClock.now + .seconds(150)
        while process.isRunning && pdfs().count < 3 && ContinuousClock.now < deadline { usleep(20_000) }
        let pid = process.processIdentifier
        kill(pid, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the batch finished before it could be interrupted")
        let atKill = pdfs()
        #expect(atKill.count >= 3 && atKill.count < 60, "\(atKill.count)")
        // LibreOffice dies with Formwright (setpriv --pdeathsig), and nothing more is written.
        let groups = Set(Self.starts(log))
        #expect(!groups.isEmpty)
        var alive: [String] = []
        for _ in 0..<100 {
            alive = groups.flatMap { Self.liveProcesses(inGroup: $0) }
            if alive.isEmpty { break }
            usleep(100_000)
        }
        #expect(alive.isEmpty, "LibreOffice processes left running: \(alive)")
        #expect(pdfs() == atKill)
        for name in pdfs() { #expect(Self.isComplete(out.appendingPathComponent(name)), "\(name) is incomplete") }
        for name in t.files(in: "out") where name.hasPrefix(".") {
            #expect(AtomicFile.writerProcess(ofTemporaryFile: name) == pid, "unexpected file \(name)")
        }
    }

    @Test func aPDFOverTheOutputLimitIsRefusedAndNotWritten() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        try t.write("cases.ndjson", Self.records(2))
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--format", "pdf", "--out-dir", "out", "--name", "{case.code}",
                              "--jobs", "1", "--max-output-size", "2K"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("K1.pdf: error: the file is") && r.stderr.contains("--max-output-size"), "\(r.stderr)")
        #expect(r.stderr.contains("0 written, 2 failed"), "\(r.stderr)")
        #expect(t.files(in: "out").isEmpty, "\(t.files(in: "out"))")
    }
}
