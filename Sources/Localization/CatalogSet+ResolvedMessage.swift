/// A message found by ``CatalogSet/lookup(id:domains:locale:)``: its text and where it came from.
public struct ResolvedMessage: Sendable, Hashable {
    /// The catalog entry that supplied the text.
    public let entry: CatalogEntry
    /// The locale whose catalog held it; differs from ``requestedLocale`` after a fallback.
    public let locale: LocaleID
    /// The domain whose catalog held it.
    public let domain: String
    /// The locale the lookup was for.
    public let requestedLocale: LocaleID

    public init(entry: CatalogEntry, locale: LocaleID, domain: String, requestedLocale: LocaleID) {
        self.entry = entry
        self.locale = locale
        self.domain = domain
        self.requestedLocale = requestedLocale
    }

    /// The MessageFormat pattern to format.
    public var text: String { entry.translation }
    /// The catalog file.
    public var path: String { entry.path }
    /// The line of the entry in ``path``.
    public var line: Int { entry.line }
    /// `path:line`, for diagnostics.
    public var location: String { entry.location }
    /// True when the text came from a parent locale (`ro` for a `ro-MD` lookup).
    public var isFallback: Bool { locale != requestedLocale }
}
