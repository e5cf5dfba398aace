public import Foundation
public import OfficeConversion

/// How PDF, PDF/A and PNG are made from rendered documents.
///
/// ```swift
/// var settings = PrintSettings()
/// settings.pdfaLevel = .b3
/// settings.converterJobs = 2
/// ```
public struct PrintSettings: Sendable {
    /// LibreOffice's `soffice`; nil: found on `PATH`.
    public var soffice: URL?
    /// LibreOffice processes converting in parallel.
    public var converterJobs = 1
    /// Seconds LibreOffice may take for one document before it is killed (`--convert-timeout`).
    public var timeout: Double = 120
    /// Documents one LibreOffice process converts before a new one takes over.
    public var restartAfter = 100
    public var pdfaLevel: PDFALevel = .b2
    /// The package a `template.xml` is converted from (an office template always converts
    /// from its own format).
    public var pdfSource: OutputFormat = .odt
    /// Resolution of PNG previews.
    public var dpi = 96
    /// Which pages become PNG files: `<name>.png` for the first, `<name>-<page>.png` for all.
    public var pages: PagePreview.Pages = .first
    /// The largest PDF or image written (`--max-output-size`); nil: no limit.
    public var maxOutputSize: Int?

    public init() {}

    /// The package format a template's documents are converted from.
    public func sourceFormat(for package: TemplatePackage) -> OutputFormat {
        package.office == nil ? pdfSource : package.formats[0]
    }
}

extension FormwrightError {
    init(_ error: OfficeConversionError) {
        self.init(error.code == .missingTool ? .usage : .io, diagnostics: [Diagnostic(error)])
    }
}
