// CLDR 47 data (ICU 77.1), checked against ../shared/conformance/formats.json. Spaces inside
// patterns are the CLDR ones: U+00A0 NO-BREAK SPACE in number patterns, U+202F NARROW NO-BREAK
// SPACE where CLDR has it. See docs/LOCALES.md for what each field is and how to add a locale.

extension LocaleDefinition {
    /// Romanian (Romania).
    static let ro = LocaleDefinition(
        tag: "ro", englishName: "Romanian", documentLanguage: "ro-RO",
        sealMark: "L.S.", quotes: QuotationMarks("„", "”", alternate: "«", "»"),
        gettextPluralForms: "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
        cardinalRules: [
            .one: "i = 1 and v = 0 @integer 1",
            .few: "v != 0 or n = 0 or n != 1 and n % 100 = 1..19 @integer 0, 2~16, 101, 1001, … @decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …",
        ],
        ordinalRules: [.one: "n = 1 @integer 1"],
        data: .ro)
}

extension LocaleData {
    static let ro = LocaleData(
        decimalSeparator: ",",
        groupSeparator: ".",
        minimumGroupingDigits: 1,
        percentPattern: NumberPattern("#,##0\u{00A0}%"),
        currencyPattern: NumberPattern("#,##0.00\u{00A0}¤"),
        currencySymbols: [:],
        defaultCurrency: nil,
        compactShort: compactTable([
            "0\u{00A0}K", "00\u{00A0}K", "000\u{00A0}K",
            "0\u{00A0}mil.", "00\u{00A0}mil.", "000\u{00A0}mil.",
            "0\u{00A0}mld.", "00\u{00A0}mld.", "000\u{00A0}mld.",
            "0\u{00A0}tril.", "00\u{00A0}tril.", "000\u{00A0}tril.",
        ]),
        monthsWide: [
            "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie",
            "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie",
        ],
        monthsAbbreviated: ["ian.", "feb.", "mar.", "apr.", "mai", "iun.", "iul.", "aug.", "sept.", "oct.", "nov.", "dec."],
        weekdaysWide: ["duminică", "luni", "marți", "miercuri", "joi", "vineri", "sâmbătă"],
        weekdaysAbbreviated: ["dum.", "lun.", "mar.", "mie.", "joi", "vin.", "sâm."],
        amPM: ("a.m.", "p.m."),
        datePatterns: patterns([
            .short: "dd.MM.y", .medium: "d MMM y", .long: "d MMMM y", .full: "EEEE, d MMMM y", .numeric: "dd.MM.y",
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
        "yMMM": "MMM y",
        "yMMMEd": "EEE, d MMM y",
        "yMMMM": "MMMM y",
        "yMMMMEEEEd": "EEEE, d MMMM y",
        "yMMMMd": "d MMMM y",
        "yMMMd": "d MMM y",
        "yMd": "dd.MM.y",
        "yyMd": "dd.MM.yy",
        ]),
        utcLongName: "Timpul universal coordonat")
}
