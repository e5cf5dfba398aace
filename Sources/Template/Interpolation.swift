/// Text with `{expression}` parts, as found in template text and attributes.
/// `{{` and `}}` stand for literal braces.
public struct Interpolation: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// An expression and the character offset of its first character in the text.
        case expression(Expression, offset: Int)
    }

    public let segments: [Segment]

    /// True when the text has no expression.
    public var isLiteral: Bool { segments.allSatisfy { if case .literal = $0 { true } else { false } } }

    /// An error at a character offset of the text.
    public struct SyntaxError: Error, Sendable {
        public let offset: Int
        public let message: String
        public let suggestion: String?
    }

    public init(parsing text: String) throws(SyntaxError) {
        var segments: [Segment] = []
        var literal = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" && i + 1 < chars.count && chars[i + 1] == "{" { literal.append("{"); i += 2; continue }
            if c == "}" && i + 1 < chars.count && chars[i + 1] == "}" { literal.append("}"); i += 2; continue }
            if c == "}" { throw SyntaxError(offset: i, message: "unmatched '}'", suggestion: "write '}}' for a literal brace") }
            if c == "{" {
                // Find the closing brace, skipping quoted strings inside the expression.
                var j = i + 1
                var quote: Character?
                while j < chars.count {
                    if let q = quote {
                        if chars[j] == "\\" { j += 2; continue }
                        if chars[j] == q { quote = nil }
                    } else if chars[j] == "\"" || chars[j] == "'" {
                        quote = chars[j]
                    } else if chars[j] == "}" {
                        break
                    }
                    j += 1
                }
                guard j < chars.count else {
                    throw SyntaxError(offset: i, message: "'{' is not closed", suggestion: "close the expression with '}', or write '{{' for a literal brace")
                }
                let source = String(chars[(i + 1)..<j])
                guard !source.trimmingWhitespace.isEmpty else {
                    throw SyntaxError(offset: i, message: "empty expression '{}'", suggestion: "write a data path such as {child.code}")
                }
                do {
                    let expression = try Expression.parse(source)
                    if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
                    segments.append(.expression(expression, offset: i + 1))
                } catch {
                    throw SyntaxError(offset: i + 1 + error.offset, message: error.message, suggestion: error.suggestion)
                }
                i = j + 1
                continue
            }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }
}

extension String {
    /// Without whitespace at either end (also for the office-template front end).
    package var trimmingWhitespace: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }

    /// Runs of whitespace folded to one space, as in HTML.
    var collapsingWhitespace: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for c in self {
            if c.isWhitespace { pendingSpace = true; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(c)
        }
        if pendingSpace { out.append(" ") }
        return out
    }
}
