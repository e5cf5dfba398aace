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
