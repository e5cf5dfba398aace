/// A failure while writing a DOCX package.
///
/// ```swift
/// do { _ = try DOCXWriter().write(document) }
/// catch let error as DOCXWriterError { print(error) }  // "word/document.xml: …"
/// ```
public struct DOCXWriterError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, written for the person running Formwright.
    public let message: String
    /// The package part concerned (`word/document.xml`), when there is one.
    public let part: String?
    /// What to do about it, when there is something to do.
    public let suggestion: String?

    /// An error about `part` (nil when it concerns the whole package).
    public init(message: String, part: String? = nil, suggestion: String? = nil) {
        self.message = message
        self.part = part
        self.suggestion = suggestion
    }

    /// `part: message (suggestion)`, for printing to the user.
    public var description: String {
        var text = part.map { "\($0): \(message)" } ?? message
        if let suggestion { text += " (\(suggestion))" }
        return text
    }
}
