import Foundation
import Testing

@testable import TemplateData

private func loadJSON(_ text: String, limits: DataLimits = DataLimits()) throws -> DataDocument {
    try DataLoader(limits: limits).load(text: text, path: "example.json")
}

private func jsonError(_ text: String, limits: DataLimits = DataLimits()) -> DataError? {
    do {
        _ = try DataLoader(limits: limits).load(text: text, path: "example.json")
        return nil
    } catch {
        return error
    }
}

@Suite("JSON parser")
struct JSONParserTests {
    @Test(
        "strings decode every escape",
        arguments: [
            (#""plain""#, "plain"),
            (#""q\"b\\s\/""#, "q\"b\\s/"),
            (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
            (#""\u0041\u00e9\u0416""#, "AéЖ"),
            (#""\uD83D\uDE00""#, "😀"),
            (#""\ud834\udd1e clef""#, "𝄞 clef"),
            (#""ș ț ă â î — Жълт""#, "ș ț ă â î — Жълт"),
            (#""\u0000""#, "\u{0}"),
            (#""""#, ""),
        ])
    func stringEscapes(json: String, expected: String) throws {
        #expect(try loadJSON(json).value == .string(expected))
    }

    @Test(
        "numbers keep their exact decimal value",
        arguments: [
            ("0", "0"), ("-0", "0"), ("-0.0", "0"), ("12.50", "12.5"), ("1e2", "100"), ("1E+2", "100"),
            ("2.5e-3", "0.0025"), ("-17", "-17"), ("0.1", "0.1"),
            ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
            ("1e127", "1e127"), ("1e-128", "1e-128"), ("0e999", "0"),
            ("100000000000000000000000000000000000000000000", "1e44"),
            // Above 1e127 the exponent goes into the mantissa's spare digits, up to below 1e165.
            ("1e128", "10e127"), ("-1e164", "-1" + String(repeating: "0", count: 37) + "e127"), ("99999999999999999999999999999999999999e127", "99999999999999999999999999999999999999e127"),
        ])
    func exactNumbers(json: String, expected: String) throws {
        let value = try loadJSON(json).value
        #expect(value == .number(Decimal(string: expected)!))
    }

    @Test("0.1 + 0.2 is exactly 0.3, because numbers never pass through Double")
    func decimalSum() throws {
        let doc = try loadJSON(#"{"a": 0.1, "b": 0.2}"#)
        guard case .number(let a) = doc.value["a"], case .number(let b) = doc.value["b"] else {
            Issue.record("numbers expected")
            return
        }
        #expect(a + b == Decimal(string: "0.3")!)
        #expect("\(a + b)" == "0.3")
    }

    @Test(
        "numbers Decimal cannot hold exactly are rejected, not rounded",
        arguments: ["1e400", "-1e400", "1e-400", "123456789012345678901234567890123456789", "1e99999999999999999999",
                    "1e165", "1e-129", "12e164"])
    func inexactNumbers(json: String) throws {
        let error = try #require(jsonError("[\(json)]"))
        #expect(error.code == .numberOutOfRange)
        if json.count < 20 { #expect(error.message.contains("from 1e-128 to below 1e165"), "\(error.message)") }
        #expect(error.location == SourceLocation(file: "example.json", line: 1, column: 2))
        #expect(error.suggestion?.contains("quotes") == true)
    }

    @Test("objects keep member order and nest")
    func objectOrder() throws {
        let doc = try loadJSON(#"{"z": 1, "a": [true, false, null], "m": {"k": "v"}}"#)
        guard case .object(let object) = doc.value else {
            Issue.record("object expected")
            return
        }
        #expect(object.keys == ["z", "a", "m"])
        #expect(doc.value["a"] == [true, false, .null])
        #expect(doc.value[pointer: ["m", "k"]] == "v")
    }

    @Test(
        "syntax errors are located and say what was expected",
        arguments: [
            ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after object member"),
            ("{\n  \"a\": 1,\n}", 2, 9, "trailing comma before '}'"),
            ("[1, 2,]", 1, 6, "trailing comma before ']'"),
            ("[1 2]", 1, 4, "expected ',' or ']' after array element"),
            ("{\"a\" 1}", 1, 6, "expected ':' after object key"),
            ("{a: 1}", 1, 2, "expected a key in double quotes"),
            ("{'a': 1}", 1, 2, "expected a key in double quotes, found a single quote"),
            ("[01]", 1, 2, "numbers must not have leading zeros"),
            ("[1.]", 1, 4, "expected a digit after the decimal point"),
            ("[.5]", 1, 2, "expected a value"),
            ("[+1]", 1, 2, "expected a value"),
            ("[1e]", 1, 4, "expected a digit in the exponent"),
            ("[-]", 1, 3, "expected a digit after '-'"),
            ("[True]", 1, 2, "expected a value"),
            ("[NaN]", 1, 2, "expected a value"),
            ("// c\n{}", 1, 1, "comments are not allowed in JSON"),
            ("\"abc", 1, 1, "string is not closed"),
            ("\"a\nb\"", 1, 3, "line break inside a string"),
            ("\"a\tb\"", 1, 3, "control character U+0009 must be escaped"),
            ("\"\\x\"", 1, 2, "invalid escape sequence '\\x'"),
            ("\"\\u12G4\"", 1, 2, "expected four hexadecimal digits"),
            ("\"\\uD800\"", 1, 2, "unpaired surrogate \\uD800"),
            ("\"\\uD800\\u0041\"", 1, 8, "unpaired surrogate \\uD800: expected a low surrogate"),
            ("\"\\uDC00\"", 1, 2, "unpaired surrogate \\uDC00"),
            ("{} {}", 1, 4, "after the end of the JSON value"),
            ("", 1, 1, "the file is empty"),
            ("  \n ", 2, 2, "the file is empty"),
            ("[1,\n  2,\n  3", 3, 4, "unexpected end of file; expected ',' or ']'"),
        ])
    func syntaxErrors(json: String, line: Int, column: Int, message: String) throws {
        let error = try #require(jsonError(json))
        #expect(error.code == .syntax)
        #expect(error.location == SourceLocation(file: "example.json", line: line, column: column))
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.description.hasPrefix("example.json:\(line):\(column): error: "))
    }

    @Test("a missing comma between lines is hinted at")
    func missingCommaHint() throws {
        let error = try #require(jsonError("{\n  \"a\": 1\n  \"b\": 2\n}"))
        #expect(
            error.description == """
                example.json:3:3: error: expected ',' or '}' after object member
                  hint: a comma may be missing at the end of the previous line
                """)
    }

    @Test("duplicate keys are an error at the second key, naming the first")
    func duplicateKeys() throws {
        let error = try #require(jsonError("{\n  \"name\": \"a\",\n  \"name\": \"b\"\n}"))
        #expect(error.code == .duplicateKey)
        #expect(error.pointer == "/name")
        #expect(error.location == SourceLocation(file: "example.json", line: 3, column: 3))
        #expect(error.message == "duplicate key \"name\" (first at line 2, column 3)")
    }

    @Test("columns count characters, not bytes")
    func unicodeColumns() throws {
        let error = try #require(jsonError("{\"име\": \"Мария\" ,, }"))
        #expect(error.location?.column == 18)
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() throws {
        let doc = try DataLoader().load(UTF8Check.byteOrderMark + Array(#"{"a": 1}"#.utf8), path: "bom.json")
        #expect(doc.value["a"] == 1)
        #expect(doc.location(of: ["a"]) == SourceLocation(file: "bom.json", line: 1, column: 7))
    }

    @Test("CRLF line endings count as one line break")
    func crlf() throws {
        let doc = try loadJSON("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}")
        #expect(doc.location(of: ["b"]) == SourceLocation(file: "example.json", line: 3, column: 8))
    }
}
