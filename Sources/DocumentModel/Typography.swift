/// The no-break rules of printed forms: where a line must not break, for the document's
/// language. A pure function over text; the template renderer applies it once to every
/// text a document gets, so every template follows the rules without asking.
///
/// - a number and its unit or currency: `12 %`, `40 mm`, `12 480,00 лв.`, `MDL 12,00`;
/// - `г.` after a year (`2029 г.`);
/// - a legal or numbering abbreviation and its number: `чл. 3`, `ал. 2`, `т. 4`, `art. 3`,
///   `alin. (2)`, `lit. a)`, `Nr. 15`, `n. 15`, `No. 15`, `№ 15`;
/// - a code of letters and digits joined by hyphens (`DI-2026-014`): non-breaking hyphens;
/// - no line starts with a dash (` – `) or a closing quote, none ends with an opening one.
///
/// ```swift
/// Typography.withNoBreaks("съгласно чл. 3, ал. 2 от 2029 г.", language: "bg")
/// // "съгласно чл.\u{A0}3, ал.\u{A0}2 от 2029\u{A0}г."
/// ```
public enum Typography {
    public static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
    public static let noBreakHyphen: Unicode.Scalar = "\u{2011}"

    /// A formatted number or amount as one unbreakable token: spaces become no-break
    /// spaces, a thin space a narrow no-break space, a hyphen between digits a
    /// non-breaking hyphen.
    public static func unbreakable(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == 0x20 || $0 == 0x2D || $0 == 0xE2 }) else { return token }
        var scalars = Array(token.unicodeScalars)
        for index in scalars.indices {
            switch scalars[index] {
            case " ": scalars[index] = noBreakSpace
            case "\u{2009}": scalars[index] = "\u{202F}"
            case "-" where index > 0 && index + 1 < scalars.count: scalars[index] = noBreakHyphen
            default: break
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `text` with the no-break rules applied for `language` (`bg`, `ro`, `it`, `en`; the
    /// language part of a tag is enough).
    public static func withNoBreaks(_ text: String, language: String) -> String {
        // Most runs are short words or have nothing to protect: leave them untouched.
        guard text.utf8.contains(where: { $0 == 0x20 || $0 == 0x2D }) else { return text }
        let rules = Rules.for(language)
        var scalars = Array(text.unicodeScalars)
        var changed = false
        // Hyphens inside a code with a digit: DI-2026-014, 2026-01-20.
        if text.utf8.contains(0x2D) {
            var start = 0
            while start < scalars.count {
                var end = start
                while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
                let word = scalars[start..<end]
                if word.contains("-"), word.contains(where: isDigit) {
                    for index in start..<end where scalars[index] == "-" && index > start && index + 1 < end
                        && isAlphanumeric(scalars[index - 1]) && isAlphanumeric(scalars[index + 1]) {
                        scalars[index] = noBreakHyphen
                        changed = true
                    }
                }
                start = end + 1
            }
        }
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == " " else { continue }
            let before = word(endingAt: index, in: scalars)
            let after = word(startingAt: index + 1, in: scalars)
            guard !before.isEmpty, !after.isEmpty else { continue }
            if keepsTogether(before, after, rules) {
                scalars[index] = noBreakSpace
                changed = true
            }
        }
        return changed ? String(String.UnicodeScalarView(scalars)) : text
    }

    private static func keepsTogether(_ before: String, _ after: String, _ rules: Rules) -> Bool {
        let first = after.unicodeScalars.first!, last = before.unicodeScalars.last!
        // A dash never starts a line.
        if after == "\u{2013}" || after == "\u{2014}" || after == "-" { return true }
        if let quote = after.unicodeScalars.first, rules.closingQuotes.contains(quote),
           after.unicodeScalars.dropFirst().allSatisfy(isTrailingPunctuation) { return true }
        if before.unicodeScalars.count == 1, rules.openingQuotes.contains(last) { return true }
        // A number and its unit, currency or year mark.
        if isDigit(last) || (last == ")" && before.unicodeScalars.contains(where: isDigit)) {
            let unit = trimmed(after)
            if rules.units.contains(unit) || rules.units.contains(unit + ".") || rules.units.contains(String(unit.dropLast())) { return true }
        }
        // A currency code or sign before an amount: EUR 12,00, € 12.
        if isDigit(first), rules.units.contains(before), !before.hasSuffix(".") { return true }
        // An abbreviation and its number: чл. 3, alin. (2), lit. a).
        // Leading brackets and an elided article go (`(art.`, `dell’art.`).
        var abbreviation = Substring(before.drop { $0 == "(" || $0 == "[" })
        if let apostrophe = abbreviation.lastIndex(where: { $0 == "’" || $0 == "'" }) {
            abbreviation = abbreviation[abbreviation.index(after: apostrophe)...]
        }
        if rules.abbreviations.contains(String(abbreviation)) {
            let scalars = Array(after.unicodeScalars)
            if isDigit(first) { return true }
            if first == "(", scalars.count > 1, isAlphanumeric(scalars[1]) { return true }
            if scalars.count >= 2, isLetter(first), scalars[1] == ")" { return true }
            if first == "I" || first == "V" || first == "X", scalars.allSatisfy({ "IVXL".unicodeScalars.contains($0) || isTrailingPunctuation($0) }) {
                return true
            }
        }
        return false
    }

    /// The word before the space at `index` (back to the previous space).
    private static func word(endingAt index: Int, in scalars: [Unicode.Scalar]) -> String {
        var start = index
        while start > 0, !isSpace(scalars[start - 1]) { start -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// The word after a space, up to the next space.
    private static func word(startingAt index: Int, in scalars: [Unicode.Scalar]) -> String {
        var end = index
        while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
        return String(String.UnicodeScalarView(scalars[index..<end]))
    }

    /// A word without the punctuation that may follow it in a sentence (`лв.,` → `лв.`).
    private static func trimmed(_ word: String) -> String {
        var scalars = Substring(word).unicodeScalars
        while let last = scalars.last, ",;:!?)]»”“’\"".unicodeScalars.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\t" || s == noBreakSpace }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    private static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { isDigit(s) || isLetter(s) }
    private static func isTrailingPunctuation(_ s: Unicode.Scalar) -> Bool { ".,;:!?)".unicodeScalars.contains(s) }

    /// The words and marks of one language.
    struct Rules {
        var units: Set<String>
        var abbreviations: Set<String>
        var openingQuotes: Set<Unicode.Scalar>
        var closingQuotes: Set<Unicode.Scalar>

        /// Units and currencies written after (or, codes and signs, before) a number, in every language.
        static let commonUnits: Set<String> = [
            "%", "‰", "mm", "cm", "m", "km", "m²", "kg", "g", "l", "h", "min", "EUR", "BGN", "RON", "MDL", "USD", "GBP", "€", "$", "£",
        ]

        static func `for`(_ language: String) -> Rules {
            let code = language.prefix(2).lowercased()
            switch code {
            case "bg":
                return Rules(
                    units: commonUnits.union(["лв.", "лв", "ст.", "г.", "год.", "мм", "см", "км", "кг", "ч.", "мин.", "евро"]),
                    abbreviations: ["чл.", "ал.", "т.", "пар.", "№", "бр.", "стр.", "гр.", "с.", "ул.", "бул.", "ап.", "вх.", "ет."],
                    openingQuotes: ["„", "«"], closingQuotes: ["“", "»"])
            case "ro":
                return Rules(
                    units: commonUnits.union(["lei", "leu", "bani"]),
                    abbreviations: ["art.", "alin.", "lit.", "pct.", "nr.", "Nr.", "nr", "Nr", "str.", "bd.", "ap.", "sec.", "cap.", "pag.", "p.", "№"],
                    openingQuotes: ["„", "«"], closingQuotes: ["”", "»"])
            case "uk":
                return Rules(
                    units: commonUnits.union(["грн", "₴", "коп.", "р.", "мм", "см", "км", "кг", "год", "хв", "тис.", "млн", "євро"]),
                    abbreviations: ["ст.", "ч.", "п.", "пп.", "підп.", "№", "м.", "с.", "смт", "вул.", "просп.", "буд.", "кв.", "обл.", "стор.", "розд."],
                    openingQuotes: ["«", "„"], closingQuotes: ["»", "“"])
            case "it":
                return Rules(
                    units: commonUnits.union(["euro"]),
                    abbreviations: ["art.", "artt.", "n.", "nn.", "N.", "c.", "co.", "comma", "lett.", "p.", "pag.", "cap.", "par.", "§", "№"],
                    openingQuotes: ["«", "“"], closingQuotes: ["»", "”"])
            default:
                return Rules(
                    units: commonUnits,
                    abbreviations: ["No.", "no.", "Nos.", "art.", "Art.", "s.", "ss.", "para.", "p.", "pp.", "ch.", "§", "№"],
                    openingQuotes: ["“", "‘"], closingQuotes: ["”", "’"])
            }
        }
    }
}
