/// A position in a source file, for messages a person can follow to the spot.
///
/// Lines and columns start at 1; columns count Unicode scalars, as editors and libyaml do,
/// so `ă` or `ж` is one column.
///
/// ```swift
/// let at = SourceLocation(file: "data.yaml", line: 14, column: 7)
/// "\(at)"   // "data.yaml:14:7"
/// ```
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as it should be shown to the user (as given, not resolved).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers use and editors turn into links.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column, so diagnostics can be listed in reading order.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
