/// A message that is not valid ICU MessageFormat, with where and what was expected.
///
/// ```swift
/// do { _ = try MessageFormat("{count, plural, one {# child}") }
/// catch { print(error) }   // 1:30: expected '}' to close the argument 'count'
/// ```
public struct MessageSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Position in the message, in Unicode code points from its start (0-based).
    public let offset: Int
    /// 1-based line within the message.
    public let line: Int
    /// 1-based column within the line, in code points.
    public let column: Int
    /// What is wrong or what was expected.
    public let message: String
    /// How to fix it, where there is an obvious fix.
    public let suggestion: String?

    init(offset: Int, in scalars: [Unicode.Scalar], message: String, suggestion: String? = nil) {
        self.offset = offset
        var line = 1, lineStart = 0
        for (index, scalar) in scalars.prefix(offset).enumerated() where scalar == "\n" {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        self.column = offset - lineStart + 1
        self.message = message
        self.suggestion = suggestion
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
