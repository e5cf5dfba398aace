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
        self.data = data ?? LocaleData.of(locale)
        cardinal = PluralRules.cardinal(locale)
        ordinal = PluralRules.ordinal(locale)
    }

    static func of(_ locale: LocaleID) -> LocaleResources {
        switch locale.identifier {
        case "bg": bg
        case "ro": ro
        case "ro-MD": roMD
        case "it": it
        default: en
        }
    }

    private static let en = LocaleResources(.en)
    /// ICU's root `en` (American), for conformance vectors made with ICU; see ``MessageConformanceCase``.
    static let americanEnglish = LocaleResources(.en, data: .americanEnglish)
    private static let bg = LocaleResources(.bg)
    private static let ro = LocaleResources(.ro)
    private static let roMD = LocaleResources(.roMD)
    private static let it = LocaleResources(.it)
}
