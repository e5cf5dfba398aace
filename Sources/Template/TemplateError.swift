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
        var text = "\(file):\(line):\(column): error: \(message)"
        if let sourceLine {
            let trimmed = sourceLine.replacingTabs()
            text += "\n    \(trimmed)\n    \(String(repeating: " ", count: max(0, column - 1)))^"
        }
        if let suggestion { text += "\n  hint: \(suggestion)" }
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

/// Closest candidate by edit distance (at most 2, or a case-insensitive match), for "did you mean".
func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    var best: (String, Int)?
    var prefixMatch: String?
    for candidate in candidates {
        if candidate.lowercased() == word.lowercased() { return candidate }
        let d = editDistance(word, candidate)
        if d <= 2, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        if prefixMatch == nil, word.count > candidate.count, word.hasPrefix(candidate) { prefixMatch = candidate }
    }
    return best?.0 ?? prefixMatch
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
