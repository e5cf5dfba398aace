import Foundation
import Localization
import TestSupport
import Testing

/// CLDR plural rules against the categories ICU picks in `../shared/conformance/plural-rules.md`.
@Suite struct PluralRulesTests {
    /// One row of the tables: locale, category and the numbers ICU puts in it.
    struct Sample: Sendable, CustomTestStringConvertible {
        let ordinal: Bool
        let locale: String
        let category: PluralCategory
        let numbers: [String]
        var testDescription: String { "\(ordinal ? "ordinal" : "cardinal") \(locale) \(category)" }
    }

    static let samples: [Sample] = {
        let url = TestSupport.sharedDirectory.appendingPathComponent("conformance/plural-rules.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var samples: [Sample] = []
        var ordinal = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## Ordinal") { ordinal = true }
            if line.hasPrefix("## Quick") { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 6, let category = PluralCategory(rawValue: cells[2]), LocaleID(cells[1]) != nil else { continue }
            samples.append(Sample(ordinal: ordinal, locale: cells[1], category: category,
                                  numbers: cells[4].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        return samples
    }()

    @Test func everyLocaleAndCategoryHasSamples() {
        // bg 2+1, ro 3+2, ro-MD 3+2, it 3+2, en 2+4
        #expect(Self.samples.count == 24)
        #expect(Set(Self.samples.map(\.locale)) == Set(LocaleID.supported.map(\.identifier)))
    }

    @Test(arguments: samples)
    func selectsICUCategory(sample: Sample) throws {
        let locale = try #require(LocaleID(sample.locale))
        let rules = sample.ordinal ? PluralRules.ordinal(locale) : PluralRules.cardinal(locale)
        #expect(rules.categories.contains(sample.category))
        for number in sample.numbers {
            let operands = try #require(PluralOperands(decimalString: number))
            #expect(rules.category(for: operands) == sample.category, "\(sample.locale) \(number)")
            // The same through a message, so plural selection agrees with the rules.
            let keyword = sample.category.rawValue
            let type = sample.ordinal ? "selectordinal" : "plural"
            let message = try MessageFormat("{n, \(type), \(keyword == "other" ? "" : "\(keyword) {\(keyword)} ")other {other}}")
            #expect(try message.format(["n": .number(Decimal(string: number)!)], locale: locale) == keyword, "\(sample.locale) \(number)")
        }
    }

    @Test(arguments: [
        ("bg", ["one", "other"], ["other"]), ("ro", ["one", "few", "other"], ["one", "other"]),
        ("ro-MD", ["one", "few", "other"], ["one", "other"]), ("it", ["one", "many", "other"], ["many", "other"]),
        ("en", ["one", "other"], ["one", "two", "few", "other"]),
    ])
    func categoriesPerLocale(locale: String, cardinal: [String], ordinal: [String]) throws {
        let id = try #require(LocaleID(locale))
        #expect(PluralRules.cardinal(id).categories.map(\.rawValue) == cardinal)
        #expect(PluralRules.ordinal(id).categories.map(\.rawValue) == ordinal)
    }

    @Test func operandsFollowTheWrittenForm() throws {
        let operands = try #require(PluralOperands(decimalString: "-1.50"))
        #expect(operands.n == 1.5 && operands.i == 1 && operands.v == 2 && operands.w == 1 && operands.f == 50 && operands.t == 5 && operands.e == 0)
        let compact = try #require(PluralOperands(decimalString: "1.2c6"))
        #expect(compact.i == 1_200_000 && compact.v == 0 && compact.e == 6)
        #expect(PluralOperands(decimalString: "1,5") == nil)
        #expect(PluralOperands(Decimal(string: "1.50")!).v == 1)
    }

    @Test func visibleTrailingZerosChangeTheCategory() throws {
        // ro: "1" is one, "1.0" is few (v != 0); bg: 1.0 is still one (n = 1).
        #expect(PluralRules.cardinal(.ro).category(for: try #require(PluralOperands(decimalString: "1.0"))) == .few)
        #expect(PluralRules.cardinal(.bg).category(for: try #require(PluralOperands(decimalString: "1.0"))) == .one)
        #expect(PluralRules.cardinal(.it).category(for: try #require(PluralOperands(decimalString: "1c6"))) == .many)
        #expect(PluralRules.cardinal(.it).category(for: try #require(PluralOperands(decimalString: "1000000.5"))) == .other)
    }

    @Test func anotherLocaleIsData() throws {
        // Polish cardinal rules, compiled from CLDR text alone.
        let polish = try PluralRules([
            .one: "i = 1 and v = 0",
            .few: "v = 0 and i % 10 = 2..4 and i % 100 != 12..14",
            .many: "v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14",
        ])
        #expect(polish.category(for: PluralOperands(1)) == .one)
        #expect(polish.category(for: PluralOperands(22)) == .few)
        #expect(polish.category(for: PluralOperands(12)) == .many)
        #expect(polish.category(for: PluralOperands(Decimal(string: "1.5")!)) == .other)
    }

    @Test func badRuleTextIsRejected() {
        #expect(throws: PluralRuleSyntaxError.self) { try PluralRules([.one: "n = "]) }
        #expect(throws: PluralRuleSyntaxError.self) { try PluralRules([.one: "x = 1"]) }
        #expect(throws: PluralRuleSyntaxError.self) { try PluralRules([.one: "n = 1 and"]) }
    }
}
