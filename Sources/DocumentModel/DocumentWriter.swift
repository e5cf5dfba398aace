/// Turns a ``Document`` into the bytes of one package format. `ODTWriter` and
/// `DOCXWriter` are the two implementations.
public protocol DocumentWriter: Sendable {
    /// File name extension without the dot: `odt`, `docx`.
    var fileExtension: String { get }
    /// The package's bytes. Same document in, same bytes out.
    func write(_ document: Document) throws -> [UInt8]
}
