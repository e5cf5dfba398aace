/// A problem found while reading a gettext PO catalog, with the place it was found.
///
/// Printed as `file:line:column: error: message`, followed by the suggestion on its own line,
/// so editors and CI logs can jump to the spot:
///
/// ```swift
/// do {
///     _ = try POFile.parse(text, path: "locales/ro/common.po")
/// } catch {
///     print(error)   // locales/ro/common.po:12:8: error: unterminated string …
/// }
/// ```
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is; stable, so tools can filter or count them.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A string whose closing `"` is missing before the end of the line.
        public static let unterminatedString = Code(rawValue: "unterminated-string")
        /// A line that starts with a word PO does not know (`msgtsr`).
        public static let unknownKeyword = Code(rawValue: "unknown-keyword")
        /// `msgstr` (or `msgstr[n]`) with no `msgid` before it in the same entry.
        public static let msgstrWithoutMsgid = Code(rawValue: "msgstr-without-msgid")
        /// `msgid` (or `msgctxt`) with no `msgstr` after it.
        public static let msgidWithoutMsgstr = Code(rawValue: "msgid-without-msgstr")
        /// Two entries with the same `msgctxt` and `msgid`.
        public static let duplicateEntry = Code(rawValue: "duplicate-entry")
        /// A backslash escape that C and gettext do not define (`\q`), or one that does not
        /// yield UTF-8 text.
        public static let invalidEscape = Code(rawValue: "invalid-escape")
        /// A header declaring a charset other than UTF-8, or file bytes that are not UTF-8.
        public static let unsupportedCharset = Code(rawValue: "unsupported-charset")
        /// Anything else that breaks PO syntax: a keyword without its string, text after a
        /// string, keywords out of order, plural forms out of sequence.
        public static let syntax = Code(rawValue: "syntax")
        /// A file or directory that cannot be read or written.
        public static let io = Code(rawValue: "io")
        /// A `locales/` subdirectory that is not a supported locale, or a file whose
        /// `Language` header names another locale than its directory.
        public static let wrongLocale = Code(rawValue: "wrong-locale")
    }

    public var code: Code
    /// The catalog's path as given to the parser (`locales/ro/common.po`).
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file or directory.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 0 when unknown.
    public var column: Int
    /// What is wrong, written for the translator or template author.
    public var message: String
    /// How to fix it, when there is an obvious fix.
    public var suggestion: String?

    public init(_ code: Code, file: String, line: Int, column: Int, message: String, suggestion: String? = nil) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line:column`, dropping the parts that are unknown.
    public var location: String { Self.location(file: file, line: line, column: column) }

    public var description: String { Self.describe(location: location, severity: "error", message: message, suggestion: suggestion) }

    /// `file:line:column` with unknown parts (0) left out; shared with the catalog tools'
    /// diagnostics so every catalog message reads the same.
    public static func location(file: String, line: Int, column: Int) -> String {
        switch (line, column) {
        case (0, _): file
        case (_, 0): "\(file):\(line)"
        default: "\(file):\(line):\(column)"
        }
    }

    /// `location: severity: message`, then the suggestion on its own line.
    public static func describe(location: String, severity: String, message: String, suggestion: String?) -> String {
        // Catalogs are not trusted: their text is shown, never obeyed (see VisibleText).
        var text = "\(VisibleText.escaping(location)): \(severity): \(VisibleText.escaping(message))"
        if let suggestion { text += "\n  suggestion: \(VisibleText.escaping(suggestion))" }
        return text
    }
}
