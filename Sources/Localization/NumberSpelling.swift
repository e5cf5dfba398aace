public import Foundation

/// Numbers and amounts of money written in words, as formal documents write them
/// (`в два екземпляра`, the total of a budget "in words"), for bg, ro (and ro-MD), it and
/// en (British English; `qps` spells as `en`).
///
/// ```swift
/// NumberSpelling.words(2000, locale: .ro)                        // "două mii"
/// try NumberSpelling.words(amount: 12480.5, currency: "EUR", locale: .en)
/// // "twelve thousand four hundred and eighty euros and fifty cents"
/// try NumberSpelling.words(amount: 1, currency: "BGN", locale: .bg)   // "един лев"
/// ```
///
/// The words follow each language's grammar for documents, checked against ICU's RBNF
/// (`Tests/LocalizationTests/Fixtures/spellout-icu.json`). Where ICU's rules are not what a
/// formal document needs, this type differs on purpose, and says why below.
public enum NumberSpelling {
    /// The largest whole number spelled: 999 999 999 999 (up to the billions).
    public static let maximum: Int64 = 999_999_999_999

    /// The currencies an amount can be spelled in.
    public static let currencies: [String] = ["BGN", "EUR", "MDL", "RON"]

    /// The grammatical gender a number agrees with (Bulgarian `един/една/едно`,
    /// Romanian `doi/două`). `nil` in ``words(_:locale:gender:)`` is the form used for
    /// counting: Bulgarian masculine, Romanian `unu`, Italian `uno`.
    public enum Gender: String, Sendable, Hashable, CaseIterable {
        case masculine, feminine, neuter
    }

    /// True when numbers can be written in words in the locale's language (bg, ro, it, en;
    /// not yet uk: its words are code, Ukrainian grammar, not CLDR data).
    public static func isAvailable(for locale: LocaleID) -> Bool { Language(locale) != nil }

    /// A whole number from 0 to ``maximum`` in words; nil outside that range, or when the
    /// language has no number words (``isAvailable(for:)``).
    public static func words(_ number: Int64, locale: LocaleID, gender: Gender? = nil) -> String? {
        guard (0...maximum).contains(number), let language = Language(locale) else { return nil }
        return language.words(number, agreement: Agreement(gender: gender ?? .masculine, attributive: gender != nil))
    }

    /// An amount of money in words with the currency's name and its minor unit
    /// (`… euro и петдесет цента`); the amount is rounded half up to the cent, and cents are
    /// left out when there are none.
    public static func words(amount: Decimal, currency: String, locale: LocaleID) throws(NumberSpellingError) -> String {
        let code = currency.uppercased()
        guard let language = Language(locale) else {
            throw NumberSpellingError(
                message: "amounts cannot be written in words in \(locale.definition.englishName) yet",
                suggestion: "write the amount in figures; words are written in " + LocaleID.registered.filter(isAvailable).map(\.identifier).joined(separator: ", "))
        }
        guard let names = language.currencyNames(code) else {
            throw NumberSpellingError(
                message: "amounts in \(code) cannot be written in words",
                suggestion: "amounts in words are written for " + currencies.joined(separator: ", "))
        }
        guard amount >= 0 else {
            throw NumberSpellingError(message: "a negative amount (\(amount)) cannot be written in words", suggestion: "write the amount without a sign")
        }
        var cents = amount * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &cents, 0, .plain)
        guard rounded <= Decimal(maximum) * 100 + 99 else {
            throw NumberSpellingError(message: "the amount \(amount) is too large to be written in words", suggestion: "amounts in words go up to \(maximum)")
        }
        let total = NSDecimalNumber(decimal: rounded).int64Value
        let major = total / 100, minor = total % 100
        var text = language.amount(major, names.major)
        if minor > 0 {
            text += " " + language.and + " " + language.amount(minor, names.minor)
        }
        return text
    }
}

/// Why an amount cannot be written in words.
public struct NumberSpellingError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public let suggestion: String?
    public var description: String { message }
}

/// How a number agrees with what it counts.
struct Agreement {
    var gender: NumberSpelling.Gender
    /// Before a noun (Romanian `un leu`, `o mie`; Italian `un euro`), rather than counting (`unu`, `uno`).
    var attributive: Bool
}

/// A currency's unit as a noun: singular, plural and gender.
struct CurrencyNoun {
    var singular: String
    var plural: String
    var gender: NumberSpelling.Gender
}

private enum Language {
    case bg, ro, it, en

    init?(_ locale: LocaleID) {
        switch locale.language {
        case "bg": self = .bg
        case "ro": self = .ro
        case "it": self = .it
        case "en", "qps": self = .en
        default: return nil
        }
    }

