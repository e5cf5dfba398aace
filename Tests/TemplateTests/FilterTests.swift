import DocumentModel
import Foundation
import Localization
import Testing
import TemplateData
@testable import Template

@Suite struct FilterTests {
    static func n(_ text: String) -> Value { ArithmeticTests.n(text) }

    static func render(_ body: String, locale: LocaleID = .en, data: Value) throws -> [String] {
        let template = try Fixtures.template(body)
        let document = try CompiledTemplate(template, locale: locale, catalogs: CatalogSet(catalogs: [])).render(data)
        return document.body.flatMap { block -> [String] in
            switch block {
            case .paragraph(let p): [p.content.plainText]
            case .table(let t): t.rows.map { row in
                row.cells.map { $0.blocks.compactMap { if case .paragraph(let p) = $0 { p.content.plainText } else { nil } }.joined() }
                    .joined(separator: " | ")
            }
            default: []
            }
        }
    }

    static func errors(_ body: String, data: Value) throws -> [TemplateError] {
        let template = try Fixtures.template(body)
        do {
            _ = try CompiledTemplate(template, locale: .en, catalogs: CatalogSet(catalogs: [])).render(data)
            return []
        } catch {
            return error.errors
        }
    }

    // MARK: sum

    @Test func sumsNumbersExactly() throws {
        let data: Value = ["xs": [Self.n("0.1"), Self.n("0.2"), "0.3"], "empty": [], "lines": [["q": 2, "p": Self.n("1.5")], ["q": 3, "p": "0.1"]]]
        #expect(try ArithmeticTests.evaluate("xs | sum", data).0 == Self.n("0.6"))
        #expect(try ArithmeticTests.evaluate("empty | sum", data).0 == .number(0))
        #expect(try ArithmeticTests.evaluate("missing | sum", data).0 == .number(0))
        #expect(try ArithmeticTests.evaluate("lines | sum:\"q * p\"", data).0 == Self.n("3.3"))
        #expect(try ArithmeticTests.evaluate("lines | sum:\"item.q\"", data).0 == .number(5))
        // Outer names stay visible inside the item expression.
        #expect(try ArithmeticTests.evaluate("lines | sum:\"q * factor\"", ["lines": [["q": 2]], "factor": 10]).0 == .number(20))
    }

    @Test("a 1 000-line budget totals exactly what an independent integer computation gives")
    func largeBudget() throws {
        var lines: [Value] = []
        var expectedCents = 0
        for i in 0..<1000 {
            let costCents = 1 + (i * 7919) % 250_000   // 0.01 … 2500.00
            let quantityTenths = 1 + (i * 31) % 200     // 0.1 … 20.0
            let months = 1 + i % 12
            let source = ["state_budget", "local_budget", "project_donor"][i % 3]
            lines.append([
                "unit_cost": ["amount": .string(Self.decimalText(costCents, scale: 2)), "currency": "EUR"],
                "quantity": Self.n(Self.decimalText(quantityTenths, scale: 1)), "months": .number(Decimal(months)),
                "funding_source": .string(source),
            ])
            // In thousandths of a cent… no: cents × tenths = thousandths of the currency unit.
            let thousandths = costCents * quantityTenths * months
            expectedCents += (thousandths + 5) / 10   // half up, amounts are positive
        }
        let data: Value = ["lines": .array(lines)]
        let total = try ArithmeticTests.evaluate("lines | sum:\"unit_cost * quantity * months\"", data)
        #expect(total.1.isEmpty)
        #expect(total.0 == ["amount": Self.n(Self.decimalText(expectedCents, scale: 2)), "currency": "EUR"])
        // The subtotals per source add up to the total.
        var subtotal = Decimal(0)
        for source in ["state_budget", "local_budget", "project_donor"] {
            let part = try ArithmeticTests.evaluate(
                "lines | where:\"funding_source\", \"\(source)\" | sum:\"unit_cost * quantity * months\"", data).0
            guard case .number(let amount)? = part["amount"] else { Issue.record("no amount for \(source)"); return }
            subtotal += amount
        }
        #expect(Value.number(subtotal) == Self.n(Self.decimalText(expectedCents, scale: 2)))
    }

    static func decimalText(_ units: Int, scale: Int) -> String {
        let text = String(units)
        let padded = String(repeating: "0", count: max(0, scale + 1 - text.count)) + text
        return padded.dropLast(scale) + "." + padded.suffix(scale)
    }

