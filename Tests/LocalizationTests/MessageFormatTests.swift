import Foundation
import Localization
import Testing

/// What the vectors do not cover: nesting, long messages, quoting corners, errors.
@Suite struct MessageFormatTests {
    @Test func deepNesting() throws {
        // select → plural → select → plural, each level with its own '#'.
        let pattern = """
            {role, select, lead {{cases, plural, one {# case{team, select, big { with {people, plural, one {# person} other {# people}} (#)} other {}}} \
            other {# cases{team, select, big { with {people, plural, one {# person} other {# people}} (#)} other {}}}}} \
            other {none}}
            """
        let message = try MessageFormat(pattern)
        #expect(message.arguments.map(\.name) == ["role", "cases", "team", "people"])
        #expect(message.arguments.map(\.kind) == [.select, .plural, .select, .plural])
        let text = try message.format(["role": "lead", "cases": 3, "team": "big", "people": 1], locale: .en)
        // The '#' inside the select nested in a plural is literal text.
        #expect(text == "3 cases with 1 person (#)")
        #expect(try message.format(["role": "x"], locale: .en) == "none")
    }

    @Test func nestingFiftyLevelsDeep() throws {
        var pattern = "{n}"
        for level in 0..<50 { pattern = "{s\(level), select, a {\(pattern)} other {x}}" }
        var values: [String: MessageValue] = ["n": 7]
        for level in 0..<50 { values["s\(level)"] = "a" }
        #expect(try MessageFormat(pattern).format(values, locale: .it) == "7")
    }

    /// The parser and formatter recurse once per level: thousands of levels (from a template
    /// or a PO file) must be a located syntax error, not a stack overflow.
    @Test(arguments: [65, 100, 3_000, 50_000])
    func nestingBeyondTheLimitIsASyntaxError(levels: Int) throws {
        for kind in ["select", "plural", "selectordinal"] {
            let pattern = String(repeating: "{a, \(kind), other {", count: levels) + "x" + String(repeating: "}}", count: levels)
            let error = try #require(throws: MessageSyntaxError.self) { try MessageFormat(pattern) }
            #expect(error.message == "arguments are nested more than 64 levels deep", "\(kind)")
            #expect(error.offset == 65 * "{a, \(kind), other {".unicodeScalars.count - 1, "\(kind)")
        }
    }

    @Test func nestingAtTheLimitIsAccepted() throws {
        let pattern = String(repeating: "{a, select, other {", count: 64) + "x" + String(repeating: "}}", count: 64)
        #expect(try MessageFormat(pattern).format(["a": "b"], locale: .en) == "x")
    }

    @Test func longMessage() throws {
        let unit = "Paragraph with {name} and {n, plural, one {# child} other {# children}}. "
        let pattern = String(repeating: unit, count: 500)
        let message = try MessageFormat(pattern)
        #expect(message.arguments.count == 2)
        let text = try message.format(["name": "Ana", "n": 2], locale: .en)
        #expect(text == String(repeating: "Paragraph with Ana and 2 children. ", count: 500))
    }

    @Test(arguments: [
        ("Don't", "Don't"),
        ("It''s", "It's"),
        ("'{'literal'}'", "{literal}"),
        ("'{literal}'", "{literal}"),
        ("a '' b", "a ' b"),
        ("'{''}'", "{'}"),
        ("unterminated '{ to the end }", "unterminated { to the end }"),
        ("# is text", "# is text"),
        ("'#' stays quoted outside plural", "'#' stays quoted outside plural"),
        ("top-level } is literal", "top-level } is literal"),
        ("L'{x}'", "L{x}"),
    ])
    func apostrophes(pattern: String, expected: String) throws {
        #expect(try MessageFormat(pattern).format(["x": "x"], locale: .en) == expected)
    }

    @Test func apostrophesInsidePlural() throws {
        let message = try MessageFormat("{n, plural, other {'#' is # and it''s '{'n'}'}}")
        #expect(try message.format(["n": 5], locale: .en) == "# is 5 and it's {n}")
    }

