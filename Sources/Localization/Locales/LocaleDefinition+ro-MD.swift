// CLDR 47 data (ICU 77.1), checked against ../shared/conformance/formats.json. Spaces inside
// patterns are the CLDR ones: U+00A0 NO-BREAK SPACE in number patterns, U+202F NARROW NO-BREAK
// SPACE where CLDR has it. See docs/LOCALES.md for what each field is and how to add a locale.

extension LocaleDefinition {
    /// Romanian as written in the Republic of Moldova: Romanian (its plural rules, catalogs
    /// and data) with what differs.
    static let roMD = LocaleDefinition(
        tag: "ro-MD", englishName: "Romanian (Republic of Moldova)", documentLanguage: "ro-MD",
        sealMark: "L.Ș.", quotes: ro.quotes, gettextPluralForms: ro.gettextPluralForms,
        cardinalRules: nil, ordinalRules: nil,
        data: .roMD)
}

extension LocaleData {
    /// ro-MD: Romanian with Moldova's own currency symbol and weekday abbreviations.
    static let roMD: LocaleData = {
        var data = ro
        data.currencySymbols["MDL"] = "L"
        data.defaultCurrency = "MDL"
        data.weekdaysAbbreviated = ["Dum", "Lun", "Mar", "Mie", "Joi", "Vin", "Sâm"]
        return data
    }()
}
