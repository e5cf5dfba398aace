/// The CLDR data that formatting needs for one locale, complete (ro-MD is ro plus its own
/// currency symbol and weekday abbreviations). Each locale's values live in its file in
/// `Locales/`, next to its ``LocaleDefinition``.
struct LocaleData: Sendable {
    var decimalSeparator: String
    var groupSeparator: String
    var minusSign = "-"
    var plusSign = "+"
    var percentSign = "%"
    /// CLDR `minimumGroupingDigits`: 2 leaves four-digit numbers ungrouped (bg, it).
    var minimumGroupingDigits: Int
    var percentPattern: NumberPattern
    var currencyPattern: NumberPattern
    /// Symbols that differ from the ISO code (`EUR` → `€`).
    var currencySymbols: [String: String]
    /// The region's currency, where the locale has a region (ro-MD → MDL).
    var defaultCurrency: String?
    /// CLDR short compact patterns by power of ten (3 = thousands); nil where the number is not compacted.
    var compactShort: [Int: NumberPattern?]
    var monthsWide: [String]
    var monthsAbbreviated: [String]
    /// Stand-alone month names (`LLLL`, `LLL`), where they differ from the format names: the
    /// nominative "грудень" against the genitive "3 грудня". nil: the same as the format names.
    var standaloneMonthsWide: [String]? = nil
    var standaloneMonthsAbbreviated: [String]? = nil
    /// Sunday first.
    var weekdaysWide: [String]
    var weekdaysAbbreviated: [String]
    var amPM: (am: String, pm: String)
    var datePatterns: [DateStyle: DatePattern]
    var timePatterns: [DateStyle: DatePattern]
    /// Joins a date (`{1}`) and a time (`{0}`), for a date-time shown without a style.
    var dateTimeGlue: String
    /// Patterns for date skeletons, keyed by canonical skeleton (``DateSkeleton``).
    var skeletonPatterns: [String: DatePattern]
    /// `zzzz` for UTC.
    var utcLongName: String

    func currencySymbol(for code: String) -> String {
        currencySymbols[code] ?? code
    }
}

/// A CLDR number pattern such as `#,##0.00 ¤`, reduced to what the formatter uses:
/// the text before and after the digits and the fraction digits it asks for.
/// `¤` and `%` in the affixes are placeholders for the currency and percent signs.
struct NumberPattern: Sendable, Hashable {
    var prefix: String
    var suffix: String
    var minimumFractionDigits: Int
    var maximumFractionDigits: Int
    /// Zeros in a compact pattern (`00K` has 2): how many integer digits it shows.
    var integerZeros: Int

    init(_ pattern: String) {
        var prefix = "", body = "", suffix = ""
        var inQuote = false
        for character in pattern {
            if character == "'" {
                inQuote.toggle()
                continue
            }
            if !inQuote && "#0,.".contains(character) && suffix.isEmpty {
                body.append(character)
            } else if body.isEmpty {
                prefix.append(character)
            } else {
                suffix.append(character)
            }
        }
        self.prefix = prefix
        self.suffix = suffix
        let fraction = body.split(separator: ".", maxSplits: 1).dropFirst().first ?? ""
        minimumFractionDigits = fraction.filter { $0 == "0" }.count
        maximumFractionDigits = fraction.count
        let integer = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        integerZeros = integer.filter { $0 == "0" }.count
    }
}
