import Foundation
import Localization
import TestSupport
import Testing

@Suite("PO file errors")
struct POFileErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let code: CatalogError.Code
        let line: Int
        let column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unterminated string", text: "msgid \"abc\nmsgstr \"\"\n", code: .unterminatedString, line: 1, column: 7),
        Case(name: "backslash at end of line", text: "msgid \"\"\nmsgstr \"abc\\\n", code: .unterminatedString, line: 2, column: 8),
        Case(name: "unknown keyword", text: "msgid \"a\"\n  msgtsr \"b\"\n", code: .unknownKeyword, line: 2, column: 3),
        Case(name: "msgstr without msgid", text: "msgctxt \"a\"\nmsgstr \"b\"\n", code: .msgstrWithoutMsgid, line: 2, column: 1),
        Case(name: "msgstr at start", text: "\nmsgstr \"b\"\n", code: .msgstrWithoutMsgid, line: 2, column: 1),
        Case(name: "msgid without msgstr", text: "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n", code: .msgidWithoutMsgstr, line: 1, column: 1),
        Case(name: "msgid without msgstr at end", text: "msgid \"a\"\nmsgstr \"\"\n\nmsgctxt \"c\"\nmsgid \"b\"\n", code: .msgidWithoutMsgstr, line: 4, column: 1),
        Case(
            name: "duplicate entry", text: "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"x\"\n",
            code: .duplicateEntry, line: 5, column: 1),
        Case(name: "unknown escape", text: "msgid \"a\"\nmsgstr \"ă\\qb\"\n", code: .invalidEscape, line: 2, column: 10),
        Case(name: "octal escape over 255", text: "msgid \"\\400\"\nmsgstr \"\"\n", code: .invalidEscape, line: 1, column: 8),
        Case(name: "hex escape without digits", text: "msgid \"\\xg\"\nmsgstr \"\"\n", code: .invalidEscape, line: 1, column: 8),
        Case(name: "NUL escape", text: "msgid \"\\0\"\nmsgstr \"\"\n", code: .invalidEscape, line: 1, column: 8),
        Case(name: "escapes that are not UTF-8", text: "msgid \"x\"\nmsgstr \"\\xff\"\n", code: .invalidEscape, line: 2, column: 8),
        Case(
            name: "non-UTF-8 charset",
            text: "msgid \"\"\nmsgstr \"\"\n\"Language: bg\\n\"\n\"Content-Type: text/plain; charset=windows-1251\\n\"\n",
            code: .unsupportedCharset, line: 4, column: 36),
        Case(name: "text after string", text: "msgid \"a\" x\nmsgstr \"\"\n", code: .syntax, line: 1, column: 11),
        Case(name: "keyword without string", text: "msgid\nmsgstr \"\"\n", code: .syntax, line: 1, column: 6),
        Case(name: "string without keyword", text: "\"orphan\"\n", code: .syntax, line: 1, column: 1),
        Case(name: "plural form out of order", text: "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[1] \"\"\n", code: .syntax, line: 3, column: 1),
        Case(name: "msgstr[n] without msgid_plural", text: "msgid \"a\"\nmsgstr[0] \"\"\n", code: .syntax, line: 2, column: 1),
        Case(name: "second msgstr", text: "msgid \"a\"\nmsgstr \"\"\nmsgstr \"\"\n", code: .syntax, line: 3, column: 1),
        Case(name: "obsolete mixed with active", text: "#~ msgid \"a\"\nmsgstr \"\"\n", code: .syntax, line: 2, column: 1),
        Case(name: "obsolete previous on active entry", text: "#~| msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n", code: .syntax, line: 2, column: 1),
        Case(name: "second previous msgid", text: "#| msgid \"a\"\n#| msgid \"b\"\nmsgid \"c\"\nmsgstr \"\"\n", code: .syntax, line: 2, column: 4),
    ]

    @Test(arguments: cases)
    func errorIsReportedAtItsLineAndColumn(_ example: Case) {
        #expect {
            _ = try POFile.parse(example.text, path: "locales/bg/common.po")
        } throws: { error in
            guard let error = error as? CatalogError else { return false }
            return error.code == example.code && error.line == example.line && error.column == example.column
                && error.file == "locales/bg/common.po" && !error.message.isEmpty
        }
    }

    @Test func unknownKeywordSuggestsTheClosestOne() throws {
        let error = try #require(throws: CatalogError.self) { try POFile.parse("msgid \"a\"\nmsgtsr \"b\"\n", path: "t.po") }
        #expect(error.suggestion == "did you mean 'msgstr'?")
        #expect(error.description == "t.po:2:1: error: unknown keyword 'msgtsr'\n  suggestion: did you mean 'msgstr'?")
    }

    @Test func duplicateNamesTheFirstDefinition() throws {
        let text = "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"x\"\n"
        let error = try #require(throws: CatalogError.self) { try POFile.parse(text, path: "t.po") }
        #expect(error.message.contains("'a'"))
        #expect(error.message.contains("line 1"))
    }

    @Test func templatesWithTheCharsetPlaceholderAreAccepted() throws {
        let text = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=CHARSET\\n\"\n"
        #expect(try POFile.parse(text, path: "t.pot").header?.charset == "CHARSET")
    }

    @Test func recoveringParserReportsEveryErrorAndKeepsTheGoodEntries() {
        let text = """
            msgctxt "a"
            msgid "A"
            msgstr "ok"

            msgctxt "b"
            msgid "B
            msgstr "broken"

            msgctxt "c"
            msgid "C"
            msgstr "ok \\z"

            msgctxt "d"
            msgid "D"
            msgstr "ok"

            msgctxt "a"
            msgid "A"
            msgstr "again"

            """
        let (file, errors) = POFile.parseRecovering(text, path: "t.po")
        #expect(errors.map(\.code) == [.unterminatedString, .invalidEscape, .duplicateEntry])
        #expect(errors.map(\.line) == [6, 11, 17])
        #expect(file.entries.map(\.context) == ["a", "d"])
        #expect(file.entries.first?.translation == "ok")
    }

    @Test func bytesThatAreNotUTF8AreReportedWhereTheyAre() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bg.po")
        // "Имe" in windows-1251 on line 2.
        try Data(Array("msgid \"Name\"\n".utf8) + [0x6D, 0x73, 0x67, 0x73, 0x74, 0x72, 0x20, 0x22, 0xC8, 0xEC, 0x65, 0x22, 0x0A]).write(to: url)
        let error = try #require(throws: CatalogError.self) { try POFile.read(contentsOf: url, path: "bg.po") }
        #expect(error.code == .unsupportedCharset)
        #expect(error.location == "bg.po:2:9")
    }

    @Test func fileIsReadSkippingAByteOrderMarkAndWrittenAtomically() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("ro.po")
        try Data([0xEF, 0xBB, 0xBF] + Array(POFixtures.canonical.utf8)).write(to: url)
        let file = try POFile.read(contentsOf: url)
        #expect(file.path == url.path)
        try file.write(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == POFixtures.canonical)
        #expect(throws: CatalogError.self) { try POFile.read(contentsOf: directory.appendingPathComponent("missing.po")) }
    }
}