    @Test func missingArgumentIsNamed() throws {
        let message = try MessageFormat("{name} has {count, plural, one {# case} other {# cases}}")
        let error = #expect(throws: MessageFormatError.self) {
            try message.format(["name": "Ana"], locale: .en)
        }
        #expect(error?.code == .missingArgument)
        #expect(error?.argument == "count")
        #expect(error?.description == "missing argument 'count'")
    }

    @Test func wrongTypeIsAnError() throws {
        let error = #expect(throws: MessageFormatError.self) {
            try MessageFormat("{n, number}").format(["n": "three"], locale: .en)
        }
        #expect(error?.code == .wrongArgumentType)
        #expect(throws: MessageFormatError.self) { try MessageFormat("{d, date, short}").format(["d": 3], locale: .en) }
        #expect(throws: MessageFormatError.self) { try MessageFormat("{a, number, currency}").format(["a": 3], locale: .en) }
    }

    @Test func plainArgumentsKeepTheirType() throws {
        let message = try MessageFormat("{x}")
        #expect(try message.format(["x": .number(Decimal(string: "1234.5678")!)], locale: .ro) == "1.234,568")
        #expect(try message.format(["x": .date(CalendarDate(iso: "2026-11-22")!)], locale: .it) == "22/11/26")
        #expect(try message.format(["x": .money(amount: 350, currency: "EUR")], locale: .bg) == "350,00\u{00A0}€")
        #expect(try message.format(["x": .dateTime(Date(timeIntervalSince1970: 1_795_357_800))], locale: .en) == "22/11/2026, 14:30")
    }

    @Test func pluralDetails() throws {
        let message = try MessageFormat("{n, plural, offset:2 =2 {exactly two} =1.5 {one and a half} one {# one} other {# other}}")
        #expect(try message.format(["n": 2], locale: .en) == "exactly two")
        #expect(try message.format(["n": .number(Decimal(string: "1.5")!)], locale: .en) == "one and a half")
        #expect(try message.format(["n": 3], locale: .en) == "1 one")
        #expect(try message.format(["n": 10], locale: .en) == "8 other")
        // Operands come from the number as formatted: 1.0004 shows as "1", so it is 'one'.
        let simple = try MessageFormat("{n, plural, one {# one} other {# other}}")
        #expect(try simple.format(["n": .number(Decimal(string: "1.0004")!)], locale: .en) == "1 one")
        #expect(try simple.format(["n": .money(amount: 1, currency: "EUR")], locale: .en) == "1 one")
    }

    @Test func selectordinalEnglish() throws {
        let message = try MessageFormat("{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}")
        let results = try [1, 2, 3, 4, 11, 12, 13, 21, 102, 111].map { try message.format(["n": .number(Decimal($0))], locale: .en) }
        #expect(results == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "111th"])
    }

    @Test func skeletons() throws {
        let amount: [String: MessageValue] = ["a": .number(Decimal(string: "1234.5")!)]
        #expect(try MessageFormat("{a, number, ::currency/EUR unit-width-iso-code}").format(amount, locale: .en) == "EUR\u{00A0}1,234.50")
        #expect(try MessageFormat("{a, number, ::.00 group-off}").format(amount, locale: .en) == "1234.50")
        #expect(try MessageFormat("{a, number, ::precision-integer sign-always}").format(amount, locale: .en) == "+1,234")
        #expect(try MessageFormat("{a, number, ::percent scale/100}").format(["a": .number(Decimal(string: "0.5")!)], locale: .ro) == "50\u{00A0}%")
        #expect(try MessageFormat("{a, number, ::@@}").format(amount, locale: .en) == "1,200")
        #expect(try MessageFormat("{a, number, ::.0# rounding-mode-half-up}").format(["a": .number(Decimal(string: "2.345")!)], locale: .en) == "2.35")
    }

    @Test func argumentsInOrderOfFirstAppearance() throws {
        let message = try MessageFormat("{b} {a, number} {b, select, x {} other {}} {c, date, short} {d, time, short} {e, selectordinal, other {#}}")
        #expect(message.arguments == [
            MessageArgument(name: "b", kind: .plain), MessageArgument(name: "a", kind: .number),
            MessageArgument(name: "c", kind: .date), MessageArgument(name: "d", kind: .time),
            MessageArgument(name: "e", kind: .selectordinal),
        ])
        #expect(message.pattern.hasPrefix("{b}"))
    }

    @Test(arguments: [
        ("{n, plural, ONE {a} other {b}}", 12, "unknown plural category 'ONE'"),
        ("{n, plural, one {a} one {b} other {c}}", 20, "duplicate selector 'one'"),
        ("{n, number, #,##0.00}", 12, "unsupported number style '#,##0.00'"),
        ("{d, date, ::yMMMMQQ}", 12, "unsupported date skeleton"),
        ("{n, choice, 0#none}", 4, "'choice'"),
        ("{n, number, ::compact-long}", 14, "not supported"),
        ("{n, plural, one {a} offset:1 other {b}}", 20, "offset: must come before"),
        ("line one\n{count, plural, one {#}", 32, "expected '}' to close the argument 'count'"),
    ])
    func syntaxErrors(pattern: String, offset: Int, message: String) {
        let error = #expect(throws: MessageSyntaxError.self) { try MessageFormat(pattern) }
        #expect(error?.offset == offset, "\(pattern): \(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(pattern): \(String(describing: error))")
    }

    @Test func errorDescriptionHasLineAndColumn() {
        let error = #expect(throws: MessageSyntaxError.self) {
            try MessageFormat("You have\n{count, plural, one {# case} other {# cases}")
        }
        #expect(error?.line == 2)
        #expect(error?.column == 45)
        #expect(error?.description == "2:45: expected '}' to close the argument 'count'")
    }

    @Test func argumentsFromTypedJSON() throws {
        let json = #"{"n": 3.14159, "big": 12345678901234567890, "s": "Ana", "d": {"date": "2026-11-22"}, "t": {"datetime": "2026-11-22T14:30:00Z"}, "m": {"amount": 1234.5, "currency": "MDL"}}"#
        let values = try MessageValue.arguments(fromJSON: Data(json.utf8))
        #expect(values["n"] == .number(Decimal(string: "3.14159")!))
        #expect(values["s"] == "Ana")
        #expect(values["d"] == .date(CalendarDate(iso: "2026-11-22")!))
        #expect(values["t"] == .dateTime(Date(timeIntervalSince1970: 1_795_357_800)))
        #expect(values["m"] == .money(amount: Decimal(string: "1234.5")!, currency: "MDL"))
        #expect(try MessageFormat("{m, number, currency}").format(values, locale: .roMD) == "1.234,50\u{00A0}L")
        #expect(throws: (any Error).self) { try MessageValue.arguments(fromJSON: Data(#"{"d": {"date": "2026-13-01"}}"#.utf8)) }
    }

    @Test func parsedMessagesAreSharedAcrossTasks() async throws {
        let message = try MessageFormat("{n, plural, one {# copil} few {# copii} other {# de copii}}")
        let results = await withTaskGroup(of: String.self) { group in
            for n in [1, 3, 20] {
                group.addTask { (try? message.format(["n": .number(Decimal(n))], locale: .ro)) ?? "error" }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(results == ["1 copil", "3 copii", "20 de copii"])
    }
}
