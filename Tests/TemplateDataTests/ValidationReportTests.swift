import Foundation
import Testing

@testable import TemplateData

@Suite("Validation reports")
struct ValidationReportTests {
    static let schemaText = ##"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Referral to a mobile team",
          "type": "object",
          "required": ["case_code", "child", "urgency", "agencies"],
          "additionalProperties": false,
          "properties": {
            "case_code": {"type": "string", "pattern": "^[A-Z]{2}-[A-Z]{2}-[0-9]{4}-[0-9]{3}$",
                          "description": "case code such as BG-VT-2026-014"},
            "child": {
              "type": "object",
              "required": ["birth_date", "age"],
              "additionalProperties": false,
              "properties": {
                "birth_date": {"type": "string", "format": "date"},
                "age": {"type": "integer", "minimum": 0, "maximum": 17},
                "postcode": {"type": "string"},
                "gender": {"enum": ["female", "male", "other"]}
              }
            },
            "urgency": {"enum": ["routine", "urgent", "emergency"]},
            "agencies": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/agency"}},
            "notes": {"type": "string", "maxLength": 20}
          },
          "$defs": {
            "agency": {
              "type": "object",
              "required": ["name", "email"],
              "properties": {"name": {"type": "string", "minLength": 1}, "email": {"type": "string", "format": "email"}}
            }
          }
        }
        """##

    static let dataText = """
        case_code: bg-vt-2026-14
        child:
          birth_date: 22.11.2026
          age: 19
          postcode: 03000
          Gender: female
        urgency: Urgent
        agencies:
          - name: DSP Vratsa
            email: dsp.vratsa at example.org
          - nme: Police
            email: police@example.org
        notes: This note is far too long for the field
        extra: 1
        """

    func report() throws -> [DataError] {
        let schema = try DataSchema(text: Self.schemaText, path: "schema.json")
        let document = try DataLoader().load(text: Self.dataText, path: "data.yaml")
        return schema.validate(document)
    }

    @Test("every problem is reported at once, in document order, with location and hint")
    func fullReport() throws {
        let lines = try report().map(\.description)
        #expect(
            lines == [
                """
                data.yaml:1:12: error: /case_code: expected text matching the pattern ^[A-Z]{2}-[A-Z]{2}-[0-9]{4}-[0-9]{3}$, found "bg-vt-2026-14"
                  hint: case code such as BG-VT-2026-014
                """,
                """
                data.yaml:3:15: error: /child/birth_date: expected a date (YYYY-MM-DD), found "22.11.2026"
                  hint: did you mean "2026-11-22"?
                """,
                "data.yaml:4:8: error: /child/age: expected a number of at most 17, found 19",
                """
                data.yaml:5:13: error: /child/postcode: expected a string, found number 3000
                  hint: write it in quotes to keep it as text: "03000"
                """,
                """
                data.yaml:6:3: error: /child/Gender: unknown property "Gender"
                  hint: did you mean "gender"?
                """,
                """
                data.yaml:7:10: error: /urgency: expected one of "routine", "urgent", "emergency", found "Urgent"
                  hint: did you mean "urgent"?
                """,
                "data.yaml:10:12: error: /agencies/0/email: expected an email address, found \"dsp.vratsa at example.org\"",
                """
                data.yaml:11:5: error: /agencies/1/nme: required property "name" is missing; found "nme" instead
                  hint: did you mean "name"?
                """,
                "data.yaml:13:8: error: /notes: expected at most 20 characters, found 39",
                """
                data.yaml:14:1: error: /extra: unknown property "extra"
                  hint: allowed here: "case_code", "child", "urgency", "agencies", "notes"
                """,
            ])
    }

    @Test("errors carry pointer, expected and suggestion as fields")
    func fields() throws {
        let errors = try report()
        let date = try #require(errors.first { $0.pointer == "/child/birth_date" })
        #expect(date.code == .format)
        #expect(date.expected == "a date (YYYY-MM-DD)")
        #expect(date.suggestion == "did you mean \"2026-11-22\"?")
        #expect(date.location == SourceLocation(file: "data.yaml", line: 3, column: 15))
        #expect(date.message == "expected a date (YYYY-MM-DD), found \"22.11.2026\"")
        #expect(
            errors.map(\.pointer)
                == errors.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }.map(\.pointer))
    }

    @Test("a missing required property is located at its parent object")
    func missingRequired() throws {
        let schema = try DataSchema(text: Self.schemaText, path: "schema.json")
        let document = try DataLoader().load(
            text: #"{"case_code": "BG-VT-2026-014", "urgency": "urgent", "agencies": [], "child": {"age": 3}}"#,
            path: "data.json")
        let lines = schema.validate(document).map(\.description)
        #expect(
            lines == [
                "data.json:1:66: error: /agencies: expected at least 1 item, found 0",
                """
                data.json:1:79: error: /child: missing required property "birth_date"
                  hint: add "birth_date"
                """,
            ])
    }

    @Test("a misspelt required key is reported once, at the key")
    func misspeltRequiredOnce() throws {
        let schema = try DataSchema(
            text: #"{"required": ["birth_date"], "properties": {"birth_date": {}}, "additionalProperties": false}"#,
            path: "schema.json")
        let errors = schema.validate(try DataLoader().load(text: "birth_dat: 2026-11-22\n", path: "data.yaml"))
        #expect(errors.count == 1)
        #expect(errors.first?.code == .unknownProperty)
        #expect(
            errors.first?.description == """
                data.yaml:1:1: error: /birth_dat: unknown property "birth_dat"
                  hint: did you mean "birth_date"?
                """)
    }

    @Test(
        "did-you-mean matches case, separators and small typos",
        arguments: [
            ("birthDate", "birth_date"), ("Birth-Date", "birth_date"), ("brith_date", "birth_date"),
            ("birth_dates", "birth_date"), ("AGE", "age"), ("gendr", "gender"),
        ])
    func suggestions(typed: String, intended: String) throws {
        let schema = try DataSchema(
            text: #"{"properties": {"birth_date": {}, "age": {}, "gender": {}}, "additionalProperties": false}"#,
            path: "schema.json")
        let errors = schema.validate(.object([typed: 1]))
        #expect(errors.first?.suggestion == "did you mean \"\(intended)\"?")
    }

    @Test("unrelated keys get no did-you-mean", arguments: ["nationality", "x", "ageing_factor"])
    func noFalseSuggestions(typed: String) throws {
        let schema = try DataSchema(
            text: #"{"properties": {"birth_date": {}, "age": {}}, "additionalProperties": false}"#, path: "schema.json")
        let errors = schema.validate(.object([typed: 1]))
        #expect(errors.first?.suggestion == "allowed here: \"birth_date\", \"age\"")
    }

    @Test("numbers written as text get a hint")
    func numberAsText() throws {
        let schema = try DataSchema(text: #"{"properties": {"amount": {"type": "number"}}}"#, path: "schema.json")
        let errors = schema.validate(try DataLoader().load(text: #"{"amount": "12.50"}"#, path: "data.json"))
        #expect(errors.first?.suggestion == "write the number without quotes: 12.5")
    }

    @Test("yes/no where a boolean is expected gets a hint", arguments: ["yes", "No", "да"])
    func yesNo(text: String) throws {
        let schema = try DataSchema(text: #"{"properties": {"consent": {"type": "boolean"}}}"#, path: "schema.json")
        let errors = schema.validate(try DataLoader().load(text: "consent: \(text)\n", path: "data.yaml"))
        #expect(errors.map(\.message) == ["expected true or false, found \"\(text)\""])
        #expect(errors.first?.suggestion == "write true or false (without quotes)")
    }

    @Test("documents built in code get pointers without locations")
    func inMemory() throws {
        let schema = try DataSchema(text: #"{"items": {"type": "string"}}"#, path: "schema.json")
        let errors = schema.validate(["a", 2, "c", true])
        #expect(errors.map(\.pointer) == ["/1", "/3"])
        #expect(errors.allSatisfy { $0.location == nil })
        #expect(errors.first?.description == "<data>: error: /1: expected a string, found number 2")
    }

    @Test("DataErrorList prints one error per line")
    func errorList() throws {
        let list = DataErrorList(try report().prefix(2).map { $0 })
        #expect(list.description.split(separator: "\n").count == 4)
    }
}
