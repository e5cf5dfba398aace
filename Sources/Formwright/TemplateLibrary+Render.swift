public import Foundation
public import Localization
import Synchronization

extension TemplateLibrary {
    /// How one render is done, beyond the template, data, locale and format.
    public struct RenderOptions: Sendable {
        /// Put the document on this letterhead (a `.docx` or `.odt`) instead of the template's own.
        public var letterhead: URL?
        /// LibreOffice and poppler settings for `.pdf`, `.pdfa` and `.png`.
        public var printing: PrintSettings

        public init(letterhead: URL? = nil, printing: PrintSettings = PrintSettings()) {
            self.letterhead = letterhead
            self.printing = printing
        }
    }

    /// Renders template `id` with `data` in `locale` (`"bg"`, `"ro-MD"`) to `format` (default:
    /// the template's own format, ODT for `template.xml`). The template is compiled once per
    /// locale and kept in this library; the data is checked against the schema first, and
    /// nothing is returned unless the whole document was made.
    ///
    /// ```swift
    /// let document = try library.render("consent-data-sharing", data: .file(url), locale: "bg", format: .docx)
    /// ```
    public func render(
        _ id: String, data: DataSource, locale: String, format: DeliveryFormat? = nil, options: RenderOptions = RenderOptions()
    ) throws(FormwrightError) -> RenderedDocument {
        try render(id, data: data, locale: try LocaleID.parse(locale), format: format, options: options)
    }

    public func render(
        _ id: String, data: DataSource, locale: LocaleID, format: DeliveryFormat? = nil, options: RenderOptions = RenderOptions()
    ) throws(FormwrightError) -> RenderedDocument {
        let renderer = try compile(id, locale: locale, letterhead: options.letterhead)
        let package = renderer.package
        let delivery = format ?? .package(package.formats[0])
        if case .package(let own) = delivery, !package.formats.contains(own) { throw package.formatRefusal(own) }
        let value = try load(data, package: package)
        var diagnostics = (package.letterhead?.warnings ?? []).map(Diagnostic.init) + renderer.translationDiagnostics
        let name = "\(package.definition.id)-\(locale.identifier).\(delivery.fileExtension)"
        guard case .package(let packageFormat) = delivery else {
            var printing = options.printing
            printing.converterJobs = 1
            printing.maxOutputSize = printing.maxOutputSize ?? limits.maxOutputSize
            let source = printing.sourceFormat(for: package)
            let office = try renderer.render(data: value, format: source)
            let (pages, warnings) = try TemplateLibrary.print(office.bytes, format: source, to: delivery, name: name, settings: printing)
            diagnostics += warnings
            return RenderedDocument(
                bytes: pages[0], document: office.document, missingTranslations: office.missingTranslations,
                staleTranslations: office.staleTranslations, format: delivery, suggestedFileName: name, diagnostics: diagnostics,
                additionalPages: Array(pages.dropFirst()))
        }
        var result = try renderer.render(data: value, format: packageFormat)
        try limits.checkOutput(result.bytes, for: name)
        result.diagnostics = diagnostics
        return result
    }

    /// One office package through LibreOffice (and pdftoppm), in a private temporary folder;
    /// the files made, in page order, and the warnings.
    static func print(
        _ bytes: [UInt8], format: OutputFormat, to delivery: DeliveryFormat, name: String, settings: PrintSettings
    ) throws(FormwrightError) -> (pages: [[UInt8]], warnings: [Diagnostic]) {
        let queue = try PrintQueue(settings: settings, needsImages: delivery == .png)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-render-\(UUID().uuidString.prefix(12))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FormwrightError(.io, "cannot create a work folder in \(folder.deletingLastPathComponent().path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent(name)
        try queue.stage(bytes, format: format, targets: [delivery: target], tag: 0)
        let outcome = Mutex<(written: [URL], failure: FormwrightError?, warnings: [Diagnostic])>(([], nil, []))
        queue.run { event in
            switch event {
            case .written(let url, _): outcome.withLock { $0.written.append(url) }
            case .failed(_, _, let error): outcome.withLock { $0.failure = $0.failure ?? error }
            case .fontSubstituted(let font, _): outcome.withLock { $0.warnings.append(Diagnostic.fontSubstituted(font)) }
            }
        }
        let result = outcome.withLock { $0 }
        if let failure = result.failure { throw failure }
        var pages: [[UInt8]] = []
        for url in result.written.sorted(by: { $0.path.count == $1.path.count ? $0.path < $1.path : $0.path.count < $1.path.count }) {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw FormwrightError(.io, "cannot read the file LibreOffice wrote")
            }
            pages.append(Array(data))
        }
        guard !pages.isEmpty else { throw FormwrightError(.io, "LibreOffice wrote no \(delivery) file") }
        return (pages, result.warnings)
    }
}

extension Diagnostic {
    /// A font the document asks for that LibreOffice replaced.
    static func fontSubstituted(_ font: String) -> Diagnostic {
        Diagnostic(
            .warning, code: "conversion.font-substituted",
            message: "the document asks for the font \(font), which is not installed; LibreOffice used another one, so lines and pages may break differently",
            suggestion: "install the font (fc-list shows the installed ones) or name another one in the template (<document font=\"…\">)")
    }
}

extension DeliveryFormat {
    /// The media type of a file of this format.
    public var mediaType: String {
        switch self {
        case .package(.odt): "application/vnd.oasis.opendocument.text"
        case .package(.docx): "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .pdf, .pdfa: "application/pdf"
        case .png: "image/png"
        }
    }
}
