/// Every problem found while loading a `locales/` directory, so a translator sees all of
/// them in one run instead of fixing one file at a time.
///
/// ```swift
/// do {
///     let catalogs = try CatalogSet(directory: localesURL)
/// } catch {
///     for problem in error.errors { print(problem) }
/// }
/// ```
public struct CatalogErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, ordered by file path and then by line.
    public var errors: [CatalogError]

    public init(_ errors: [CatalogError]) { self.errors = errors }

    /// One problem per line (suggestions indented below their problem).
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
