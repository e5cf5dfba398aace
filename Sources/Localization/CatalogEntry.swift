/// A usable translation from a catalog, with the English source the translator saw and
/// where it was read.
///
/// ```swift
/// if let entry = catalog.translation(for: "consent.title"), entry.isStale(comparedTo: templateSource) {
///     print("\(entry.location): warning: translated from an older English text")
/// }
/// ```
public struct CatalogEntry: Sendable, Hashable {
    /// The message id (`msgctxt`), e.g. `consent.title`.
    public let id: String
    /// The English MessageFormat source (`msgid`) the translation was made from.
    public let source: String
    /// The translated MessageFormat pattern (`msgstr`), never empty.
    public let translation: String
    /// 1-based line of the entry's first keyword in ``path``.
    public let line: Int
    /// The catalog file the entry came from.
    public let path: String

    public init(id: String, source: String, translation: String, line: Int, path: String) {
        self.id = id
        self.source = source
        self.translation = translation
        self.line = line
        self.path = path
    }

    /// `path:line`, for diagnostics.
    public var location: String { "\(path):\(line)" }

    /// True when the template's English text has changed since this was translated.
    public func isStale(comparedTo currentSource: String) -> Bool { source != currentSource }
}
