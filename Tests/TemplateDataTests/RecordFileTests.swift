import Foundation
import Testing
import TemplateData

/// NDJSON and CSV record files: splitting, typing by schema, and locations of every record.
@Suite struct RecordFileTests {
    static let schema = try! DataSchema(
        text: """
            {"type": "object", "required": ["case"],
             "properties": {
               "case": {"type": "object", "required": ["code"],
                        "properties": {"code": {"type": "string", "pattern": "^BG-"}, "opened": {"type": "string", "format": "date"}}},
               "child": {"type": "object", "properties": {"age": {"type": "integer"}, "name": {"type": "string"}}},
               "amount": {"type": "number"},
               "consent": {"type": "boolean"},
               "note": {"type": ["string", "number"]}
             }}
            """, path: "schema.json")

    func records(_ text: String, _ path: String) throws -> [DataRecord] {
        try RecordFile(bytes: Array(text.utf8), path: path).records
    }

    @Test func recordFormatFromTheFileName() {
        #expect(RecordFormat(path: "a/b.NDJSON") == .ndjson)
        #expect(RecordFormat(path: "x.jsonl") == .ndjson)
        #expect(RecordFormat(path: "cases.csv") == .csv)
        #expect(RecordFormat(path: "case.json") == nil)
        #expect(RecordFormat(path: "dir.csv/file") == nil)
    }

    // MARK: NDJSON

    @Test func ndjsonHasOneRecordPerNonBlankLineWithItsLine() throws {
        let records = try records("{\"case\": {\"code\": \"BG-1\"}}\r\n\n   \n{\"case\": {\"code\": \"BG-2\"}}\n", "r.ndjson")
        #expect(records.map(\.line) == [1, 4])
        #expect(records.map(\.number) == [1, 2])
        #expect(records[1].location.description == "r.ndjson:4:1")
        let document = try records[1].load()
        #expect(document.value[path: ["case", "code"]] == .string("BG-2"))
    }

    @Test func ndjsonSyntaxErrorIsLocatedOnItsLineAndSparesTheOthers() throws {
        let records = try records("{\"case\": {\"code\": \"BG-1\"}}\n{\"case\": {\"code\": \"BG-2\",}}\n{\"case\": {\"code\": \"BG-3\"}}", "r.ndjson")
        #expect(records.count == 3)
        #expect(throws: Never.self) { try records[0].load() }
        #expect(throws: Never.self) { try records[2].load() }
        do {
            _ = try records[1].load()
            Issue.record("a trailing comma was accepted")
        } catch {
            #expect(error.location?.line == 2)
            #expect(error.description.hasPrefix("r.ndjson:2:"), "\(error)")
        }
    }

