import DocumentModel
import Foundation
import Localization
import Testing
import TemplateData
@testable import Template

// Foundation has an `Expression` too; in this test target the name means the template one.
typealias Expression = Template.Expression

@Suite struct ArithmeticTests {
    static func n(_ text: String) -> Value { .number(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!) }

    /// Evaluates one expression against `data`, returning its value and the errors found.
    static func evaluate(_ source: String, _ data: Value = [:]) throws -> (Value, [TemplateError]) {
        let template = try Fixtures.template("<p>x</p>")
        let compiled = try CompiledTemplate(template, locale: .en, catalogs: CatalogSet(catalogs: []))
        var context = RenderContext(template: compiled, data: data)
        let value = context.evaluate(try Expression.parse(source), at: NodeLocation(line: 1, column: 1))
        return (value, context.errors)
    }

    // MARK: Parsing

    @Test(arguments: [
        ("1 + 2 * 3", Expression.arithmetic(.number("1"), .add, .arithmetic(.number("2"), .multiply, .number("3"), offset: 6), offset: 2)),
        ("(1 + 2) * 3", .arithmetic(.arithmetic(.number("1"), .add, .number("2"), offset: 3), .multiply, .number("3"), offset: 8)),
        ("a - b - c", .arithmetic(.arithmetic(.path(["a"]), .subtract, .path(["b"]), offset: 2), .subtract, .path(["c"]), offset: 6)),
        ("2 * -1", .arithmetic(.number("2"), .multiply, .number("-1"), offset: 2)),
        ("-a", .arithmetic(.number("0"), .subtract, .path(["a"]), offset: 0)),
        ("-12.5", .number("-12.5")),
        ("(a) -1", .arithmetic(.path(["a"]), .subtract, .number("1"), offset: 4)),
        ("2-1", .arithmetic(.number("2"), .subtract, .number("1"), offset: 1)),
    ])
    func precedence(source: String, expected: Expression) throws {
        #expect(try Expression.parse(source) == expected)
    }

    @Test("a '-' between name characters belongs to the name; a space on either side subtracts", arguments: [
        ("child.birth-date", Expression.path(["child", "birth-date"])),
        ("line-2", .path(["line-2"])),
        ("total - paid", .arithmetic(.path(["total"]), .subtract, .path(["paid"]), offset: 6)),
        ("total -paid", .arithmetic(.path(["total"]), .subtract, .path(["paid"]), offset: 6)),
        ("total- paid", .arithmetic(.path(["total"]), .subtract, .path(["paid"]), offset: 5)),
        ("loop.index - 1", .arithmetic(.path(["loop", "index"]), .subtract, .number("1"), offset: 11)),
    ])
    func hyphens(source: String, expected: Expression) throws {
        #expect(try Expression.parse(source) == expected)
    }

