/// A document that cannot be written as ODT, with what to change.
///
/// ```swift
/// do { _ = try ODTWriter().write(doc) }
/// catch let error as ODTWriterError { print(error) }  // "Table cell shading "red" is not a colour …"
/// ```
public struct ODTWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in words for the template author.
    public let message: String
    /// Where in the document, if known (for example "table 2, row 3").
    public let location: String?
    /// How to fix it, if there is an obvious way.
    public let suggestion: String?

    /// Creates an error; `location` and `suggestion` are shown when given.
    public init(message: String, location: String? = nil, suggestion: String? = nil) {
        self.message = message
        self.location = location
        self.suggestion = suggestion
    }

    /// `location: message suggestion`, as printed to template authors.
    public var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        if let suggestion { text += " \(suggestion)" }
        return text
    }
}
