import Localization
import Testing

@Suite struct PseudolocalizationTests {
    @Test(arguments: [
        "Page {page} of {pages}",
        "{name} looks after {count, plural, one {# child} other {# children}}.",
        "{n, plural, offset:1 =0 {nobody} one {# person} other {# people}}",
        "{gender, select, female {She signed} male {He signed} other {They signed}} on {d, date, ::yMMMd}.",
        "Amount: {a, number, ::currency/EUR} ({p, number, percent})",
        "It''s '{literal}' text",
        "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} visit",
    ])
    func keepsMessageFormatAndArguments(_ source: String) throws {
        let pseudo = Pseudolocalization.pseudolocalize(source)
        let original = try MessageFormat(source)
        let result = try MessageFormat(pseudo)
        #expect(result.arguments == original.arguments)
        #expect(pseudo.hasPrefix("[") && pseudo.hasSuffix("]"))
        #expect(pseudo != source)
        // Keywords, keys and styles survive unchanged.
        for keyword in ["plural", "select", "selectordinal", "offset:1", "=0", "::currency/EUR", "::yMMMd", "percent", "''", "'{"] where source.contains(keyword) {
            #expect(pseudo.contains(keyword), "\(keyword) lost in \(pseudo)")
        }
    }

    @Test func formatsWithTheSameValuesAsEnglish() throws {
        let source = "{name} looks after {count, plural, one {# child} other {# children}}."
        let text = try MessageFormat(Pseudolocalization.pseudolocalize(source)).format(["name": "Ana", "count": 3], locale: .pseudo)
        #expect(text.hasPrefix("[Ana ŀǿǿķş ȧƒŧḗŕ 3 ƈħīŀḓŕḗƞ."))
    }

    @Test func expandsByAboutAThird() {
        let source = "Consent to the processing and sharing of personal data"
        let pseudo = Pseudolocalization.pseudolocalize(source)
        let letters = source.filter(\.isLetter).count, pseudoLetters = pseudo.filter(\.isLetter).count
        #expect(Double(pseudoLetters) >= Double(letters) * 1.3)
        #expect(Double(pseudoLetters) <= Double(letters) * 1.6)
        #expect(!pseudo.contains { $0.isASCII && $0.isLetter })
    }

    @Test func invalidPatternIsLeftAlone() {
        #expect(Pseudolocalization.pseudolocalize("{broken") == "{broken")
    }

    @Test func pseudoLocaleIsRenderableButNotSupported() {
        #expect(LocaleID("qps") == .pseudo)
        #expect(LocaleID("QPS") == .pseudo)
        #expect(!LocaleID.supported.contains(.pseudo))
        #expect(LocaleID.renderable.contains(.pseudo))
        #expect(LocaleID.pseudo.fallbackChain == [.pseudo, .en])
        #expect(PluralRules.cardinal(.pseudo).categories == PluralRules.cardinal(.en).categories)
    }
}
