import DocumentModel
import Testing

/// The no-break rules, one case per rule and language: `·` in an expected string stands for
/// U+00A0 and `‑` for U+2011, so the cases read as they print.
@Suite struct TypographyTests {
    static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{A0}" ? "·" : $0 == "\u{2011}" ? "‑" : $0 }))
    }

    @Test(arguments: [
        // a number and its unit or currency
        ("bg", "срок от 12 % годишно", "срок от 12·% годишно"),
        ("bg", "сума 480,00 лв., платима", "сума 480,00·лв., платима"),
        ("ro", "suma de 12 480,00 lei.", "suma de 12 480,00·lei."),
        ("ro", "total MDL 12,00 achitat", "total MDL·12,00 achitat"),
        ("it", "un sigillo di 40 mm di diametro", "un sigillo di 40·mm di diametro"),
        ("en", "a fee of 25 EUR in total", "a fee of 25·EUR in total"),
        // durations are words, not units: they may break
        ("ro", "pe 12 luni", "pe 12 luni"),
        // г. after a year, also before the full stop of a sentence
        ("bg", "до 19 януари 2029 г.", "до 19 януари 2029·г."),
        ("bg", "от 2026 г., когато", "от 2026·г., когато"),
        // an abbreviation and its number
        ("bg", "съгласно чл. 3, ал. 2, т. 4", "съгласно чл.·3, ал.·2, т.·4"),
        ("ro", "conform art. 3 alin. (2) lit. a)", "conform art.·3 alin.·(2) lit.·a)"),
        ("ro", "dosarul Nr. 15 și nr. 16", "dosarul Nr.·15 și nr.·16"),
        ("it", "ai sensi dell’art. 7, n. 15", "ai sensi dell’art.·7, n.·15"),
        ("en", "under No. 15 and art. 3", "under No.·15 and art.·3"),
        ("bg", "протокол № 15", "протокол №·15"),
        // an abbreviation before a word is left alone
        ("bg", "т. е. така", "т. е. така"),
        // a case code keeps its hyphens
        ("en", "case DI-2026-014 opened", "case DI‑2026‑014 opened"),
        ("en", "a well-known form", "a well-known form"),
        // no line starts with a dash or a closing quote, none ends with an opening one
        ("bg", "срокът – до края", "срокът·– до края"),
        ("it", "detto « minore » qui", "detto «·minore·» qui"),
        ("ro", "nu se aplică", "nu se aplică"),
        // Ukrainian: currency, the year's "р.", statute references, quotes
        ("uk", "сума 480 грн на місяць", "сума 480·грн на місяць"),
        ("uk", "до 3 грудня 2026 р. включно", "до 3 грудня 2026·р. включно"),
        ("uk", "відповідно до ч. 2 ст. 5", "відповідно до ч.·2 ст.·5"),
        ("uk", "протокол № 15", "протокол №·15"),
        ("uk", "так звані « діти » тут", "так звані «·діти·» тут"),
    ])
    func noBreakRules(_ language: String, _ text: String, _ expected: String) {
        #expect(Self.visible(Typography.withNoBreaks(text, language: language)) == expected)
    }

    @Test(arguments: [
        ("12 480,00 лв.", "12·480,00·лв."),
        ("MDL 12,480.00", "MDL·12,480.00"),
        ("1\u{2009}234", "1\u{202F}234"),
        ("-12,00 €", "-12,00·€"),
        ("2026-01-20", "2026‑01‑20"),
    ])
    func formattedValuesAreOneToken(_ text: String, _ expected: String) {
        #expect(Self.visible(Typography.unbreakable(text)) == expected)
    }

    /// The rules replace characters one for one, which lets the renderer split joined runs back.
    @Test func rulesKeepTheLength() {
        let text = "чл. 3, ал. 2 от 2029 г. – DI-2026-014, 12 %"
        #expect(Typography.withNoBreaks(text, language: "bg").unicodeScalars.count == text.unicodeScalars.count)
    }
}

/// Widths from the generated Liberation Sans tables, and columns widened to hold them.
@Suite struct FontMetricsTests {
    /// "12 480,00 MDL": seven digits (556), a comma and two spaces (278 each), M D L
    /// (833 722 556): 6 837/1000 em, 68.37 pt at 10 pt.
    @Test func measuresAKnownString() {
        #expect(FontMetrics.width(of: "12\u{A0}480,00\u{A0}MDL", size: 10) == .pt(68.37))
        #expect(FontMetrics.width(of: "12\u{A0}480,00\u{A0}MDL", size: 10, bold: true) > .pt(68.37))
        #expect(FontMetrics.width(of: "Месеци", size: 10) > .zeroForTests)
    }

    @Test func onlyWordsWithDigitsAreUnbreakable() {
        let width = FontMetrics.longestUnbreakable(in: "Общо 12\u{A0}480,00\u{A0}MDL платими", size: 10)
        #expect(width == FontMetrics.width(of: "12\u{A0}480,00\u{A0}MDL", size: 10))
    }

    @Test func aNarrowColumnTakesRoomFromTheSharedOnes() {
        let amount = TableCell([.paragraph(Paragraph([.text("18\u{A0}750,00\u{A0}MDL")], style: .tableCell))])
        let text = TableCell([.paragraph(Paragraph([.text("Asistent personal")], style: .tableCell))])
        let table = Table(columns: [.mm(60), .mm(20)], rows: [TableRow([text, amount])])
        let fitted = table.fittingUnbreakableTokens(flexible: [true, false], styles: .standard)
        #expect(fitted.columns[1] > .mm(24) && fitted.columns[1] < .mm(29), "\(fitted.columns)")
        #expect(fitted.columns[0] + fitted.columns[1] == .mm(80), "the table keeps its width")
        // Without a column to take from, the template's widths stay.
        #expect(table.fittingUnbreakableTokens(flexible: [false, false], styles: .standard).columns == table.columns)
    }
}

extension Length {
    fileprivate static let zeroForTests = Length(hundredthsOfMillimetre: 0)
}

@Suite struct NumericCellTests {
    @Test(arguments: [
        ("12\u{A0}480,00\u{A0}MDL", true), ("MDL\u{A0}1,250.00", true), ("18.750,00\u{A0}L", true), ("15\u{A0}%", true), ("120", true),
        ("480,00\u{A0}лв.", true), ("19.01.2029", false), ("2026\u{2011}01\u{2011}20", false), ("Asistent personal", false),
        ("PIA-14/2026 din 12.03.2026", false), ("", false), ("1\u{A0}234\u{A0}567,89", true),
        ("+373 000 00 000", false), ("0000 000 001", false),
    ])
    func numbersAndAmountsAreAlignedToTheEnd(_ text: String, _ numeric: Bool) {
        #expect(TableCell.holdsOnlyANumber([.paragraph(Paragraph([.text(text)], style: .tableCell))]) == numeric)
    }
}
