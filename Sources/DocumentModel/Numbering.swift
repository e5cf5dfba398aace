/// A number Formwright computed — `а)`, `(2)`, `1.` — printed at the start of a paragraph,
/// with the paragraph's lines hanging to the right of it.
///
/// Legal numbering (articles, paragraphs, letters) is computed by Formwright and written as
/// text, not as the office suite's list numbering, because:
/// - a cross-reference (`чл. 3, ал. 2`) is text computed when the document is rendered, so
///   the number it cites must be the number printed, not one the office suite recomputes
///   after someone reorders an item;
/// - the national forms do not exist as list formats everywhere: Word has no Bulgarian
///   letter sequence (`а б в … и к`, without `й`), and `Чл. 1. (1)` puts two counters in one
///   paragraph;
/// - a label that is text looks the same in LibreOffice, Word and any other reader.
///
/// Level 1 starts the label at the paragraph's normal left edge and the text one
/// ``indentStep`` further in; each further level moves both one step to the right. An
/// empty `text` indents a paragraph like a labelled one of its level (text continuing an
/// item after a nested list).
///
/// ```swift
/// Paragraph([.text("referral of cases;")], label: NumberLabel("а)", level: 1))
/// ```
public struct NumberLabel: Sendable, Hashable {
    public var text: String
    public var level: Int

    public init(_ text: String, level: Int = 1) {
        self.text = text
        self.level = max(1, level)
    }

    /// The width of the label column; wide enough for `(12)` and `aa)` at 10.5 pt.
    public static let indentStep = Length.mm(7)

    /// Where the text (and the lines after the first) starts, from the paragraph's left edge.
    public var textIndent: Length { Length(hundredthsOfMillimetre: Self.indentStep.hundredthsOfMillimetre * level) }

    /// Where the label starts, from the paragraph's left edge.
    public var labelIndent: Length { textIndent - Self.indentStep }
}

/// How counters are written: digits, letters of an alphabet or lowercase Roman numerals.
///
/// ```swift
/// NumberingSystem.letters("абвгдежзиклмнопрстуфхцчшщюя").format(10)  // "к"
/// NumberingSystem.letters("abcdefghijklmnopqrstuvwxyz").format(27)   // "aa"
/// NumberingSystem.lowerRoman.format(4)                               // "iv"
/// ```
public enum NumberingSystem: Sendable, Hashable {
    case decimal
    /// Past the last letter the letters double, then triple (`z`, `aa`, `bb`, … `zz`, `aaa`),
    /// the way legal texts continue (`lett. aa)`) and as office suites do for letter lists.
    case letters(String)
    case lowerRoman

    /// `number` (1-based) in this system; numbers below 1 are written in digits.
    public func format(_ number: Int) -> String {
        guard number >= 1 else { return String(number) }
        switch self {
        case .decimal:
            return String(number)
        case .letters(let alphabet):
            let letters = Array(alphabet)
            guard !letters.isEmpty else { return String(number) }
            let letter = letters[(number - 1) % letters.count]
            return String(repeating: String(letter), count: (number - 1) / letters.count + 1)
        case .lowerRoman:
            guard number < 4000 else { return String(number) }
            let table: [(Int, String)] = [
                (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
            ]
            var rest = number, text = ""
            for (value, numeral) in table {
                while rest >= value { text += numeral; rest -= value }
            }
            return text
        }
    }
}
