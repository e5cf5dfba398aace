// CLDR data for Ukrainian, checked against Tests/LocalizationTests/Fixtures/locale-vectors-uk.json
// (made by scripts/make-locale-vectors with Babel's CLDR) and against ICU through Foundation.
// Spaces inside patterns are the CLDR ones: U+00A0 NO-BREAK SPACE in number patterns, U+202F
// NARROW NO-BREAK SPACE before the year abbreviation "р.". The worked example of docs/LOCALES.md.

extension LocaleDefinition {
    /// Ukrainian (Ukraine). Catalogs: `common` is translated; the templates' own domains are
    /// not yet, so their messages render in English and are reported as missing.
    static let uk = LocaleDefinition(
        tag: "uk", englishName: "Ukrainian", documentLanguage: "uk-UA",
        // "місце печатки": the place of the seal on Ukrainian official forms.
        sealMark: "М.П.", quotes: QuotationMarks("«", "»", alternate: "„", "“"),
        gettextPluralForms: "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);",
        isComplete: false,
        // CLDR 47 `plurals.xml` / `ordinals.xml` (unchanged through CLDR 49).
        cardinalRules: [
            .one: "v = 0 and i % 10 = 1 and i % 100 != 11 @integer 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001, …",
            .few: "v = 0 and i % 10 = 2..4 and i % 100 != 12..14 @integer 2~4, 22~24, 32~34, 42~44, 52~54, 62, 102, 1002, …",
            .many: "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14 @integer 0, 5~19, 100, 1000, 10000, 100000, 1000000, …",
        ],
        ordinalRules: [.few: "n % 10 = 3 and n % 100 != 13 @integer 3, 23, 33, 43, 53, 63, 73, 83, 103, 1003, …"],
        data: .uk)
}

extension LocaleData {
    static let uk = LocaleData(
        decimalSeparator: ",",
        groupSeparator: "\u{00A0}",
        minimumGroupingDigits: 1,
        percentPattern: NumberPattern("#,##0%"),
        currencyPattern: NumberPattern("#,##0.00\u{00A0}¤"),
        // CLDR gives the hryvnia its sign; the euro and the dollar are written as their codes.
        currencySymbols: ["UAH": "₴"],
        defaultCurrency: nil,
        compactShort: compactTable([
            "0\u{00A0}тис.", "00\u{00A0}тис.", "000\u{00A0}тис.",
            "0\u{00A0}млн", "00\u{00A0}млн", "000\u{00A0}млн",
            "0\u{00A0}млрд", "00\u{00A0}млрд", "000\u{00A0}млрд",
            "0\u{00A0}трлн", "00\u{00A0}трлн", "000\u{00A0}трлн",
        ]),
        // Format (genitive) names, as in "3 грудня 2026 р."; the stand-alone (nominative) names
        // below are what `LLLL` prints: "грудень 2026 р.".
        monthsWide: [
            "січня", "лютого", "березня", "квітня", "травня", "червня",
            "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
        ],
        monthsAbbreviated: ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."],
        standaloneMonthsWide: [
            "січень", "лютий", "березень", "квітень", "травень", "червень",
            "липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
        ],
        standaloneMonthsAbbreviated: ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."],
        weekdaysWide: ["неділя", "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота"],
        weekdaysAbbreviated: ["нд", "пн", "вт", "ср", "чт", "пт", "сб"],
        amPM: ("дп", "пп"),
        datePatterns: patterns([
            .short: "dd.MM.yy", .medium: "d MMM y\u{202F}'р'.", .long: "d MMMM y\u{202F}'р'.",
            .full: "EEEE, d MMMM y\u{202F}'р'.",
            // Official Ukrainian forms write dates as 03.12.2026 (DSTU 4163).
            .numeric: "dd.MM.y",
        ]),
        timePatterns: patterns([
            .short: "HH:mm", .medium: "HH:mm:ss", .long: "HH:mm:ss z", .full: "HH:mm:ss zzzz", .numeric: "HH:mm",
        ]),
        dateTimeGlue: "{1}, {0}",
        // ICU's pattern generator for the skeletons Formwright accepts (Foundation's
        // DateFormatter.dateFormat(fromTemplate:options:locale:), ICU 76).
        skeletonPatterns: patterns([
        "EEEE": "cccc",
        "Ed": "EEE, d",
        "H": "HH",
        "Hm": "HH:mm",
        "Hms": "HH:mm:ss",
        "LLLL": "LLLL",
        "MEd": "EEE, dd.MM",
        "MMM": "LLL",
        "MMMEd": "EEE, d MMM",
        "MMMM": "LLLL",
        "MMMMEEEEd": "EEEE, d MMMM",
        "MMMMd": "d MMMM",
        "MMMd": "d MMM",
        "Md": "dd.MM",
        "d": "d",
        "hm": "h:mm\u{202F}a",
        "hms": "h:mm:ss\u{202F}a",
        "j": "HH",
        "jm": "HH:mm",
        "jms": "HH:mm:ss",
        "ms": "mm:ss",
        "y": "y",
        "yM": "MM.y",
        "yMEd": "EEE, dd.MM.y",
        "yMMM": "LLL y\u{202F}'р'.",
        "yMMMEd": "EEE, d MMM y\u{202F}'р'.",
        "yMMMM": "LLLL y\u{202F}'р'.",
        "yMMMMEEEEd": "EEEE, d MMMM y\u{202F}'р'.",
        "yMMMMd": "d MMMM y\u{202F}'р'.",
        "yMMMd": "d MMM y\u{202F}'р'.",
        "yMd": "dd.MM.y",
        "yyMd": "dd.MM.yy",
        ]),
        utcLongName: "за всесвітнім координованим часом")
}
