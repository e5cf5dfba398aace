import Localization

/// Why a Formwright operation failed, with every located problem found.
///
/// `description` is what the CLI prints to standard error.
public struct FormwrightError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case template, data, catalog, locale, io, usage
        /// A resource limit was reached (the message names the flag that raises it).
        case limit
    }

    public let kind: Kind
    /// One line per problem (each may span several lines with a caret and a hint).
    public let problems: [String]
    /// The disk (or the user's quota) is full: a batch stops rather than try every record.
    public private(set) var isDiskFull = false

    public init(_ kind: Kind, _ problems: [String]) {
        self.kind = kind
        self.problems = problems
    }

    func markingDiskFull() -> FormwrightError {
        var copy = self
        copy.isDiskFull = true
        return copy
    }

    public init(_ kind: Kind, _ problem: String) { self.init(kind, [problem]) }

    /// Every problem, one after another; control and bidi characters (from data, catalogs or
    /// file names) are shown as escapes such as `\u{1B}`, never sent to the terminal raw.
    public var description: String { VisibleText.escaping(problems.joined(separator: "\n"), keepingLineBreaks: true) }
}