    /// The conjunction between the whole units and the cents.
    var and: String {
        switch self {
        case .bg: "и"
        case .ro: "și"
        case .it: "e"
        case .en: "and"
        }
    }

    func currencyNames(_ code: String) -> (major: CurrencyNoun, minor: CurrencyNoun)? {
        typealias N = CurrencyNoun
        switch (self, code) {
        // Bulgarian: "евро" is neuter and does not change; the cent is "цент", counted "цента".
        case (.bg, "EUR"): return (N(singular: "евро", plural: "евро", gender: .neuter), N(singular: "цент", plural: "цента", gender: .masculine))
        case (.bg, "BGN"): return (N(singular: "лев", plural: "лева", gender: .masculine), N(singular: "стотинка", plural: "стотинки", gender: .feminine))
        case (.bg, "RON"), (.bg, "MDL"): return (N(singular: "лея", plural: "леи", gender: .feminine), N(singular: "бан", plural: "бана", gender: .masculine))
        case (.ro, "EUR"): return (N(singular: "euro", plural: "euro", gender: .masculine), N(singular: "cent", plural: "cenți", gender: .masculine))
        case (.ro, "BGN"): return (N(singular: "lev", plural: "leva", gender: .masculine), N(singular: "stotinka", plural: "stotinki", gender: .feminine))
        case (.ro, "RON"), (.ro, "MDL"): return (N(singular: "leu", plural: "lei", gender: .masculine), N(singular: "ban", plural: "bani", gender: .masculine))
        case (.it, "EUR"): return (N(singular: "euro", plural: "euro", gender: .masculine), N(singular: "centesimo", plural: "centesimi", gender: .masculine))
        case (.it, "BGN"): return (N(singular: "lev", plural: "leva", gender: .masculine), N(singular: "stotinka", plural: "stotinki", gender: .feminine))
        case (.it, "RON"), (.it, "MDL"): return (N(singular: "leu", plural: "lei", gender: .masculine), N(singular: "ban", plural: "bani", gender: .masculine))
        case (.en, "EUR"): return (N(singular: "euro", plural: "euros", gender: .neuter), N(singular: "cent", plural: "cents", gender: .neuter))
        case (.en, "BGN"): return (N(singular: "lev", plural: "leva", gender: .neuter), N(singular: "stotinka", plural: "stotinki", gender: .neuter))
        case (.en, "RON"), (.en, "MDL"): return (N(singular: "leu", plural: "lei", gender: .neuter), N(singular: "ban", plural: "bani", gender: .neuter))
        default: return nil
        }
    }

    /// A count and its noun: `два лева`, `douăzeci de lei`, `un milione di euro`, `one cent`.
    func amount(_ number: Int64, _ noun: CurrencyNoun) -> String {
        let count = words(number, agreement: Agreement(gender: noun.gender, attributive: true))
        let name = number == 1 ? noun.singular : noun.plural
        switch self {
        case .ro where Romanian.needsDe(number):
            return count + " de " + name
        case .it where number >= 1_000_000 && number % 1_000_000 == 0:
            return count + " di " + name
        default:
            return count + " " + name
        }
    }

    func words(_ number: Int64, agreement: Agreement) -> String {
        switch self {
        case .bg: Bulgarian.words(number, gender: agreement.gender)
        case .ro: Romanian.words(number, agreement: agreement)
        case .it: Italian.words(number, attributive: agreement.attributive)
        case .en: English.words(number)
        }
    }
}

/// The number split into groups of three digits, highest first: (billions, millions, thousands, units).
private func groups(_ number: Int64) -> [(scale: Int, value: Int)] {
    [(3, Int(number / 1_000_000_000)), (2, Int(number / 1_000_000 % 1000)), (1, Int(number / 1000 % 1000)), (0, Int(number % 1000))]
}

// MARK: - Bulgarian

/// Bulgarian in the full forms of formal writing (`двадесет`, not the spoken `двайсет`; ICU's
/// `-financial` rule sets). The conjunction `и` goes before the last word of each group of
/// three digits (`сто и двадесет`, `сто двадесет и пет`) and before the last group when that
/// group is one word (`хиляда и сто`, `две хиляди и петстотин`, `един милион и двеста хиляди`),
/// as Bulgarian grammar places it; ICU omits most of these (`хиляда сто`, `сто двадесет`).
private enum Bulgarian {
    static let teens = ["десет", "единадесет", "дванадесет", "тринадесет", "четиринадесет", "петнадесет",
                        "шестнадесет", "седемнадесет", "осемнадесет", "деветнадесет"]
    static let tens = ["", "", "двадесет", "тридесет", "четиридесет", "петдесет", "шестдесет", "седемдесет", "осемдесет", "деветдесет"]
    static let hundreds = ["", "сто", "двеста", "триста", "четиристотин", "петстотин", "шестстотин", "седемстотин", "осемстотин", "деветстотин"]