    @Test("money is rounded half up per item before summing, so the table adds up")
    func roundingPerItem() throws {
        let data: Value = ["xs": [["amount": "5.025", "currency": "RON"], ["amount": "12.345", "currency": "RON"]], "ys": ["5.025", "12.345"]]
        #expect(try ArithmeticTests.evaluate("xs | sum", data).0 == ["amount": Self.n("17.38"), "currency": "RON"])
        #expect(try ArithmeticTests.evaluate("ys | sum:\"item\", \"RON\"", data).0 == ["amount": Self.n("17.38"), "currency": "RON"])
        // Plain numbers are not amounts: summed exactly, unrounded.
        #expect(try ArithmeticTests.evaluate("ys | sum", data).0 == Self.n("17.37"))
        #expect(try ArithmeticTests.evaluate("missing | sum:\"item\", \"RON\"", data).0 == ["amount": 0, "currency": "RON"])
    }

    @Test func sumErrors() throws {
        let errors = try Self.errors("""
            <p>{name | sum}</p>
            <p>{xs | sum}</p>
            <p>{mixed | sum}</p>
            <p>{lines | sum:"cost * q"}</p>
            <p>{xs | sum:"item", "euro"}</p>
            """, data: [
                "name": "x", "xs": [1, .null], "mixed": [["amount": 1, "currency": "EUR"], ["amount": 1, "currency": "RON"]],
                "lines": [["cost": "a", "q": 1]],
            ])
        #expect(errors.map(\.message) == [
            "sum needs a list, found string",
            "sum: item 2 has no value",
            "cannot add amounts in EUR and RON: a document has one currency",
            "cannot multiply: 'cost' is a string, not a number",
            "the second argument of sum must be a three-letter ISO currency code such as \"EUR\"",
        ])
        #expect(errors.map(\.line) == [3, 4, 5, 6, 7])
    }

    // MARK: where, distinct

    @Test func whereAndDistinct() throws {
        let data: Value = ["xs": [
            ["s": "a", "p": ["name": "X"], "n": 1], ["s": "b", "p": ["name": "Y"], "n": Self.n("1.0")],
            ["s": "a", "n": 2], ["s": .null, "n": 3], ["n": 4],
        ]]
        #expect(try ArithmeticTests.evaluate("xs | distinct:\"s\"", data).0 == ["a", "b"])
        #expect(try ArithmeticTests.evaluate("xs | distinct:\"n\"", data).0 == [1, 2, 3, 4])
        #expect(try ArithmeticTests.evaluate("xs | distinct:\"p.name\"", data).0 == ["X", "Y"])
        #expect(try ArithmeticTests.evaluate("xs | where:\"s\", \"a\" | sum:\"n\"", data).0 == .number(3))
        #expect(try ArithmeticTests.evaluate("xs | where:\"p.name\", \"Y\" | count", data).0 == .number(1))
        // A missing field equals null.
        #expect(try ArithmeticTests.evaluate("xs | where:\"s\", null | sum:\"n\"", data).0 == .number(7))
        #expect(try ArithmeticTests.evaluate("missing | where:\"s\", 1 | count", data).0 == .number(0))
        #expect(try ArithmeticTests.evaluate("ys | distinct", ["ys": ["b", "a", "b", .null, "a"]]).0 == ["b", "a"])
        let (_, errors) = try ArithmeticTests.evaluate("xs.0.s | distinct:\"s\"", data)
        #expect(errors.map(\.message) == ["distinct needs a list, found string"])
    }

    /// Subtotals per funding source, and the total, as a budget template writes them. The lines
    /// hold half-cent products (10.05 × 0.5 = 5.025, 12.345 × 1) that half-up and half-even
    /// rounding tell apart, and whose unrounded total (9357.36) differs from the sum of the
    /// rounded lines (9357.37).
    static let budgetTemplate = """
        <table>
          <row each="l in lines"><cell>{l.service}</cell><cell>{l.unit_cost * l.quantity * l.months | money:currency}</cell></row>
        </table>
        <table>
          <row each="s in lines | distinct:'funding_source'"><cell>{s}</cell><cell>{lines | where:"funding_source", s | sum:"unit_cost * quantity * months", currency | money:currency}</cell></row>
        </table>
        <p>{lines | sum:"unit_cost * quantity * months", currency | money:currency}</p>
        """

    static func budget(currency: String, asMoney: Bool) -> Value {
        let rows: [(String, String, String, Int, String)] = [
            ("assistant", "45.50", "20", 6, "state_budget"), ("therapy", "120", "4", 6, "local_budget"),
            ("transport", "10.05", "0.5", 1, "state_budget"), ("respite", "333.33", "1", 3, "project_donor"),
            ("family", "12.345", "1", 1, "local_budget"),
        ]
        return [
            "currency": .string(currency),
            "lines": .array(rows.map { service, cost, quantity, months, source in
                [
                    "service": .string(service),
                    "unit_cost": asMoney ? ["amount": .string(cost), "currency": .string(currency)] : n(cost),
                    "quantity": n(quantity), "months": .number(Decimal(months)), "funding_source": .string(source),
                ]
            }),
        ]
    }

    @Test(
        "subtotals per funding source and the total, in the plan's currency and the locale's format",
        arguments: [
            ("ro", "RON", false, [
                "assistant | 5.460,00 RON", "therapy | 2.880,00 RON", "transport | 5,03 RON", "respite | 999,99 RON", "family | 12,35 RON",
                "state_budget | 5.465,03 RON", "local_budget | 2.892,35 RON", "project_donor | 999,99 RON", "9.357,37 RON",
            ]),
            ("ro-MD", "MDL", true, [
                "assistant | 5.460,00 L", "therapy | 2.880,00 L", "transport | 5,03 L", "respite | 999,99 L", "family | 12,35 L",
                "state_budget | 5.465,03 L", "local_budget | 2.892,35 L", "project_donor | 999,99 L", "9.357,37 L",
            ]),
            ("bg", "EUR", true, [
                "assistant | 5460,00 €", "therapy | 2880,00 €", "transport | 5,03 €", "respite | 999,99 €", "family | 12,35 €",
                "state_budget | 5465,03 €", "local_budget | 2892,35 €", "project_donor | 999,99 €", "9357,37 €",
            ]),
        ])
    func budgetSubtotals(locale: String, currency: String, asMoney: Bool, expected: [String]) throws {
        let texts = try Self.render(Self.budgetTemplate, locale: LocaleID(locale)!, data: Self.budget(currency: currency, asMoney: asMoney))
        #expect(texts.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") } == expected)
        #expect(texts.last?.contains("\u{A0}") == true)
    }

    // MARK: money

    @Test func money() throws {
        let data: Value = [
            "fee": ["amount": "1234.5", "currency": "EUR"], "n": Self.n("2.345"), "s": "1234.565", "cur": "eur", "bad": "12,50",
        ]
        let texts = try Self.render("""
            <p>{fee | money}</p><p>{fee | money:"EUR"}</p><p>{n | money:"EUR"}</p><p>{s | money:cur}</p><p>{nothing | money:"EUR"}</p>
            """, locale: LocaleID("bg")!, data: data)
        #expect(texts.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") } == ["1234,50 €", "1234,50 €", "2,35 €", "1234,57 €", ""])
        let errors = try Self.errors("""
            <p>{n | money}</p>
            <p>{fee | money:"RON"}</p>
            <p>{n | money:"EURO"}</p>
            <p>{bad | money:"EUR"}</p>
            <p>{n | money:missing}</p>
            """, data: data)
        #expect(errors.map(\.message) == [
            "money needs a currency for a plain number; it is never taken from the locale",
            "the amount is in EUR but money asks for RON; amounts are never converted",
            "money needs a three-letter ISO currency code such as \"EUR\", found string \"EURO\"",
            "money needs {amount, currency}, a number or a decimal string, found string",
            "money needs a three-letter ISO currency code such as \"EUR\", found no currency (the value is missing)",
        ])
    }

    @Test(arguments: [("0.005", "0.01"), ("0.015", "0.02"), ("-0.005", "-0.01"), ("2.675", "2.68"), ("1.0049", "1")])
    func moneyRoundsHalfUp(amount: String, rounded: String) {
        #expect(RenderContext.roundedMoney(Decimal(string: amount)!, currency: "EUR") == Decimal(string: rounded)!)
    }

    // MARK: mask

    @Test(
        "masks keep the first characters (ids.md's masked column)",
        arguments: [
            ("1445171233", "mask", "1445******"), ("6140517123454", "mask", "6140*********"),
            ("2014001004525", "mask", "2014*********"), ("PRVGLI14E57B519P", "mask", "PRVG************"),
            ("9912310000", "mask:2", "99********"), ("9912310000", "mask:0", "**********"),
            ("123", "mask", "***"), ("1234", "mask", "****"), (" 12345 ", "mask", "1234*"),
        ])
    func mask(value: String, filter: String, expected: String) throws {
        #expect(try ArithmeticTests.evaluate("pid | \(filter)", ["pid": .string(value)]).0 == .string(expected))
    }

    @Test func maskNullAndErrors() throws {
        #expect(try ArithmeticTests.evaluate("pid | mask", [:]).0 == "")
        #expect(try ArithmeticTests.evaluate("pid | mask", ["pid": 12345]).0 == "1234*")
        let (_, errors) = try ArithmeticTests.evaluate("pid | mask", ["pid": ["a": 1]])
        #expect(errors.map(\.message) == ["mask needs text such as a personal number, found object"])
    }
}
