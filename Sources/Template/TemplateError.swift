import Localization

/// A problem in a template, its data or its catalogs, located in a source file.
///
/// `description` is what the CLI prints:
/// ```
/// templates/x/template.xml:12:17: error: unknown filter 'uper'
///     <p>{child.name | uper}</p>
///                      ^
///   hint: did you mean 'upper'?
/// ```
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for tools and tests (`template.syntax`, `expression.unknown-filter`, …).
    public let code: String
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    public let suggestion: String?
    /// The source line, for the caret display (nil when unknown): at most 160 characters
    /// around the column, marked with … where cut.
    public var sourceLine: String?
    /// In an office template, the part and paragraph (`word/document.xml, paragraph 12`),
    /// printed instead of line:column; `sourceLine` is then that paragraph's text.
    public var place: String?
    /// Where the caret goes under ``sourceLine`` (0-based, in code points).
    public internal(set) var caret: Int

    public init(code: String, file: String, line: Int, column: Int, message: String, suggestion: String? = nil, sourceLine: String? = nil) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
        (self.sourceLine, caret) = sourceLine.map { Self.excerpt($0, column: column) } ?? (nil, max(0, column - 1))
    }

    public var description: String {
        // Data values reach messages: their control and bidi characters are shown, not obeyed.
        let message = VisibleText.escaping(message), file = VisibleText.escaping(file)
        var text = place.map { "\(file): \(VisibleText.escaping($0)): error: \(message)" } ?? "\(file):\(line):\(column): error: \(message)"
        if let sourceLine {
            text += "\n    \(VisibleText.escaping(sourceLine.replacingTabs()))\n    \(String(repeating: " ", count: caret))^"
        }
        if let suggestion { text += "\n  hint: \(VisibleText.escaping(suggestion))" }
        return text
    }
}

/// Several problems found at once; `description` lists them all.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [TemplateError]
    public init(_ errors: [TemplateError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension TemplateError {
    /// The most problems one parse or render reports (then one that says there are more).
    public static let maximumReported = 100

    /// At most 160 characters of a source line around `column`, and the caret's offset in it:
    /// a template written on one long line would otherwise print that whole line once per
    /// error (100 000 errors × 3 MB).
    static func excerpt(_ line: String, column: Int) -> (text: String, caret: Int) {
        let scalars = Array(line.unicodeScalars)
        let caret = max(0, column - 1)
        guard scalars.count > 160 else { return (line, caret) }
        let start = max(0, min(caret - 80, scalars.count - 160)), end = min(scalars.count, start + 160)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var shift = start
        if start > 0 { text = "…" + text; shift -= 1 }
        if end < scalars.count { text += "…" }
        return (text, caret - shift)
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}

/// Closest candidate for "did you mean": a likely misspelling, else a candidate the word starts
/// with (`<para>` → `<p>`).
func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let candidates = Array(candidates)
    return Spelling.closest(to: word, among: candidates)
        ?? candidates.first { word.count > $0.count && word.hasPrefix($0) }
}