    static func unit(_ digit: Int, gender: NumberSpelling.Gender) -> String {
        switch (digit, gender) {
        case (1, .masculine): "един"
        case (1, .feminine): "една"
        case (1, .neuter): "едно"
        case (2, .masculine): "два"
        case (2, _): "две"
        default: ["нула", "", "", "три", "четири", "пет", "шест", "седем", "осем", "девет"][digit]
        }
    }

    /// The words of 1…999, one element per numeral.
    static func components(_ n: Int, gender: NumberSpelling.Gender) -> [String] {
        var words: [String] = []
        if n >= 100 { words.append(hundreds[n / 100]) }
        let rest = n % 100
        if rest >= 20 {
            words.append(tens[rest / 10])
            if rest % 10 > 0 { words.append(unit(rest % 10, gender: gender)) }
        } else if rest >= 10 {
            words.append(teens[rest - 10])
        } else if rest > 0 {
            words.append(unit(rest, gender: gender))
        }
        return words
    }

    static func joined(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: " ") + " и " + words.last!
    }

    static func words(_ number: Int64, gender: NumberSpelling.Gender) -> String {
        if number == 0 { return "нула" }
        var spelled: [(text: String, isOneWord: Bool)] = []
        for (scale, value) in groups(number) where value > 0 {
            switch scale {
            case 0:
                let parts = components(value, gender: gender)
                spelled.append((joined(parts), parts.count == 1))
            case 1 where value == 1:
                spelled.append(("хиляда", true))
            case 1:
                let parts = components(value, gender: .feminine)
                spelled.append((joined(parts) + " хиляди", parts.count == 1))
            default:
                let (one, many) = scale == 2 ? ("милион", "милиона") : ("милиард", "милиарда")
                let parts = components(value, gender: .masculine)
                spelled.append((joined(parts) + " " + (value == 1 ? one : many), parts.count == 1))
            }
        }
        if spelled.count > 1, spelled.last!.isOneWord {
            return spelled.dropLast().map(\.text).joined(separator: " ") + " и " + spelled.last!.text
        }
        return spelled.map(\.text).joined(separator: " ")
    }
}

// MARK: - Romanian

