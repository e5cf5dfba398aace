// CLDR 47 data (ICU 77.1), checked against ../shared/conformance/formats.json. Spaces inside
// patterns are the CLDR ones: U+00A0 NO-BREAK SPACE in number patterns, U+202F NARROW NO-BREAK
// SPACE where CLDR has it. See docs/LOCALES.md for what each field is and how to add a locale.

extension LocaleDefinition {
    /// Italian.
    static let it = LocaleDefinition(
        tag: "it", englishName: "Italian", documentLanguage: "it-IT",
        sealMark: "L.S.", quotes: QuotationMarks("«", "»", alternate: "“", "”"),
        gettextPluralForms: "nplurals=2; plural=(n != 1);",
        cardinalRules: [
            .one: "i = 1 and v = 0 @integer 1",
            .many: "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5 @integer 1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6, … @decimal 1.0000001c6, 1.1c6, 2.0000001c6, 2.1c6, 3.0000001c6, 3.1c6, …",
        ],
        ordinalRules: [.many: "n = 11,8,80,800 @integer 8, 11, 80, 800"],
        data: .it)
}

extension LocaleData {
    static let it = LocaleData(
        decimalSeparator: ",",
        groupSeparator: ".",
        minimumGroupingDigits: 2,
        percentPattern: NumberPattern("#,##0%"),
        currencyPattern: NumberPattern("#,##0.00\u{00A0}¤"),
        currencySymbols: ["EUR": "€", "GBP": "£"],
        defaultCurrency: nil,
        // Italian does not abbreviate thousands ("0"): 15000 stays "15.000".
        compactShort: compactTable([
            "0", "0", "0",
            "0\u{00A0}Mln", "00\u{00A0}Mln", "000\u{00A0}Mln",
            "0\u{00A0}Mld", "00\u{00A0}Mld", "000\u{00A0}Mld",
            "0\u{00A0}Bln", "00\u{00A0}Bln", "000\u{00A0}Bln",
        ]),
        monthsWide: [
            "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
            "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
        ],
        monthsAbbreviated: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
        weekdaysWide: ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
        weekdaysAbbreviated: ["dom", "lun", "mar", "mer", "gio", "ven", "sab"],
        amPM: ("AM", "PM"),
        datePatterns: patterns([
            .short: "dd/MM/yy", .medium: "d MMM y", .long: "d MMMM y", .full: "EEEE d MMMM y", .numeric: "dd/MM/y",
        ]),
        timePatterns: patterns([
            .short: "HH:mm", .medium: "HH:mm:ss", .long: "HH:mm:ss z", .full: "HH:mm:ss zzzz", .numeric: "HH:mm",
        ]),
        dateTimeGlue: "{1}, {0}",
        skeletonPatterns: patterns([
        "EEEE": "cccc",
        "Ed": "EEE d",
        "H": "HH",
        "Hm": "HH:mm",
        "Hms": "HH:mm:ss",
        "LLLL": "LLLL",
        "MEd": "EEE dd/MM",
        "MMM": "LLL",
        "MMMEd": "EEE d MMM",
        "MMMM": "LLLL",
        "MMMMEEEEd": "EEEE d MMMM",
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
        "yMEd": "EEE dd/MM/y",
        "yMMM": "MMM y",
        "yMMMEd": "EEE d MMM y",
        "yMMMM": "MMMM y",
        "yMMMMEEEEd": "EEEE d MMMM y",
        "yMMMMd": "d MMMM y",
        "yMMMd": "d MMM y",
        "yMd": "dd/MM/y",
        "yyMd": "dd/MM/yy",
        ]),
        utcLongName: "Tempo coordinato universale")
}
