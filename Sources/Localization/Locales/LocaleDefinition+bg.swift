// CLDR 47 data (ICU 77.1), checked against ../shared/conformance/formats.json. Spaces inside
// patterns are the CLDR ones: U+00A0 NO-BREAK SPACE in number patterns, U+202F NARROW NO-BREAK
// SPACE where CLDR has it. See docs/LOCALES.md for what each field is and how to add a locale.

extension LocaleDefinition {
    /// Bulgarian.
    static let bg = LocaleDefinition(
        tag: "bg", englishName: "Bulgarian", documentLanguage: "bg-BG",
        sealMark: "М.П.", quotes: QuotationMarks("„", "“", alternate: "„", "“"),
        gettextPluralForms: "nplurals=2; plural=(n != 1);",
        cardinalRules: [.one: "n = 1 @integer 1 @decimal 1.0, 1.00, 1.000, 1.0000"],
        ordinalRules: [:],
        data: .bg)
}

extension LocaleData {
    static let bg = LocaleData(
        decimalSeparator: ",",
        groupSeparator: "\u{00A0}",
        minimumGroupingDigits: 2,
        percentPattern: NumberPattern("#,##0%"),
        currencyPattern: NumberPattern("#,##0.00\u{00A0}¤"),
        // CLDR still defaults Bulgaria to BGN; since 2026 documents name EUR explicitly.
        currencySymbols: ["EUR": "€", "BGN": "лв.", "USD": "щ.д."],
        defaultCurrency: nil,
        compactShort: compactTable([
            "0\u{00A0}хил.", "00\u{00A0}хил.", "000\u{00A0}хил.",
            "0\u{00A0}млн.", "00\u{00A0}млн.", "000\u{00A0}млн.",
            "0\u{00A0}млрд.", "00\u{00A0}млрд.", "000\u{00A0}млрд.",
            "0\u{00A0}трлн.", "00\u{00A0}трлн.", "000\u{00A0}трлн.",
        ]),
        monthsWide: [
            "януари", "февруари", "март", "април", "май", "юни",
            "юли", "август", "септември", "октомври", "ноември", "декември",
        ],
        monthsAbbreviated: ["яну", "фев", "март", "апр", "май", "юни", "юли", "авг", "сеп", "окт", "ное", "дек"],
        weekdaysWide: ["неделя", "понеделник", "вторник", "сряда", "четвъртък", "петък", "събота"],
        weekdaysAbbreviated: ["нд", "пн", "вт", "ср", "чт", "пт", "сб"],
        amPM: ("AM", "PM"),
        datePatterns: patterns([
            .short: "d.MM.yy\u{202F}'г'.", .medium: "d.MM.y\u{202F}'г'.", .long: "d MMMM y\u{202F}'г'.",
            .full: "EEEE, d MMMM y\u{202F}'г'.", .numeric: "dd.MM.y\u{202F}'г'.",
        ]),
        timePatterns: patterns([
            .short: "H:mm", .medium: "H:mm:ss", .long: "H:mm:ss z", .full: "H:mm:ss zzzz", .numeric: "HH:mm",
        ]),
        dateTimeGlue: "{1}, {0}",
        skeletonPatterns: patterns([
        "EEEE": "cccc",
        "Ed": "EEE, d",
        "H": "HH 'ч'.",
        "Hm": "HH:mm 'ч'.",
        "Hms": "HH:mm:ss 'ч'.",
        "LLLL": "LLLL",
        "MEd": "EEE, d.MM",
        "MMM": "MM",
        "MMMEd": "EEE, d.MM",
        "MMMM": "LLLL",
        "MMMMEEEEd": "EEEE, d MMMM",
        "MMMMd": "d MMMM",
        "MMMd": "d.MM",
        "Md": "d.MM",
        "d": "d",
        "hm": "h:mm\u{202F}a",
        "hms": "h:mm:ss\u{202F}a",
        "j": "HH 'ч'.",
        "jm": "HH:mm 'ч'.",
        "jms": "HH:mm:ss 'ч'.",
        "ms": "m:ss",
        "y": "y\u{202F}'г'.",
        "yM": "MM.y\u{202F}'г'.",
        "yMEd": "EEE, d.MM.y\u{202F}'г'.",
        "yMMM": "MM.y\u{202F}'г'.",
        "yMMMEd": "EEE, d.MM.y\u{202F}'г'.",
        "yMMMM": "MMMM y\u{202F}'г'.",
        "yMMMMEEEEd": "EEEE, d MMMM y\u{202F}'г'.",
        "yMMMMd": "d MMMM y\u{202F}'г'.",
        "yMMMd": "d.MM.y\u{202F}'г'.",
        "yMd": "d.MM.y\u{202F}'г'.",
        "yyMd": "d.MM.yy\u{202F}'г'.",
        ]),
        utcLongName: "Координирано универсално време")
}
