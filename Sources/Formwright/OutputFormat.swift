import DOCXWriter
public import DocumentModel
import ODTWriter

/// The document formats Formwright writes.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    case odt, docx

    /// The writer for this format.
    public var writer: any DocumentWriter {
        switch self {
        case .odt: ODTWriter()
        case .docx: DOCXWriter()
        }
    }

    /// The format a file name's extension names, if any.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }
}
