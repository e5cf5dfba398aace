/// A kind of file a render delivers: an office package Formwright writes itself, or a
/// print format LibreOffice makes from one (see ``PrintQueue``).
///
/// ```swift
/// try DeliveryFormat.parse(["odt,pdf", "png"], for: package)   // [.package(.odt), .pdf, .png]
/// ```
public enum DeliveryFormat: Hashable, Sendable, CustomStringConvertible {
    case package(OutputFormat)
    /// PDF through LibreOffice.
    case pdf
    /// PDF/A through LibreOffice, at the level of ``PrintSettings/pdfaLevel``.
    case pdfa
    /// PNG images of pages, from the PDF.
    case png

    /// The name on the command line and in `{format}`: odt, docx, pdf, pdfa, png.
    public var description: String {
        switch self {
        case .package(let format): format.rawValue
        case .pdf: "pdf"
        case .pdfa: "pdfa"
        case .png: "png"
        }
    }

    /// The file name extension: a PDF/A is a `.pdf`.
    public var fileExtension: String {
        switch self {
        case .package(let format): format.rawValue
        case .pdf, .pdfa: "pdf"
        case .png: "png"
        }
    }

    /// Made by LibreOffice rather than written by Formwright.
    public var needsConverter: Bool {
        if case .package = self { false } else { true }
    }

    /// One name: odt, docx, pdf, pdfa or png.
    public init?(name: String) {
        switch name.lowercased() {
        case "pdf": self = .pdf
        case "pdfa", "pdf/a": self = .pdfa
        case "png": self = .png
        default:
            guard let format = OutputFormat(rawValue: name.lowercased()) else { return nil }
            self = .package(format)
        }
    }

    /// The format a file name's extension names (`.pdf` is a plain PDF), if any.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        guard ext != "pdfa", let format = DeliveryFormat(name: ext) else { return nil }
        self = format
    }

    /// The formats named by `--format` values: each a name, `both` (the template's package
    /// formats) or a comma list of them, in order, without repeats.
    public static func parse(_ values: [String], for package: TemplatePackage) throws(FormwrightError) -> [DeliveryFormat] {
        var result: [DeliveryFormat] = []
        for value in values {
            for text in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
                let parsed: [DeliveryFormat]
                if text.lowercased() == "both" {
                    parsed = package.formats.map { .package($0) }
                } else if let format = DeliveryFormat(name: text) {
                    parsed = [format]
                } else {
                    throw FormwrightError(.usage, "unknown format '\(text)'; use odt, docx, both, pdf, pdfa or png (or a list such as odt,pdf)")
                }
                for format in parsed where !result.contains(format) { result.append(format) }
            }
        }
        for case .package(let format) in result where !package.formats.contains(format) { throw package.formatRefusal(format) }
        return result
    }
}
