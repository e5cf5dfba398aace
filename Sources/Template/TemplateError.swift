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
    /// The source line, for the caret display (nil when unknown).
    public var sourceLine: String?
    /// In an office template, the part and paragraph (`word/document.xml, paragraph 12`),
    /// printed instead of line:column; `sourceLine` is then that paragraph's text.
    public var place: String?

    public init(code: String, file: String, line: Int, column: Int, message: String, suggestion: String? = nil, sourceLine: String? = nil) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
        self.sourceLine = sourceLine
    }

    public var description: String {
        // Data values reach messages: their control and bidi characters are shown, not obeyed.
        let message = VisibleText.escaping(message), file = VisibleText.escaping(file)
        var text = place.map { "\(file): \(VisibleText.escaping($0)): error: \(message)" } ?? "\(file):\(line):\(column): error: \(message)"
        if let sourceLine {
            let trimmed = VisibleText.escaping(sourceLine.replacingTabs())
            text += "\n    \(trimmed)\n    \(String(repeating: " ", count: max(0, column - 1)))^"
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
