public import Foundation
import OfficeConversion
import Synchronization

/// Rendered documents waiting to be printed to PDF, PDF/A and PNG by LibreOffice.
///
/// Documents are staged (their package written to a private work folder), then ``run(events:)``
/// converts them all through one ``OfficeConverter`` — a few LibreOffice starts for the whole
/// batch — checks every PDF, and writes each result with ``AtomicFile`` (a temporary file in
/// the target folder, renamed), so a target never holds a partial PDF or image. The work
/// folder is removed at the end; one left by a killed run is removed by the next.
///
/// ```swift
/// let queue = try PrintQueue(settings: PrintSettings())
/// try queue.stage(odtBytes, format: .odt, targets: [.pdf: URL(fileURLWithPath: "out/consent.pdf")], tag: 0)
/// queue.run { event in print(event) }
/// ```
public final class PrintQueue: Sendable {
    public let settings: PrintSettings
    let converter: OfficeConverter
    let workFolder: URL
    private let items = Mutex<[Item]>([])
    private let checkedFonts = Mutex<Set<[String]>>([])
    private let reportedFonts = Mutex<Set<String>>([])

    struct Item: Sendable {
        let source: URL
        let targets: [DeliveryFormat: URL]
        let tag: Int
    }

    /// What happened, reported from converter threads as soon as it happens.
    public enum Event: Sendable {
        case written(URL, tag: Int)
        /// `outputs`: the files that were not written (a failed PDF takes its PNG with it).
        case failed(tag: Int, outputs: [URL], error: FormwrightError)
        /// A font the document asks for was replaced (reported once per font and run).
        case fontSubstituted(String, tag: Int)
    }

    /// Finds LibreOffice (a clear error naming the package when it is missing) and makes the
    /// private work folder.
    public init(settings: PrintSettings, needsImages: Bool = false) throws(FormwrightError) {
        self.settings = settings
        do {
            converter = try OfficeConverter(
                soffice: settings.soffice, jobs: settings.converterJobs, timeout: settings.timeout, restartAfter: settings.restartAfter)
        } catch {
            throw FormwrightError(error)
        }
        if needsImages && !PrintQueue.hasTool("pdftoppm") {
            throw FormwrightError(.usage, "pdftoppm is not installed; PNG previews are made with it\n  hint: apt-get install poppler-utils")
        }
        let temporary = FileManager.default.temporaryDirectory
        PrintQueue.removeStaleWorkFolders(in: temporary)
        workFolder = temporary.appendingPathComponent("formwright-print-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())")
        do {
            try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        } catch {
            throw FormwrightError(.io, "cannot create a work folder in \(temporary.path): \(error.localizedDescription)")
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: workFolder)
    }

    /// Stages one rendered package; `targets` maps `.pdf`, `.pdfa` and `.png` to where each
    /// goes. Safe to call from several threads.
    public func stage(_ package: [UInt8], format: OutputFormat, targets: [DeliveryFormat: URL], tag: Int) throws(FormwrightError) {
        let source = workFolder.appendingPathComponent("d\(tag)-\(UUID().uuidString.prefix(6)).\(format.rawValue)")
        do {
            try Data(package).write(to: source)
        } catch {
            throw FormwrightError(.io, "cannot stage a document for LibreOffice in \(workFolder.path): \(error.localizedDescription)")
        }
        items.withLock { $0.append(Item(source: source, targets: targets, tag: tag)) }
    }

    /// The number of staged documents.
    public var count: Int { items.withLock { $0.count } }

