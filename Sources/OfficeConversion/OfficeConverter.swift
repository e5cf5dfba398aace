public import Foundation
import Synchronization

/// Converts ODT and DOCX files to PDF with LibreOffice headless, many documents per
/// LibreOffice start.
///
/// The files are split into chunks, one `soffice --convert-to … f1 f2 …` call each, run by
/// ``jobs`` converters in parallel. A converter is a new LibreOffice process after at most
/// ``restartAfter`` documents, so a batch of 200 with `jobs: 2` starts LibreOffice twice.
/// Every converter has its own temporary user profile (`-env:UserInstallation`), never the
/// user's, and runs in a process group of its own: when it writes no new PDF for ``timeout``
/// seconds the whole group is killed, and the chunk's unconverted files are retried one per
/// process, so a document that hangs LibreOffice fails alone. Each PDF is checked
/// (``PDFCheck``) before it is handed on.
///
/// ```swift
/// let converter = try OfficeConverter(soffice: nil)       // soffice from PATH
/// converter.convert(files, to: .pdfa(.b2), workFolder: work) { index, result in
///     if case .success(let pdf) = result { try? move(pdf.url) }   // pdf.url is removed afterwards
/// }
/// ```
public struct OfficeConverter: Sendable {
    /// The `soffice` program.
    public let soffice: URL
    /// Converter processes running in parallel.
    public var jobs: Int
    /// Seconds a converter may take for one document (counted from its start for the first
    /// one, then from the previous PDF) before it is killed.
    public var timeout: Double
    /// Documents one LibreOffice process converts before a new one takes over.
    public var restartAfter: Int

    /// Finds `soffice` on `PATH` when `soffice` is nil.
    public init(soffice: URL? = nil, jobs: Int = 1, timeout: Double = 120, restartAfter: Int = 100) throws(OfficeConversionError) {
        if let soffice {
            guard FileManager.default.isExecutableFile(atPath: soffice.path) else {
                throw OfficeConversionError(.missingTool, "--soffice \(soffice.path): no such executable")
            }
            self.soffice = soffice
        } else {
            guard let found = ExecutableLocator.find("soffice") ?? ExecutableLocator.find("libreoffice") else {
                throw OfficeConversionError(
                    .missingTool, "LibreOffice is not installed (no soffice on PATH); PDF and PNG output are made with it",
                    suggestion: "apt-get install libreoffice-writer-nogui (or libreoffice-writer), or pass --soffice PATH")
            }
            self.soffice = found
        }
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.restartAfter = max(1, restartAfter)
    }

    /// A checked PDF in the converter's work folder.
    public struct ConvertedPDF: Sendable {
        public let url: URL
        public let pages: Int
    }

    /// Converts `files` (each `.odt` or `.docx`, with distinct names before the extension) in
    /// `workFolder`, which must exist and is used for profiles, logs and PDFs. `completion`
    /// is called once per file, from converter threads, with its index in `files`; the PDF
    /// is removed when it returns. Returns the number of LibreOffice processes started.
    @discardableResult
    public func convert(
        _ files: [URL], to target: PDFTarget, workFolder: URL,
        completion: @escaping @Sendable (Int, Result<ConvertedPDF, OfficeConversionError>) -> Void
    ) -> Int {
        guard !files.isEmpty else { return 0 }
        // One import filter per call, so a chunk holds files of one kind.
        var groups: [String: [Int]] = [:]
        for (i, file) in files.enumerated() { groups[file.pathExtension.lowercased(), default: []].append(i) }
        let size = max(1, min(restartAfter, (files.count + jobs - 1) / jobs))
        var chunks: [[Int]] = []
        for key in groups.keys.sorted() {
            let indices = groups[key]!
            for start in stride(from: 0, to: indices.count, by: size) {
                chunks.append(Array(indices[start..<min(start + size, indices.count)]))
            }
        }
        let run = Run()
        let work = chunks
        let group = DispatchGroup()
        for worker in 0..<min(jobs, work.count) {
            group.enter()
            let thread = Thread {
                var converter = Converter(office: self, target: target, workFolder: workFolder, worker: worker, run: run)
                while true {
                    let next = run.next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard next < work.count else { break }
                    converter.convert(work[next].map { ($0, files[$0]) }, chunk: next, completion: completion)
                }
                converter.finish()
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return run.starts.load(ordering: .relaxed)
    }

    /// Shared by the converter threads of one ``convert(_:to:workFolder:completion:)``.
    final class Run: Sendable {
        let next = Atomic<Int>(0)
        let starts = Atomic<Int>(0)
    }
}