    @Test func ndjsonValidationErrorsPointIntoTheRightLine() throws {
        let records = try records("{\"case\": {\"code\": \"BG-1\"}}\n\n{\"case\": {\"code\": \"RO-9\"}}\n", "r.ndjson")
        let errors = Self.schema.validate(try records[1].load(schema: Self.schema))
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("r.ndjson:3:19: error: /case/code") == true, "\(errors)")
    }

    @Test func ndjsonInvalidUTF8FailsOnlyItsRecord() throws {
        var bytes = Array("{\"case\": {\"code\": \"BG-1\"}}\n{\"case\": {\"code\": \"BG-".utf8)
        bytes += [0xC3, 0x28] + Array("\"}}\n{\"case\": {\"code\": \"BG-3\"}}\n".utf8)
        let records = try RecordFile(bytes: bytes, path: "r.ndjson").records
        #expect(records.count == 3)
        #expect(throws: Never.self) { try records[2].load() }
        let error = try #require(throws: DataError.self) { try records[1].load() }
        #expect(error.code == .invalidEncoding)
        #expect(error.location?.line == 2)
    }

    @Test func ndjsonRecordOverTheSizeLimitIsRefused() throws {
        let records = try records("{\"case\": {\"code\": \"BG-1\"}}\n", "r.ndjson")
        let error = try #require(throws: DataError.self) { try records[0].load(limits: DataLimits(maximumFileSize: 10)) }
        #expect(error.code == .limitExceeded)
        #expect(error.suggestion?.contains("maximumFileSize") == true)
    }

    // MARK: CSV

    @Test func csvDottedHeadersMakeNestedObjectsInHeaderOrder() throws {
        let records = try records("case.code,child.name,case.opened\nBG-1,Ana,2026-01-05\n", "c.csv")
        let value = try records[0].load().value
        #expect(value == ["case": ["code": "BG-1", "opened": "2026-01-05"], "child": ["name": "Ana"]])
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["case", "child"])
    }

    @Test func csvQuotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "case.code,child.name\r\n\"BG-1\",\"Ionescu, Maria \"\"Mia\"\"\"\r\nBG-2,\"two\nlines\"\nBG-3,Ion\n"
        let records = try records(text, "c.csv")
        #expect(records.count == 3)
        #expect(try records[0].load().value[path: ["child", "name"]] == .string("Ionescu, Maria \"Mia\""))
        #expect(try records[1].load().value[path: ["child", "name"]] == .string("two\nlines"))
        #expect(records.map(\.line) == [2, 3, 5])
    }

    @Test func csvCellsAreTypedWhereTheSchemaSaysSo() throws {
        let text = "case.code,child.age,amount,consent,note,child.name\nBG-1,9,12.50,TRUE,7,007\n"
        let value = try records(text, "c.csv")[0].load(schema: Self.schema).value
        #expect(value[path: ["child", "age"]] == .number(9))
        #expect(value[path: ["amount"]] == .number(Decimal(string: "12.50")!))
        #expect(value[path: ["consent"]] == .bool(true))
        #expect(value[path: ["note"]] == .string("7"), "a string-or-number column stays text")
        #expect(value[path: ["child", "name"]] == .string("007"))
        #expect(try records(text, "c.csv")[0].load().value[path: ["child", "age"]] == .string("9"), "without a schema every cell is text")
    }

    @Test func csvCellThatIsNotTheDeclaredTypeIsReportedAtTheCell() throws {
        let records = try records("case.code,amount\nBG-1,10\nBG-2,\"12,5\"\n", "c.csv")
        let errors = Self.schema.validate(try records[1].load(schema: Self.schema))
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("c.csv:3:6: error: /amount: expected a number") == true, "\(errors)")
    }

    @Test func csvEmptyCellLeavesTheFieldOutSoRequiredFieldsAreReported() throws {
        let records = try records("case.code,child.name\n,Ana\n", "c.csv")
        let document = try records[0].load(schema: Self.schema)
        #expect(document.value[path: ["case"]] == nil)
        let errors = Self.schema.validate(document)
        #expect(errors.first?.description.hasPrefix("c.csv:2:1: error:") == true, "\(errors)")
        #expect(errors.first?.description.contains("\"case\"") == true, "\(errors)")
    }

    @Test func csvRowWithTheWrongNumberOfFieldsFailsAloneAndIsLocated() throws {
        let records = try records("case.code,child.name\nBG-1,Ana\nBG-2,Ionescu, Maria\nBG-3,Ion\n", "c.csv")
        #expect(records.count == 3)
        #expect(throws: Never.self) { try records[2].load() }
        let error = try #require(throws: DataError.self) { try records[1].load() }
        #expect(error.description.hasPrefix("c.csv:3:1: error: this row has 3 fields; the header has 2"), "\(error)")
        #expect(error.suggestion != nil)
    }

    @Test func csvStrayQuoteIsARecordError() throws {
        let records = try records("case.code,child.name\nBG-1,say \"hi\"\nBG-2,x\n", "c.csv")
        #expect(records.count == 2)
        let error = try #require(throws: DataError.self) { try records[0].load() }
        #expect(error.location == SourceLocation(file: "c.csv", line: 2, column: 10))
        #expect(throws: Never.self) { try records[1].load() }
    }

    @Test(arguments: [
        ("case.code,child.name\nBG-1,\"Ana\n", "c.csv:2:6: error: this quoted field is never closed"),
        ("case.code,case.code\nBG-1,BG-2\n", "c.csv:1:11: error: the column \"case.code\" appears twice"),
        ("case,case.code\nx,y\n", "c.csv:1:1: error: the column \"case\" clashes with \"case.code\""),
        ("case.code,\nBG-1,x\n", "c.csv:1:11: error: a column has no name"),
        ("case..code\nx\n", "c.csv:1:1: error: the column name \"case..code\" has an empty part"),
        ("", "c.csv:1:1: error: the file is empty"),
    ])
    func csvProblemsThatSpoilTheFileAreThrownAtOnce(text: String, expected: String) throws {
        let error = try #require(throws: DataError.self) { try RecordFile(bytes: Array(text.utf8), path: "c.csv") }
        #expect(error.description.hasPrefix(expected), "\(error)")
    }

    @Test func csvWithInvalidUTF8IsRefusedWithItsPlace() throws {
        let bytes = Array("case.code\nBG-".utf8) + [0xFF] + Array("\n".utf8)
        let error = try #require(throws: DataError.self) { try RecordFile(bytes: bytes, path: "c.csv") }
        #expect(error.code == .invalidEncoding)
        #expect(error.location == SourceLocation(file: "c.csv", line: 2, column: 4))
    }

    @Test func csvByteOrderMarkAndMissingFinalNewlineAreFine() throws {
        let records = try RecordFile(bytes: [0xEF, 0xBB, 0xBF] + Array("case.code\nBG-1\nBG-2".utf8), path: "c.csv").records
        #expect(records.count == 2)
        #expect(try records[1].load().value == ["case": ["code": "BG-2"]])
    }
}
