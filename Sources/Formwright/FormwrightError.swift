import Localization

/// Why a library call failed: the ``Diagnostic``s that say where and what, and a kind for the
/// caller that only needs to know what sort of input was wrong.
///
/// ```swift
/// do {
///     _ = try library.render("consent-data-sharing", data: .file(url), locale: "bg")
/// } catch {
///     for diagnostic in error.diagnostics { print(diagnostic) }
/// }
/// ```
public struct FormwrightError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case template, data, catalog, locale, io, usage
        /// A resource limit was reached (the diagnostic names the ``Limits`` setting).
        case limit
    }

    public let kind: Kind
    /// Every problem found, in the order found (empty when they were already reported, as a
    /// batch does record by record).
    public let diagnostics: [Diagnostic]
    /// The disk (or the user's quota) is full: a batch stops rather than try every record.
    public private(set) var isDiskFull = false

    public init(_ kind: Kind, diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    /// Problems written as text (`path: what is wrong` and an optional `\n  hint: …`).
    public init(_ kind: Kind, _ problems: [String]) {
        self.init(kind, diagnostics: problems.map { Diagnostic(text: $0, code: "formwright.\(kind.rawValue)") })
    }

    public init(_ kind: Kind, _ problem: String) { self.init(kind, [problem]) }

    func markingDiskFull() -> FormwrightError {
        var copy = self
        copy.isDiskFull = true
        return copy
    }

    /// One text per problem, as ``Diagnostic/description`` gives it.
    public var problems: [String] { diagnostics.map(\.description) }

    /// Every problem, one after another; control and bidi characters (from data, catalogs or
    /// file names) are shown as escapes such as `\u{1B}`, never sent to the terminal raw.
    public var description: String { VisibleText.escaping(problems.joined(separator: "\n"), keepingLineBreaks: true) }
}