    @Test("filters apply to the whole arithmetic on their left; comparisons and logic bind looser")
    func filtersAndComparisons() throws {
        #expect(try Expression.parse("a * b | money") == .filter(.arithmetic(.path(["a"]), .multiply, .path(["b"]), offset: 2), name: "money", arguments: [], offset: 8))
        #expect(try Expression.parse("a + 1 > b and not c") == .and(
            .compare(.arithmetic(.path(["a"]), .add, .number("1"), offset: 2), .greater, .path(["b"])), .not(.path(["c"]))))
        #expect(try Expression.parse("(xs | count) - 1") == .arithmetic(
            .filter(.path(["xs"]), name: "count", arguments: [], offset: 6), .subtract, .number("1"), offset: 13))
    }

    @Test(arguments: [
        ("xs | count + 1", 11, "'+' after a filter: a filter applies to everything on its left", "to compute with the filter's result, put it in parentheses: (… | count) + …"),
        ("a +", 3, "expected a value, found end of expression", nil),
        ("a * * b", 4, "expected a value, found '*'", nil),
        ("lines | sum:\"unit_cost *\"", 24, "in the sum expression: expected a value, found end of expression", nil),
        ("lines | sum:amount", 12, "the first argument of sum must be written in quotes", "write sum, sum:\"unit_cost * quantity\" or sum:\"unit_cost * quantity\", \"EUR\""),
        ("lines | where:\"source\"", 14, "where takes 2 arguments, found 1", "write where:\"funding_source\", \"state_budget\""),
        ("lines | distinct:\"a b\"", 17, "distinct needs a field name such as \"funding_source\" or \"provider.name\"", "write distinct:\"funding_source\""),
        ("pid | mask:\"4\"", 11, "mask takes the number of characters to keep", "write mask or mask:4"),
        ("pid | mask:4, 2", 11, "mask takes 0 or 1 argument, found 2", "write mask or mask:4"),
    ] as [(String, Int, String, String?)])
    func syntaxErrors(source: String, offset: Int, message: String, suggestion: String?) {
        do {
            _ = try Expression.parse(source)
            Issue.record("no error for \(source)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message == message)
            #expect(error.suggestion == suggestion)
        }
    }

    // MARK: Evaluation

    @Test("decimal arithmetic is exact: 0.1 + 0.2 == 0.3")
    func exactDecimals() throws {
        let data: Value = ["a": Self.n("0.1"), "b": Self.n("0.2")]
        #expect(try Self.evaluate("a + b", data).0 == Self.n("0.3"))
        #expect(try Self.evaluate("a + b == 0.3", data).0 == .bool(true))
        #expect(try Self.evaluate("1.1 * 1.1", data).0 == Self.n("1.21"))
        #expect(try Self.evaluate("0.3 - a - b", data).0 == .number(0))
    }

    @Test(arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("10 - 2 - 3", "5"), ("2 * -1", "-2"), ("-(2 + 3) * 2", "-10"),
        ("\"12.50\" * 2", "25"), ("loop_index - 1", "4"),
    ])
    func values(source: String, expected: String) throws {
        let (value, errors) = try Self.evaluate(source, ["loop_index": 5])
        #expect(errors.isEmpty)
        #expect(value == Self.n(expected))
    }

    @Test("amounts of money keep their currency")
    func money() throws {
        let data: Value = [
            "fee": ["amount": "12.50", "currency": "RON"], "other": ["amount": 3, "currency": "ron"],
            "euro": ["amount": 1, "currency": "EUR"], "quantity": 3,
        ]
        #expect(try Self.evaluate("fee * quantity", data).0 == ["amount": Self.n("37.5"), "currency": "RON"])
        #expect(try Self.evaluate("fee + other", data).0 == ["amount": Self.n("15.5"), "currency": "RON"])
        let (_, mixed) = try Self.evaluate("fee + euro", data)
        #expect(mixed.map(\.message) == ["cannot add amounts in RON and EUR: a document has one currency"])
        let (_, plain) = try Self.evaluate("fee + quantity", data)
        #expect(plain.map(\.message) == ["cannot add a plain number and an amount of money (RON)"])
        #expect(plain.first?.suggestion == "use the number of the amount, 'fee.amount', or give both as {amount, currency}")
        let (_, squared) = try Self.evaluate("fee * fee", data)
        #expect(squared.map(\.message) == ["cannot multiply two amounts of money"])
    }

    @Test("a result that needs more than 38 digits is an error, not a rounded number")
    func precision() throws {
        let (_, errors) = try Self.evaluate("12345678901234567890123456789012345678 * 3.7")
        #expect(errors.map(\.code) == ["render.arithmetic"])
        #expect(try Self.evaluate("99999999999999999999999999999999999999 + 2").1.count == 1)
        #expect(try Self.evaluate("99999999999999999999999999999999999999 + 1").0 == Self.n("1e38"))  // one digit
        #expect(try Self.evaluate("1.0000000000000000000000000000000000001 * 1.0000000000000000000000000000000000001").1.count == 1)
        #expect(try Self.evaluate("100000000000000000000000000000000000000 + 0.1").1.count == 1)
        // At the limit, still exact.
        let (fits, none) = try Self.evaluate("9999999999999999999999999999999999999 + 1")
        #expect(none.isEmpty)
        #expect(fits == Self.n("10000000000000000000000000000000000000"))
        #expect(try Self.evaluate("1234567890123456789 * 1234567890123456789").0 == Self.n("1524157875323883675019051998750190521"))
        #expect(try Self.evaluate("0.0000001 + 1000000").0 == Self.n("1000000.0000001"))
    }

    @Test("exponent underflow and overflow are located render errors, never a trap", arguments: [
        ("a * b", "1e-100", "1e-100", "cannot multiply 1e-100 and 1e-100 exactly: the result is smaller than 1e-128"),
        ("a * b", "1e-128", "0.1", "cannot multiply 1e-128 and 0.1 exactly: the result is smaller than 1e-128"),
        ("a * b", "1e-65", "1e-64", "cannot multiply 1e-65 and 1e-64 exactly: the result is smaller than 1e-128"),
        ("a * b", "1e100", "1e100", "cannot multiply 1e100 and 1e100 exactly: the result is 1e165 or more"),
        ("a * b", "-1e100", "1e100", "cannot multiply -1e100 and 1e100 exactly: the result is 1e165 or more"),
        ("a + b", "1e-128", "0.1", "cannot add 1e-128 and 0.1 exactly: the result needs more than 38 significant digits"),
        ("a - b", "1e127", "-10", "cannot subtract 1e127 and -10 exactly: the result needs more than 38 significant digits"),
    ])
    func exponentOutOfRange(source: String, a: String, b: String, message: String) throws {
        let (value, errors) = try Self.evaluate(source, ["a": Self.n(a), "b": Self.n(b)])
        #expect(value == .null)
        #expect(errors.map(\.message) == [message])
        #expect(errors.first?.code == "render.arithmetic")
    }

    @Test("results at the edges of the range are exact", arguments: [
        ("a * b", "1e-64", "1e-64", "1e-128"),
        ("a * b", "5e-128", "0.2", "1e-128"),
        ("a * b", "1e127", "10", "10e127"),
        ("a + b", "1e-100", "1e-100", "2e-100"),
        ("a + b", "1e38", "-99999999999999999999999999999999999999", "1"),
        ("a + b", "99999999999999999999e127", "99999999999999999999e127", "199999999999999999998e127"),
        ("a - b", "1e-65", "1e-64", "-9e-65"),
    ])
    func edgesOfTheRange(source: String, a: String, b: String, expected: String) throws {
        let (value, errors) = try Self.evaluate(source, ["a": Self.n(a), "b": Self.n(b)])
        #expect(errors.isEmpty, "\(errors)")
        #expect(value == Self.n(expected))
    }

    @Test("money times a tiny quantity underflows as an error, as personalised-budget data could")
    func moneyUnderflow() throws {
        let data: Value = ["cost": ["amount": Self.n("1e-100"), "currency": "EUR"], "quantity": Self.n("1e-100")]
        let (value, errors) = try Self.evaluate("cost * quantity", data)
        #expect(value == .null)
        #expect(errors.map(\.message) == ["cannot multiply 1e-100 and 1e-100 exactly: the result is smaller than 1e-128"])
        let (_, summed) = try Self.evaluate(#"lines | sum:"cost * quantity""#, ["lines": [data, data]])
        #expect(summed.map(\.code) == ["render.arithmetic"])
    }

    @Test("errors are located in the template, name the operand and never show its value")
    func locatedErrors() throws {
        let template = try Fixtures.template("""
            <p>{child.pid * 2}</p>
            <p>{total-paid + 1}</p>
            <p if="missing - 1 > 0">x</p>
            """, file: "t/arith.xml")
        let compiled = try CompiledTemplate(template, locale: .en, catalogs: CatalogSet(catalogs: []))
        let data: Value = ["child": ["pid": "PRVGLI14E57B519P"], "total": 10, "paid": 4]
        #expect(throws: TemplateErrors.self) { try compiled.render(data) }
        do {
            _ = try compiled.render(data)
        } catch {
            let e = error.errors
            #expect(e.map(\.code) == ["render.arithmetic", "render.arithmetic", "render.arithmetic"])
            #expect(e.map(\.message) == [
                "cannot multiply: 'child.pid' is a string, not a number",
                "cannot add: 'total-paid' has no value",
                "cannot subtract: 'missing' has no value",
            ])
            #expect(e.map(\.line) == [3, 4, 5])
            guard e.count == 3 else { return }
            #expect(e[1].suggestion == "a '-' between two letters belongs to the name; to subtract, put spaces around it ('total - paid')")
            #expect(e[2].suggestion == "give it a value in the data, or write ('missing' | default:0)")
            #expect(!error.description.contains("PRVGLI14E57B519P"))
        }
    }
}

@Suite struct NumberLiteralTests {
    @Test(arguments: [
        "123456789012345678901234567890123456789", "1.23456789012345678901234567890123456789",
        "-0.000123456789012345678901234567890123456789", "123456789012345678901234567890123456789 == 123456789012345678901234567890123456788",
    ])
    func literalsBeyond38DigitsAreAnError(source: String) throws {
        let error = try #require(throws: ExpressionSyntaxError.self) { try Expression.parse(source) }
        #expect(error.message.contains("has 39 significant digits; at most 38 can be kept exactly"), "\(error.message)")
        #expect(error.offset == 0)
    }

    @Test(arguments: ["١٢", "x == ٣"])
    func nonASCIIDigitsAreAnError(source: String) throws {
        let error = try #require(throws: ExpressionSyntaxError.self) { try Expression.parse(source) }
        #expect(error.message.hasPrefix("malformed number"), "\(error.message)")
    }

    @Test(arguments: ["12345678901234567890123456789012345678", "0.00000000000000000000000000000000000001", "items.123456789012345678901234567890123456789"])
    func literalsWithin38DigitsAndLongIndexesAreAccepted(source: String) throws {
        #expect(throws: Never.self) { try Expression.parse(source) }
    }
}
