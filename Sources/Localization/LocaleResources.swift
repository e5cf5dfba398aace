/// Everything formatting needs for one locale, resolved once (data and plural rules),
/// so that formatting a message does no lookups along the fallback chain. A class, so
/// that handing it around costs one reference count rather than one per table.
final class LocaleResources: Sendable {
    let locale: LocaleID
    let data: LocaleData
    let cardinal: PluralRules
    let ordinal: PluralRules

    private init(_ locale: LocaleID, data: LocaleData? = nil) {
        self.locale = locale
        self.data = data ?? locale.definition.data
        cardinal = PluralRules.cardinal(locale)
        ordinal = PluralRules.ordinal(locale)
    }

    static func of(_ locale: LocaleID) -> LocaleResources {
        registered[locale.identifier]!
    }

    /// Built once, for every registered locale.
    private static let registered: [String: LocaleResources] = Dictionary(
        uniqueKeysWithValues: LocaleDefinition.all.map { ($0.tag.description, LocaleResources($0.id)) })

    /// ICU's root `en` (American), for conformance vectors made with ICU; see ``MessageConformanceCase``.
    static let americanEnglish = LocaleResources(.en, data: .americanEnglish)
}
