/// All catalogs of a project — `locales/<locale>/<domain>.po` — and message lookup along
/// the locale fallback chain.
///
/// ```swift
/// let catalogs = try CatalogSet(directory: projectURL.appendingPathComponent("locales"))
/// if let message = catalogs.lookup(id: "consent.title", domains: ["consent-data-sharing", "common"], locale: .roMD) {
///     message.text       // from ro-MD if translated there, else from ro, else from en
///     message.location   // "…/locales/ro/consent-data-sharing.po:14"
/// }
/// ```
public struct CatalogSet: Sendable {
    private var catalogs: [LocaleID: [String: Catalog]] = [:]

    /// A set made of catalogs already read; a later catalog for the same locale and
    /// domain replaces an earlier one.
    public init(catalogs: [Catalog]) {
        for catalog in catalogs { self.catalogs[catalog.locale, default: [:]][catalog.domain] = catalog }
    }

    /// The locales that have at least one catalog, sorted by identifier.
    public var locales: [LocaleID] { catalogs.keys.sorted() }

    /// The domains that have a catalog in at least one locale, sorted.
    public var domains: [String] { Set(catalogs.values.flatMap(\.keys)).sorted() }

    /// The locales that have a catalog for `domain`, sorted by identifier.
    public func locales(forDomain domain: String) -> [LocaleID] {
        catalogs.filter { $0.value[domain] != nil }.keys.sorted()
    }

    /// The catalog of one locale and domain, if there is a file for it.
    public func catalog(locale: LocaleID, domain: String) -> Catalog? { catalogs[locale]?[domain] }

    /// Resolves a message id: for each locale of `locale.fallbackChain` (`ro-MD → ro → en`),
    /// tries `domains` in order, and returns the first usable translation.
    ///
    /// Returns nil when no locale of the chain translates `id`; the caller then uses the
    /// English source from the template and reports the id as missing.
    public func lookup(id: String, domains: [String], locale: LocaleID) -> ResolvedMessage? {
        for candidate in locale.fallbackChain {
            guard let byDomain = catalogs[candidate] else { continue }
            for domain in domains {
                if let entry = byDomain[domain]?.translation(for: id) {
                    return ResolvedMessage(entry: entry, locale: candidate, domain: domain, requestedLocale: locale)
                }
            }
        }
        return nil
    }
}
