import Foundation
import Testing

@testable import TemplateData

private func loadYAML(_ text: String, limits: DataLimits = DataLimits()) throws -> DataDocument {
    try DataLoader(limits: limits).load(text: text, path: "data.yaml")
}

private func yamlError(_ text: String, limits: DataLimits = DataLimits()) -> DataError? {
    do {
        _ = try DataLoader(limits: limits).load(text: text, path: "data.yaml")
        return nil
    } catch {
        return error
    }
}

@Suite("YAML loading")
struct YAMLLoadingTests {
    @Test(
        "plain scalars resolve by the YAML 1.2 core schema",
        arguments: [
            ("null", Value.null), ("~", .null), ("", .null), ("NULL", .null),
            ("true", .bool(true)), ("False", .bool(false)),
            ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")),
            ("42", .number(42)), ("-7", .number(-7)), ("+3", .number(3)), ("007", .number(7)),
            ("0o17", .number(15)), ("0x1F", .number(31)),
            ("12.50", .number(Decimal(string: "12.5")!)), (".5", .number(Decimal(string: "0.5")!)),
            ("5.", .number(5)), ("1e3", .number(1000)), ("-2.5E-2", .number(Decimal(string: "-0.025")!)),
            ("2026-11-22", .string("2026-11-22")), ("2026-11-22T10:00:00Z", .string("2026-11-22T10:00:00Z")),
            ("12:30", .string("12:30")), ("1_000", .string("1_000")), (".inf", .string(".inf")),
            (".nan", .string(".nan")),
            ("0x", .string("0x")), ("-x", .string("-x")), ("1.2.3", .string("1.2.3")),
            ("BG-VT-2026-014", .string("BG-VT-2026-014")),
            ("Мария Иванова", .string("Мария Иванова")),
        ])
    func coreSchema(scalar: String, expected: Value) throws {
        #expect(try loadYAML("v: \(scalar)\n").value["v"] == expected)
    }

    @Test(
        "quoted, block and !!str scalars stay strings",
        arguments: [
            ("'42'", "42"), ("\"true\"", "true"), ("\"null\"", "null"), ("!!str 12", "12"),
            ("'2026-11-22'", "2026-11-22"),
            ("|\n  line one\n  line two\n", "line one\nline two\n"), (">-\n  folded\n  text\n", "folded text"),
            ("\"\\u0218\\u021B\"", "Șț"),
        ])
    func strings(scalar: String, expected: String) throws {
        #expect(try loadYAML("v: \(scalar)\n").value["v"] == .string(expected))
    }

    @Test("explicit core tags are honoured")
    func tags() throws {
        let doc = try loadYAML("a: !!int '12'\nb: !!float '1.5'\nc: !!bool 'true'\nd: !!null ''\n")
        #expect(doc.value == ["a": 12, "b": .number(Decimal(string: "1.5")!), "c": true, "d": .null])
        let bad = try #require(yamlError("a: !!int twelve\n"))
        #expect(bad.location == SourceLocation(file: "data.yaml", line: 1, column: 4))
        let custom = try #require(yamlError("a: !secret x\n"))
        #expect(custom.message == "unsupported tag !secret")
    }

    @Test("numbers are exact and out-of-range ones are refused with a quoting hint")
    func yamlNumbers() throws {
        let doc = try loadYAML("a: 0.1\nb: 0.2\n")
        guard case .number(let a) = doc.value["a"], case .number(let b) = doc.value["b"] else {
            Issue.record("numbers expected")
            return
        }
        #expect(a + b == Decimal(string: "0.3")!)
        let error = try #require(yamlError("iban: 123456789012345678901234567890123456789012\n"))
        #expect(error.code == .numberOutOfRange)
        #expect(error.location == SourceLocation(file: "data.yaml", line: 1, column: 7))
        #expect(
            error.suggestion
                == "if it is a code or an identifier, write it in quotes: \"123456789012345678901234567890123456789012\""
        )
    }

    @Test("anchors, aliases and merge keys expand; explicit keys win")
    func aliasesAndMerges() throws {
        let text = """
            defaults: &defaults
              country: BG
              currency: EUR
            office: &office
              city: Vratsa
            case:
              <<: [*defaults, *office]
              currency: BGN
              code: BG-014
            copy: *office
            """
        let doc = try loadYAML(text)
        guard case .object(let merged) = doc.value["case"] else {
            Issue.record("object expected")
            return
        }
        #expect(merged.keys == ["country", "city", "currency", "code"])
        #expect(merged["currency"] == "BGN")
        #expect(doc.value["copy"] == ["city": "Vratsa"])
        // The explicit key keeps its own position; merged values point at where they were written.
        #expect(doc.location(of: ["case", "currency"]) == SourceLocation(file: "data.yaml", line: 8, column: 13))
        #expect(doc.location(of: ["case", "country"]) == SourceLocation(file: "data.yaml", line: 2, column: 12))
    }

    @Test("alias bombs hit the value limit instead of exhausting memory")
    func billionLaughs() throws {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        // 10^10 values once expanded; a small limit keeps the test fast, the mechanism is the same.
        let error = try #require(
            yamlError(lines.joined(separator: "\n") + "\n", limits: DataLimits(maximumValueCount: 20_000)))
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("more than 20000 values (aliases count each time they are used)"))
        #expect(error.location != nil)
    }

    @Test("merge bombs hit the value limit too")
    func mergeBomb() throws {
        var lines = ["m0: &m0 {a: 1, b: 2}"]
        for level in 1...30 {
            lines.append("m\(level): &m\(level) {<<: [*m\(level - 1), *m\(level - 1)], k\(level): 1}")
        }
        var limits = DataLimits()
        limits.maximumValueCount = 50_000
        let error = try #require(yamlError(lines.joined(separator: "\n") + "\n", limits: limits))
        #expect(error.code == .limitExceeded)
    }

    @Test(
        "syntax errors are located",
        arguments: [
            ("a: 1\n b: 2\n", 2, 3),
            ("a: [1, 2\nb: 3\n", 2, 2),
            ("a:\n\t- 1\n", 2, 1),
            ("a: *nowhere\n", 1, 4),
            ("a: 'open\n", 2, 1),
        ])
    func syntaxErrors(text: String, line: Int, column: Int) throws {
        let error = try #require(yamlError(text))
        #expect(error.code == .syntax)
        #expect(error.location?.line == line)
        #expect(error.location?.column == column)
        #expect(error.description.hasPrefix("data.yaml:\(line):\(column): error: "))
    }

    @Test("duplicate keys are an error")
    func duplicateKeys() throws {
        let error = try #require(yamlError("name: a\nage: 3\nname: b\n"))
        #expect(error.code == .duplicateKey)
        #expect(error.message.contains("\"name\""))
        #expect(error.location?.line == 1 || error.location?.line == 3)
    }

    @Test("more than one document is refused")
    func twoDocuments() throws {
        let error = try #require(yamlError("a: 1\n---\nb: 2\n"))
        #expect(error.location?.line == 2)
        #expect(error.suggestion?.contains("one document") == true)
    }

    @Test("an empty file is an error")
    func emptyFile() throws {
        let error = try #require(yamlError("# only a comment\n"))
        #expect(error.message.contains("empty"))
    }

    @Test("complex keys are refused")
    func complexKeys() throws {
        let error = try #require(yamlError("? [a, b]\n: 1\n"))
        #expect(error.message.contains("mapping keys must be plain text"))
    }
}
