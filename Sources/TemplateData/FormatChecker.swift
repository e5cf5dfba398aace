/// The `format` values a schema may use, each with its check: `date`, `date-time`,
/// `email` and the national identifiers `egn`, `cnp`, `idnp`, `codice-fiscale`
/// (see ``NationalIdentifier``; never repeated in messages) are built in.
///
/// A check returns nil when the text is valid, otherwise the reason (`""` when the expected
/// form says it all).
///
/// ```swift
/// var formats = FormatChecker.standard
/// formats.register("case-code", expected: "a case code such as BG-VT-2026-014") { text in
///     text.hasPrefix("BG-") ? nil : "it must start with the country code"
/// }
/// let schema = try DataSchema(text: schemaJSON, path: "schema.json", formats: formats)
/// ```
public struct FormatChecker: Sendable {
    /// Validates text: nil when valid, else the reason it is not.
    public typealias Check = @Sendable (String) -> String?
    /// Proposes a corrected value for invalid text, or nil.
    public typealias Suggest = @Sendable (String) -> String?

    /// One registered format.
    public struct Format: Sendable {
        /// The name used in schemas (`date`).
        public let name: String
        /// What a valid value is, for messages (`a date (YYYY-MM-DD)`).
        public let expected: String
        /// When true, messages never repeat the value (personal identification numbers).
        public let isSensitive: Bool
        /// nil when the text is valid, else the reason (`""` when ``expected`` says it all).
        public let check: Check
        /// A corrected value to offer in the hint (`22.11.2026` → `2026-11-22`), if any.
        public let suggest: Suggest?
    }

    private var formats: [String: Format] = [:]

    /// No formats at all; see ``standard``.
    public init() {}

    /// `date`, `date-time`, `email`, `egn`, `cnp`, `idnp` and `codice-fiscale`.
    public static let standard: FormatChecker = {
        var checker = FormatChecker()
        checker.register(
            "date", expected: "a date (YYYY-MM-DD)", check: StandardFormats.checkDate,
            suggest: StandardFormats.suggestDate)
        checker.register(
            "date-time", expected: "a date and time (RFC 3339, e.g. 2026-11-22T09:30:00+02:00)",
            check: StandardFormats.checkDateTime)
        checker.register("email", expected: "an email address", check: StandardFormats.checkEmail)
        checker.registerNationalIdentifiers()
        return checker
    }()

    /// Adds or replaces a format.
    public mutating func register(
        _ name: String, expected: String, isSensitive: Bool = false, check: @escaping Check, suggest: Suggest? = nil
    ) {
        formats[name] = Format(name: name, expected: expected, isSensitive: isSensitive, check: check, suggest: suggest)
    }

    /// The format registered under `name`.
    public subscript(name: String) -> Format? { formats[name] }

    /// Registered names, sorted.
    public var names: [String] { formats.keys.sorted() }
}
