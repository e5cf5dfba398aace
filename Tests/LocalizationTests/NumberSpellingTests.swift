import Foundation
import Localization
import Testing

@Suite struct NumberSpellingTests {
    struct Fixture: Decodable {
        let icu_version: String
        let vectors: [String: [String: String]]
    }

    /// ICU's spelling of 2 180 numbers per language (`scripts/make-spellout-vectors`).
    static let fixture: Fixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/spellout-icu.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Fixture.self, from: data)
    }()

    /// ICU's words and ours, each brought to what the two must agree on. What is left out is
    /// where Formwright follows formal grammar rather than ICU (see NumberSpelling.swift).
    static func comparable(_ text: String, language: String, icu: Bool) -> String {
        var text = text
        switch language {
        case "bg":
            // ICU leaves out most of the conjunctions grammar places: compared without them.
            text = text.replacingOccurrences(of: " и ", with: " ")
        case "ro":
            if icu {
                text = text.replacingOccurrences(of: "ş", with: "ș").replacingOccurrences(of: "ţ", with: "ț")
                    .replacingOccurrences(of: "șasezeci", with: "șaizeci").replacingOccurrences(of: "șasesprezece", with: "șaisprezece")
                    .replacingOccurrences(of: "patrusprezece", with: "paisprezece")
                    .replacingOccurrences(of: "una sută", with: "o sută").replacingOccurrences(of: "una mie", with: "o mie")
                    .replacingOccurrences(of: "unu milion", with: "un milion")
            } else {
                text = text.replacingOccurrences(of: " de ", with: " ")
            }
        case "it":
            if icu {
                text = text.replacingOccurrences(of: "centott", with: "centoott").replacingOccurrences(of: "trémila", with: "tremila")
                text = text.split(separator: " ").map { $0.hasSuffix("milletre") ? $0.dropLast() + "é" : $0 }.joined(separator: " ")
            }
        case "en":
            if icu { text = text.replacingOccurrences(of: ",", with: "") }
        default: break
        }
        return text
    }

    @Test(arguments: [("bg", LocaleID.bg), ("ro", .ro), ("it", .it), ("en", .en)])
    func agreesWithICU(language: String, locale: LocaleID) throws {
        let fixture = try #require(Self.fixture)
        let vectors = try #require(fixture.vectors[language])
        #expect(vectors.count == 2180)
        var mismatches: [String] = []
        for (number, icu) in vectors {
            let n = try #require(Int64(number))
            let ours = try #require(NumberSpelling.words(n, locale: locale))
            if Self.comparable(ours, language: language, icu: false) != Self.comparable(icu, language: language, icu: true) {
                mismatches.append("\(number): \(ours) | ICU \(fixture.icu_version): \(icu)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, e.g. \(mismatches.sorted().prefix(8).joined(separator: "; "))")
    }

    @Test(arguments: [
        // Bulgarian: "и" before the last word of a group, and before a last group of one word.
        ("bg", 120, "сто и двадесет"), ("bg", 125, "сто двадесет и пет"), ("bg", 1005, "хиляда и пет"),
        ("bg", 1100, "хиляда и сто"), ("bg", 2500, "две хиляди и петстотин"), ("bg", 2525, "две хиляди петстотин двадесет и пет"),
        ("bg", 21000, "двадесет и една хиляди"), ("bg", 1_200_000, "един милион и двеста хиляди"),
        ("bg", 2_000_000, "два милиона"),
        ("ro", 1, "unu"), ("ro", 2000, "două mii"), ("ro", 20000, "douăzeci de mii"), ("ro", 21000, "douăzeci și una de mii"),
        ("ro", 105_000, "o sută cinci mii"), ("ro", 1_000_000, "un milion"), ("ro", 2_000_000, "două milioane"),
        ("it", 12480, "dodicimilaquattrocentoottanta"), ("it", 1000, "mille"), ("it", 2000, "duemila"), ("it", 23, "ventitré"),
        ("it", 21000, "ventunmila"), ("it", 1_200_000, "un milione duecentomila"),
        ("en", 12480, "twelve thousand four hundred and eighty"), ("en", 1005, "one thousand and five"),
        ("en", 1_200_000, "one million two hundred thousand"), ("en", 0, "zero"),
    ])
    func formalGrammar(locale: String, number: Int64, expected: String) throws {
        #expect(NumberSpelling.words(number, locale: try #require(LocaleID(locale))) == expected)
    }

    @Test(arguments: [
        ("bg", "1", "BGN", "един лев"), ("bg", "2", "BGN", "два лева"), ("bg", "21", "BGN", "двадесет и един лева"),
        ("bg", "0.01", "BGN", "нула лева и една стотинка"), ("bg", "2000.02", "BGN", "две хиляди лева и две стотинки"),
        ("bg", "1", "EUR", "едно евро"), ("bg", "2", "EUR", "две евро"), ("bg", "1250.50", "EUR", "хиляда двеста и петдесет евро и петдесет цента"),
        ("ro", "1", "RON", "un leu"), ("ro", "2", "RON", "doi lei"), ("ro", "20", "RON", "douăzeci de lei"),
        ("ro", "63570", "MDL", "șaizeci și trei de mii cinci sute șaptezeci de lei"), ("ro", "1.01", "MDL", "un leu și un ban"),
        ("ro", "12.50", "EUR", "doisprezece euro și cincizeci de cenți"), ("ro-MD", "1000", "MDL", "o mie de lei"),
        ("ro", "105", "RON", "o sută cinci lei"),
        ("it", "1", "EUR", "un euro"), ("it", "12480.50", "EUR", "dodicimilaquattrocentoottanta euro e cinquanta centesimi"),
        ("it", "0.01", "EUR", "zero euro e un centesimo"), ("it", "1000000", "EUR", "un milione di euro"),
        ("en", "12480.50", "EUR", "twelve thousand four hundred and eighty euros and fifty cents"), ("en", "1", "EUR", "one euro"),
        ("en", "1.01", "EUR", "one euro and one cent"), ("en", "3", "MDL", "three lei"),
        ("qps", "2", "EUR", "two euros"),
    ])
    func amounts(locale: String, amount: String, currency: String, expected: String) throws {
        let words = try NumberSpelling.words(amount: try #require(Decimal(string: amount)), currency: currency, locale: try #require(LocaleID(locale)))
        #expect(words == expected)
    }

    @Test func refusesWhatItCannotWrite() throws {
        let error = #expect(throws: NumberSpellingError.self) { try NumberSpelling.words(amount: 5, currency: "USD", locale: .en) }
        #expect(error?.message == "amounts in USD cannot be written in words")
        #expect(error?.suggestion?.contains("BGN, EUR, MDL, RON") == true)
        #expect(throws: NumberSpellingError.self) { try NumberSpelling.words(amount: -1, currency: "EUR", locale: .en) }
        #expect(throws: NumberSpellingError.self) { try NumberSpelling.words(amount: Decimal(string: "1e13")!, currency: "EUR", locale: .en) }
        #expect(NumberSpelling.words(-1, locale: .en) == nil)
        // Half up to the cent, as money is rounded everywhere else.
        #expect(try NumberSpelling.words(amount: Decimal(string: "0.005")!, currency: "EUR", locale: .en) == "zero euros and one cent")
    }

    @Test func messageArguments() throws {
        let plain = try MessageFormat("в {n, spellout} екземпляра")
        #expect(try plain.format(["n": 2], locale: .bg) == "в два екземпляра")
        #expect(try MessageFormat("{n, spellout, feminine}").format(["n": 2], locale: .ro) == "două")
        let money = try MessageFormat("Suma în litere: {total, spellout, currency}.")
        #expect(try money.format(["total": .money(amount: 63570, currency: "MDL")], locale: .roMD)
            == "Suma în litere: șaizeci și trei de mii cinci sute șaptezeci de lei.")
        let skeleton = try MessageFormat("{total, spellout, ::currency/EUR}")
        #expect(try skeleton.format(["total": .number(Decimal(string: "12480.5")!)], locale: .it) == "dodicimilaquattrocentoottanta euro e cinquanta centesimi")
        #expect(try MessageFormat("{n, spellout}").arguments == [MessageArgument(name: "n", kind: .spellout)])
        // A fraction, text, or an amount in another currency is refused, with the argument named.
        #expect(throws: MessageFormatError.self) { try plain.format(["n": .number(Decimal(string: "1.5")!)], locale: .bg) }
        #expect(throws: MessageFormatError.self) { try money.format(["total": 5], locale: .ro) }
        #expect(throws: MessageFormatError.self) { try skeleton.format(["total": .money(amount: 5, currency: "RON")], locale: .ro) }
    }

    @Test(arguments: ["{n, spellout, plural}", "{n, spellout, ::currency/USD}", "{n, spellout, ::percent}", "{n, spellout, }"])
    func rejectsBadStyles(message: String) {
        #expect(throws: MessageSyntaxError.self) { try MessageFormat(message) }
    }
}
