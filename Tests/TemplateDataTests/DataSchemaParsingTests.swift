import Foundation
import Testing

@testable import TemplateData

@Suite("Schema parsing")
struct DataSchemaParsingTests {
    private func schemaErrors(_ text: String, formats: FormatChecker = .standard) -> [DataError] {
        do {
            _ = try DataSchema(text: text, path: "schema.json", formats: formats)
            return []
        } catch {
            return error.errors
        }
    }

    @Test(
        "mistakes in a schema are located and explained",
        arguments: [
            (#"{"requird": ["a"]}"#, "/requird", 1, 2, #"unknown keyword "requird""#, #"did you mean "required"?"#),
            (
                #"{"properties": {"a": {"tpye": "string"}}}"#, "/properties/a/tpye", 1, 23, #"unknown keyword "tpye""#,
                #"did you mean "type"?"#
            ),
            (#"{"Type": "string"}"#, "/Type", 1, 2, #"unknown keyword "Type""#, #"did you mean "type"?"#),
            (#"{"type": "strng"}"#, "/type", 1, 10, #"unknown type "strng""#, #"did you mean "string"?"#),
            (#"{"type": "int"}"#, "/type", 1, 10, #"unknown type "int""#, #"did you mean "integer"?"#),
            (
                #"{"type": "date"}"#, "/type", 1, 10, #"unknown type "date""#,
                #"write "type": "string", "format": "date""#
            ),
            (#"{"format": "dat"}"#, "/format", 1, 12, #"unknown format "dat""#, #"did you mean "date"?"#),
            (#"{"pattern": "[a-"}"#, "/pattern", 1, 13, "not a valid regular expression", nil),
            (#"{"minLength": -1}"#, "/minLength", 1, 15, "must be a whole number of zero or more", nil),
            (#"{"maxItems": 1.5}"#, "/maxItems", 1, 14, "must be a whole number of zero or more", nil),
            (#"{"minimum": "3"}"#, "/minimum", 1, 13, #""minimum" must be a number"#, nil),
            (
                #"{"exclusiveMinimum": true}"#, "/exclusiveMinimum", 1, 22, "is a number in JSON Schema 2020-12",
                #"write the bound itself, e.g. "exclusiveMinimum": 0"#
            ),
            (#"{"required": "a"}"#, "/required", 1, 14, "must be a list of property names", nil),
            (#"{"required": ["a", "a"]}"#, "/required/1", 1, 20, #""a" is listed twice"#, nil),
            (#"{"enum": []}"#, "/enum", 1, 10, "non-empty list", nil),
            (#"{"items": [{}]}"#, "/items", 1, 11, "tuple form", nil),
            (#"{"oneOf": [{}]}"#, "/oneOf", 1, 2, #"the keyword "oneOf" is not supported"#, nil),
            (##"{"$ref": "other.json#/x"}"##, "/$ref", 1, 10, "only references inside this schema", nil),
            (
                ##"{"$defs": {"agency": {}}, "$ref": "#/$defs/agncy"}"##, "/$ref", 1, 35, "points to no schema",
                ##"did you mean "#/$defs/agency"?"##
            ),
            (
                ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##,
                "/$defs/a/$ref", 1, 26, "leads back to itself", nil
            ),
            (#"{"properties": {"a": 3}}"#, "/properties/a", 1, 22, "a schema must be an object", nil),
            (
                #"{"required": ["nmae"], "properties": {"name": {}}, "additionalProperties": false}"#, "/required", 1,
                14, #""nmae" is required but not declared"#, #"did you mean "name"?"#
            ),
        ])
    func schemaMistakes(
        text: String, pointer: String, line: Int, column: Int, message: String, suggestion: String?
    ) throws {
        let errors = schemaErrors(text)
        let error = try #require(errors.first)
        #expect(error.code == .invalidSchema)
        #expect(error.pointer == pointer)
        #expect(error.location == SourceLocation(file: "schema.json", line: line, column: column))
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.suggestion == suggestion || (suggestion == nil && error.suggestion?.isEmpty == false))
    }

    @Test("all mistakes in a schema are reported together")
    func severalMistakes() {
        let errors = schemaErrors(#"{"type": "objct", "propertes": {}, "properties": {"a": {"maxLenght": 3}}}"#)
        #expect(errors.map(\.pointer) == ["/type", "/propertes", "/properties/a/maxLenght"])
    }

    @Test(
        "unknown keywords that are not near a known one are ignored",
        arguments: ["x-widget", "ui:order", "labelKey", "sensitive"])
    func unknownIgnored(keyword: String) {
        #expect(schemaErrors(#"{"\#(keyword)": 1, "type": "object"}"#).isEmpty)
    }

    @Test("a syntax error in the schema file is reported as such")
    func syntax() {
        let errors = schemaErrors(#"{"type": "object",}"#)
        #expect(errors.map(\.code) == [.syntax])
        #expect(errors.first?.location == SourceLocation(file: "schema.json", line: 1, column: 18))
    }
}
