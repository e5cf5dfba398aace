import Localization
/// A problem with a data file or schema, written for the person who has to fix the file.
///
/// Loading throws one (a syntax error stops the parser); schema validation returns every
/// problem at once, in document order.
///
/// ```swift
/// for error in schema.validate(document) { print(error) }
/// // data.yaml:14:7: error: /child/birth_date: expected a date (YYYY-MM-DD), found "22.11.2026"
/// //   hint: did you mean "2026-11-22"?
/// ```
public struct DataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is, for code that reacts to some kinds (tests, a web form).
    public var code: Code
    /// The JSON Pointer of the value concerned (`""` for the whole document or a syntax error).
    public var pointer: String
    /// The file the problem is in, when there is one.
    public var file: String?
    /// Where in the file, when known.
    public var location: SourceLocation?
    /// What is wrong, without location or pointer (`expected a date (YYYY-MM-DD), found "22.11.2026"`).
    public var message: String
    /// What was expected, in words (`a date (YYYY-MM-DD)`), when there is one thing to name.
    public var expected: String?
    /// How to fix it, as a sentence (`did you mean "2026-11-22"?`).
    public var suggestion: String?

    public init(
        code: Code, pointer: String = "", file: String? = nil, location: SourceLocation? = nil, message: String,
        expected: String? = nil, suggestion: String? = nil
    ) {
        self.code = code
        self.pointer = pointer
        self.file = file ?? location?.file
        self.location = location
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
    }

    /// `file:line:column: error: /pointer: message`, then `  hint: …` on the next line when
    /// there is a suggestion.
    public var description: String {
        // Keys, values and file names come from untrusted data: shown, never obeyed (see VisibleText).
        var text = ""
        if let location {
            text += "\(VisibleText.escaping(location.description)): "
        } else if let file {
            text += "\(VisibleText.escaping(file)): "
        }
        text += "error: "
        if !pointer.isEmpty { text += "\(VisibleText.escaping(pointer)): " }
        text += VisibleText.escaping(message)
        if let suggestion { text += "\n  hint: \(VisibleText.escaping(suggestion))" }
        return text
    }

    /// An extensible error code, so new kinds of problem need no breaking change.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file could not be read.
        public static let unreadable = Code(rawValue: "unreadable")
        /// The file extension names no data format Formwright reads.
        public static let unsupportedFileType = Code(rawValue: "unsupported-file-type")
        /// The bytes are not UTF-8.
        public static let invalidEncoding = Code(rawValue: "invalid-encoding")
        /// JSON or YAML syntax.
        public static let syntax = Code(rawValue: "syntax")
        /// A key appears twice in one object.
        public static let duplicateKey = Code(rawValue: "duplicate-key")
        /// A number that cannot be kept exactly as a `Decimal`.
        public static let numberOutOfRange = Code(rawValue: "number-out-of-range")
        /// File size, nesting depth or value count over ``DataLimits``.
        public static let limitExceeded = Code(rawValue: "limit-exceeded")
        /// The schema itself is wrong.
        public static let invalidSchema = Code(rawValue: "invalid-schema")
        /// Validation: wrong JSON type.
        public static let type = Code(rawValue: "type")
        /// Validation: a required property is missing.
        public static let required = Code(rawValue: "required")
        /// Validation: a property the schema does not allow.
        public static let unknownProperty = Code(rawValue: "unknown-property")
        /// Validation: not one of the `enum` values, or not the `const` value.
        public static let notAllowed = Code(rawValue: "not-allowed")
        /// Validation: `format` (date, date-time, email, national IDs…).
        public static let format = Code(rawValue: "format")
        /// Validation: `pattern`.
        public static let pattern = Code(rawValue: "pattern")
        /// Validation: `minLength` / `maxLength`.
        public static let length = Code(rawValue: "length")
        /// Validation: `minimum` / `maximum` / exclusive bounds.
        public static let range = Code(rawValue: "range")
        /// Validation: `minItems` / `maxItems`.
        public static let itemCount = Code(rawValue: "item-count")
    }
}

/// Several data errors reported together (validation, or a schema with several mistakes).
///
/// ```swift
/// let errors = schema.validate(document)
/// if !errors.isEmpty { throw DataErrorList(errors) }
/// ```
public struct DataErrorList: Error, Sendable, CustomStringConvertible {
    public var errors: [DataError]

    public init(_ errors: [DataError]) { self.errors = errors }

    /// One error per line (hints on their own lines), in the order found.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
