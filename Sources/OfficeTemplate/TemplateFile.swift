public import DocumentModel
public import Foundation
public import Template

/// The file a template folder's document is written in: `template.xml` (Formwright's
/// template language) or `template.docx` / `template.odt` (written in Word or Writer).
public enum TemplateFile {
    public static let names = ["template.xml", "template.docx", "template.odt"]

    /// The template file of a folder, if it has one (the first of ``names``).
    public static func locate(in directory: URL) -> URL? {
        names.map { directory.appendingPathComponent($0) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Every template file in the folder: more than one is a mistake the caller reports.
    public static func all(in directory: URL) -> [URL] {
        names.map { directory.appendingPathComponent($0) }.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The parsed template, of either kind; `file` names it in errors.
    public enum Parsed: Sendable {
        case xml(TemplateDefinition)
        case office(OfficeTemplate)

        public var definition: TemplateDefinition {
            switch self {
            case .xml(let d): d
            case .office(let o): o.definition
            }
        }
    }

    /// Parses template bytes by the file's name. An office template's schema is
    /// `schema.json` when `hasSchema`. Images a `template.xml` names are read from the
    /// template's folder now, within `imageLimits`.
    public static func parse(
        _ bytes: [UInt8], url: URL, file: String, hasSchema: Bool, imageLimits: ImageData.Limits = .init()
    ) throws(TemplateErrors) -> Parsed {
        if url.pathExtension.lowercased() == "xml" {
            return .xml(try TemplateParser.parse(source: bytes, file: file, folder: url.deletingLastPathComponent(), imageLimits: imageLimits))
        }
        let id = url.deletingLastPathComponent().lastPathComponent
        return .office(try OfficeTemplate(bytes: bytes, file: file, id: id, schemaFile: hasSchema ? "schema.json" : nil, folder: url.deletingLastPathComponent()))
    }
}
