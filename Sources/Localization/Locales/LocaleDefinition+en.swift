// CLDR 47 data (ICU 77.1), checked against ../shared/conformance/formats.json. Spaces inside
// patterns are the CLDR ones: U+00A0 NO-BREAK SPACE in number patterns, U+202F NARROW NO-BREAK
// SPACE where CLDR has it. See docs/LOCALES.md for what each field is and how to add a locale.

extension LocaleDefinition {
    /// English, the source locale: British English (CLDR en-GB, through en-001).
    static let en = LocaleDefinition(
        tag: "en", englishName: "English", documentLanguage: "en-GB",
        sealMark: "L.S.", quotes: QuotationMarks("“", "”", alternate: "‘", "’"),
        gettextPluralForms: "nplurals=2; plural=(n != 1);",
        cardinalRules: [.one: "i = 1 and v = 0 @integer 1"],
        ordinalRules: [
            .one: "n % 10 = 1 and n % 100 != 11 @integer 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001, …",
            .two: "n % 10 = 2 and n % 100 != 12 @integer 2, 22, 32, 42, 52, 62, 72, 82, 102, 1002, …",
            .few: "n % 10 = 3 and n % 100 != 13 @integer 3, 23, 33, 43, 53, 63, 73, 83, 103, 1003, …",
        ],
        data: .en)
}

extension LocaleData {
    /// `en` is British English (CLDR en-GB, through en-001): day-first dates, 24-hour times,
    /// `US$` for dollars. ICU's plain `en` is American English; see docs/TEMPLATES.md.
    static let en = LocaleData(
        decimalSeparator: ".",
        groupSeparator: ",",
        minimumGroupingDigits: 1,
        percentPattern: NumberPattern("#,##0%"),
        currencyPattern: NumberPattern("¤#,##0.00"),
        currencySymbols: ["EUR": "€", "USD": "US$", "GBP": "£", "JPY": "JP¥"],
        defaultCurrency: nil,
        compactShort: compactTable([
            "0K", "00K", "000K", "0M", "00M", "000M", "0B", "00B", "000B", "0T", "00T", "000T",
        ]),
        monthsWide: [
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December",
        ],
        monthsAbbreviated: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"],
        weekdaysWide: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        weekdaysAbbreviated: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        amPM: ("am", "pm"),
        datePatterns: patterns([
            .short: "dd/MM/y", .medium: "d MMM y", .long: "d MMMM y", .full: "EEEE, d MMMM y",
            .numeric: "dd/MM/y",
        ]),
        timePatterns: patterns([
            .short: "HH:mm", .medium: "HH:mm:ss", .long: "HH:mm:ss z",
            .full: "HH:mm:ss zzzz", .numeric: "HH:mm",
        ]),
        dateTimeGlue: "{1}, {0}",
        skeletonPatterns: patterns([
        "EEEE": "cccc",
        "Ed": "EEE d",
        "H": "HH",
        "Hm": "HH:mm",
        "Hms": "HH:mm:ss",
        "LLLL": "LLLL",
        "MEd": "EEE, dd/MM",
        "MMM": "LLL",
        "MMMEd": "EEE, d MMM",
        "MMMM": "LLLL",
        "MMMMEEEEd": "EEEE, d MMMM",
        "MMMMd": "d MMMM",
        "MMMd": "d MMM",
        "Md": "dd/MM",
        "d": "d",
        "hm": "h:mm\u{202F}a",
        "hms": "h:mm:ss\u{202F}a",
        "j": "HH",
        "jm": "HH:mm",
        "jms": "HH:mm:ss",
        "ms": "mm:ss",
        "y": "y",
        "yM": "MM/y",
        "yMEd": "EEE, dd/MM/y",
        "yMMM": "MMM y",
        "yMMMEd": "EEE, d MMM y",
        "yMMMM": "MMMM y",
        "yMMMMEEEEd": "EEEE, d MMMM y",
        "yMMMMd": "d MMMM y",
        "yMMMd": "d MMM y",
        "yMd": "dd/MM/y",
        "yyMd": "dd/MM/yy",
        ]),
        utcLongName: "Coordinated Universal Time")

    /// ICU's root `en`, American English: only for vector files made with ICU, whose `en` is
    /// this (``MessageConformanceCase``). Documents never format with it.
    /// Only what differs from British English is written here; everything else is ``en``.
    static let americanEnglish: LocaleData = {
        var data = en
        data.currencySymbols.merge(["USD": "$", "JPY": "¥"]) { $1 }
        data.monthsAbbreviated[8] = "Sep"
        data.amPM = ("AM", "PM")
        data.datePatterns.merge(patterns([
            .short: "M/d/yy", .medium: "MMM d, y", .long: "MMMM d, y", .full: "EEEE, MMMM d, y",
        ])) { $1 }  // .numeric stays dd/MM/y: British practice for official English documents.
        data.timePatterns.merge(patterns([
            .short: "h:mm\u{202F}a", .medium: "h:mm:ss\u{202F}a", .long: "h:mm:ss\u{202F}a z",
            .full: "h:mm:ss\u{202F}a zzzz",
        ])) { $1 }
        data.skeletonPatterns.merge(patterns([
            "MEd": "EEE, M/d", "MMMEd": "EEE, MMM d", "MMMMEEEEd": "EEEE, MMMM d", "MMMMd": "MMMM d",
            "MMMd": "MMM d", "Md": "M/d", "j": "h\u{202F}a", "jm": "h:mm\u{202F}a", "jms": "h:mm:ss\u{202F}a",
            "yM": "M/y", "yMEd": "EEE, M/d/y", "yMMMEd": "EEE, MMM d, y", "yMMMMEEEEd": "EEEE, MMMM d, y",
            "yMMMMd": "MMMM d, y", "yMMMd": "MMM d, y", "yMd": "M/d/y", "yyMd": "M/d/yy",
        ])) { $1 }
        return data
    }()
}
