// CLDR 47 data (ICU 77.1) for the five document locales, checked against
// ../shared/conformance/formats.json (whose `en` is ICU's American English; Formwright's
// `en` is en-GB, taken from ICU's en_GB: see FormatsConformanceTests). Spaces inside patterns are the CLDR ones:
// U+00A0 NO-BREAK SPACE in number patterns, U+202F NARROW NO-BREAK SPACE before
// the Bulgarian "г." and the English "AM/PM". Another locale is another value here.

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

    /// ro-MD: Romanian with Moldova's own currency symbol and weekday abbreviations.
    static let roMD: LocaleData = {
        var data = ro
        data.currencySymbols["MDL"] = "L"
        data.defaultCurrency = "MDL"
        data.weekdaysAbbreviated = ["Dum", "Lun", "Mar", "Mie", "Joi", "Vin", "Sâm"]
        return data
    }()

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

    private static func patterns<Key: Hashable>(_ texts: [Key: String]) -> [Key: DatePattern] {
        texts.mapValues(DatePattern.init)
    }

    /// Compact patterns for 10^3 … 10^14; `"0"` means "not compacted".
    private static func compactTable(_ texts: [String]) -> [Int: NumberPattern?] {
        var table: [Int: NumberPattern?] = [:]
        for (index, text) in texts.enumerated() {
            table[index + 3] = text == "0" ? .some(nil) : NumberPattern(text)
        }
        return table
    }
}