/// Romanian as DOOM writes numerals: `o sută`, `o mie`, `un milion` (ICU: `una sută`,
/// `una mie`, `unu milion`), `șaizeci` (ICU: `şasezeci`), comma-below `ș`/`ț` (ICU: cedilla),
/// the literary `paisprezece`, `șaisprezece` (ICU: `patrusprezece`, `şasesprezece`),
/// and `de` before the noun from 20 up unless the last two digits are 01…19
/// (`douăzeci de mii`, `o sută cinci lei`), which ICU leaves out.
enum Romanian {
    static let teens = ["zece", "unsprezece", "doisprezece", "treisprezece", "paisprezece", "cincisprezece",
                        "șaisprezece", "șaptesprezece", "optsprezece", "nouăsprezece"]
    static let tens = ["", "", "douăzeci", "treizeci", "patruzeci", "cincizeci", "șaizeci", "șaptezeci", "optzeci", "nouăzeci"]
    static let units = ["zero", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă"]

    /// `de` between a number and its noun: from 20 on, unless the last two digits are 01…19.
    static func needsDe(_ number: Int64) -> Bool {
        let lastTwo = number % 100
        return number >= 20 && (lastTwo == 0 || lastTwo >= 20)
    }

    static func unit(_ digit: Int, gender: NumberSpelling.Gender) -> String {
        switch (digit, gender) {
        case (1, .feminine): "una"
        case (2, .feminine), (2, .neuter): "două"
        default: units[digit]
        }
    }

    /// 1…999. `attributive` 1 alone is `un`/`o`; in a compound it stays `unu`/`una`.
    static func group(_ n: Int, agreement: Agreement) -> String {
        if n == 1 && agreement.attributive { return agreement.gender == .feminine ? "o" : "un" }
        var words: [String] = []
        let h = n / 100, rest = n % 100
        if h == 1 { words.append("o sută") } else if h > 1 { words.append(unit(h, gender: .feminine) + " sute") }
        if rest >= 20 {
            words.append(tens[rest / 10] + (rest % 10 > 0 ? " și " + unit(rest % 10, gender: agreement.gender) : ""))
        } else if rest >= 10 {
            words.append(rest == 12 && agreement.gender != .masculine ? "douăsprezece" : teens[rest - 10])
        } else if rest > 0 {
            words.append(unit(rest, gender: agreement.gender))
        }
        return words.joined(separator: " ")
    }

    static func words(_ number: Int64, agreement: Agreement) -> String {
        if number == 0 { return "zero" }
        var spelled: [String] = []
        for (scale, value) in groups(number) where value > 0 {
            switch scale {
            case 0:
                spelled.append(group(value, agreement: agreement))
            default:
                let (one, many, gender): (String, String, NumberSpelling.Gender) =
                    scale == 1 ? ("o mie", "mii", .feminine) : scale == 2 ? ("un milion", "milioane", .neuter) : ("un miliard", "miliarde", .neuter)
                if value == 1 {
                    spelled.append(one)
                } else {
                    let count = group(value, agreement: Agreement(gender: gender, attributive: false))
                    spelled.append(count + (needsDe(Int64(value)) ? " de " : " ") + many)
                }
            }
        }
        return spelled.joined(separator: " ")
    }
}

// MARK: - Italian

/// Italian writes a number up to the thousands as one word (`dodicimilaquattrocentoottanta`),
/// millions and billions apart (`un milione duecentomila`). Unlike ICU (`centottanta`), `cento`
/// keeps its `o` before `otto`/`ottanta`: both are correct, and the full form is the one
/// amounts in words on cheques and contracts use, each part legible. The accent of `tre` is
/// written only at the end of the word (`trentatremila`, `milletré`; ICU 72 writes
/// `trentatrémila` and `milletre`).
private enum Italian {
    static let units = ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"]
    static let teens = ["dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove"]
    static let tens = ["", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"]

    static func below100(_ n: Int) -> String {
        if n < 10 { return units[n] }
        if n < 20 { return teens[n - 10] }
        let ten = tens[n / 10], unit = n % 10
        if unit == 0 { return ten }
        // venti + uno → ventuno, venti + otto → ventotto.
        return (unit == 1 || unit == 8 ? String(ten.dropLast()) : ten) + units[unit]
    }

    static func below1000(_ n: Int) -> String {
        let h = n / 100, rest = n % 100
        let hundreds = h == 0 ? "" : h == 1 ? "cento" : units[h] + "cento"
        return rest == 0 ? hundreds : hundreds + below100(rest)
    }

    /// A multiplier before `mila`, `milioni`, `miliardi`: `ventun`, not `ventuno` (as ICU, below 100).
    static func multiplier(_ n: Int) -> String {
        let text = below1000(n)
        return n < 100 && n > 20 && n % 10 == 1 ? String(text.dropLast()) : text
    }

    /// `tre` at the end of a compound is written `tré` (`ventitré`, `centotré`).
    static func accented(_ word: String) -> String {
        word.hasSuffix("tre") && word != "tre" ? String(word.dropLast()) + "é" : word
    }

    static func words(_ number: Int64, attributive: Bool) -> String {
        if number == 0 { return "zero" }
        if number == 1 { return attributive ? "un" : "uno" }
        var spelled: [String] = []
        let parts = groups(number)
        for (scale, value) in parts where value > 0 && scale >= 2 {
            let (one, many) = scale == 2 ? ("un milione", "milioni") : ("un miliardo", "miliardi")
            spelled.append(value == 1 ? one : accented(multiplier(value)) + " " + many)
        }
        let thousands = parts[2].value, units = parts[3].value
        var word = thousands == 0 ? "" : thousands == 1 ? "mille" : multiplier(thousands) + "mila"
        if units > 0 { word += below1000(units) }
        if !word.isEmpty { spelled.append(accented(word)) }
        return spelled.joined(separator: " ")
    }
}

// MARK: - English

/// British English: `and` after the hundreds and before a last group under 100
/// (`one thousand and five`), as ICU's `%spellout-numbering-verbose`, without the commas that
/// rule set puts between groups (an amount in words is one phrase).
private enum English {
    static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    static func below100(_ n: Int) -> String {
        if n < 20 { return units[n] }
        return tens[n / 10] + (n % 10 > 0 ? "-" + units[n % 10] : "")
    }

    static func below1000(_ n: Int) -> String {
        let h = n / 100, rest = n % 100
        guard h > 0 else { return below100(rest) }
        return units[h] + " hundred" + (rest > 0 ? " and " + below100(rest) : "")
    }

    static func words(_ number: Int64) -> String {
        if number == 0 { return "zero" }
        var spelled: [String] = []
        for (scale, value) in groups(number) where value > 0 {
            let name = ["", " thousand", " million", " billion"][scale]
            if scale == 0 && value < 100 && number >= 1000 {
                spelled.append("and " + below100(value))
            } else {
                spelled.append(below1000(value) + name)
            }
        }
        return spelled.joined(separator: " ")
    }
}