    /// Converts and writes everything staged; returns how many LibreOffice processes started.
    @discardableResult
    public func run(events: @escaping @Sendable (Event) -> Void) -> Int {
        let staged = items.withLock { list in
            defer { list.removeAll() }
            return list.sorted { $0.tag < $1.tag }
        }
        // A PNG comes from the plain PDF when one is made, else from the PDF/A.
        let plain = staged.filter { $0.targets[.pdf] != nil || ($0.targets[.png] != nil && $0.targets[.pdfa] == nil) }
        let archival = staged.filter { $0.targets[.pdfa] != nil }
        var starts = 0
        for (target, batch) in [(PDFTarget.pdf, plain), (.pdfa(settings.pdfaLevel), archival)] where !batch.isEmpty {
            starts += converter.convert(batch.map(\.source), to: target, workFolder: workFolder) { index, result in
                let item = batch[index]
                let pdfTarget = target == .pdf ? item.targets[.pdf] : item.targets[.pdfa]
                let imageTarget = target == .pdf || item.targets[.pdf] == nil ? item.targets[.png] : nil
                let outputs = [pdfTarget, imageTarget].compactMap { $0 }
                switch result {
                case .failure(let error):
                    events(.failed(tag: item.tag, outputs: outputs, error: FormwrightError(error)))
                case .success(let pdf):
                    self.deliver(pdf, item: item, pdfTarget: pdfTarget, imageTarget: imageTarget, events: events)
                }
            }
        }
        for item in staged { try? FileManager.default.removeItem(at: item.source) }
        return starts
    }

    private func deliver(
        _ pdf: OfficeConverter.ConvertedPDF, item: Item, pdfTarget: URL?, imageTarget: URL?, events: @Sendable (Event) -> Void
    ) {
        checkFonts(item, pdf: pdf.url, events: events)
        if let pdfTarget {
            do throws(FormwrightError) {
                guard let data = FileManager.default.contents(atPath: pdf.url.path) else {
                    throw FormwrightError(.io, "cannot read the PDF LibreOffice wrote")
                }
                try checkSize(data.count, of: pdfTarget)
                try AtomicFile.write(Array(data), to: pdfTarget)
                events(.written(pdfTarget, tag: item.tag))
            } catch {
                events(.failed(tag: item.tag, outputs: [pdfTarget], error: error))
            }
        }
        guard let imageTarget else { return }
        do throws(FormwrightError) {
            let images: [URL]
            do {
                images = try PagePreview.render(pdf.url, pages: settings.pages, dpi: settings.dpi, into: workFolder)
            } catch {
                throw FormwrightError(error)
            }
            defer { for image in images { try? FileManager.default.removeItem(at: image) } }
            for (n, image) in images.enumerated() {
                let target = settings.pages == .first ? imageTarget : PrintQueue.pageImage(imageTarget, page: n + 1)
                guard let data = FileManager.default.contents(atPath: image.path) else {
                    throw FormwrightError(.io, "cannot read the image pdftoppm wrote")
                }
                try checkSize(data.count, of: target)
                try AtomicFile.write(Array(data), to: target)
                events(.written(target, tag: item.tag))
            }
        } catch {
            events(.failed(tag: item.tag, outputs: [imageTarget], error: error))
        }
    }

    private func checkSize(_ size: Int, of url: URL) throws(FormwrightError) {
        guard let limit = settings.maxOutputSize, size > limit else { return }
        throw FormwrightError(.limit, diagnostics: [Limits.reached(
            .maxOutputSize, needed: size, file: TemplatePackage.displayPath(url), "the file is \(size) bytes; the limit is \(limit) bytes")])
    }

    /// `<name>-<page>.png` for `<name>.png`.
    public static func pageImage(_ url: URL, page: Int) -> URL {
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(page).\(url.pathExtension)")
    }

    /// Fonts are a property of the template and locale, not of the data: each set of
    /// requested fonts is checked against the first PDF made with it.
    private func checkFonts(_ item: Item, pdf: URL, events: @Sendable (Event) -> Void) {
        guard let bytes = FileManager.default.contents(atPath: item.source.path) else { return }
        let requested = FontCheck.requestedFonts(package: Array(bytes))
        guard checkedFonts.withLock({ $0.insert(requested).inserted }) else { return }
        guard let replaced = try? FontCheck.substitutions(package: Array(bytes), pdf: pdf) else { return }
        for font in replaced where reportedFonts.withLock({ $0.insert(font).inserted }) {
            events(.fontSubstituted(font, tag: item.tag))
        }
    }

    private static func hasTool(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Work folders of runs whose process is gone (killed before it could clean up).
    private static func removeStaleWorkFolders(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix("formwright-print-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, let pid = Int32(parts[2]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        }
    }
}
