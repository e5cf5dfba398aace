import Foundation
import Testing

@testable import TemplateData

/// One keyword, one value, and whether the value passes.
struct KeywordCase: Sendable, CustomTestStringConvertible {
    let schema: String
    let data: String
    let passes: Bool
    var code: DataError.Code? = nil
    var testDescription: String { "\(schema) ← \(data) \(passes ? "passes" : "fails")" }
}

@Suite("Schema keywords")
struct DataSchemaKeywordTests {
    static let cases: [KeywordCase] = [
        // type
        .init(schema: #"{"type": "string"}"#, data: #""x""#, passes: true),
        .init(schema: #"{"type": "string"}"#, data: "1", passes: false, code: .type),
        .init(schema: #"{"type": "integer"}"#, data: "3", passes: true),
        .init(schema: #"{"type": "integer"}"#, data: "3.0", passes: true),
        .init(schema: #"{"type": "integer"}"#, data: "3.5", passes: false, code: .type),
        .init(schema: #"{"type": "number"}"#, data: "3.5", passes: true),
        .init(schema: #"{"type": "boolean"}"#, data: "false", passes: true),
        .init(schema: #"{"type": "boolean"}"#, data: #""false""#, passes: false, code: .type),
        .init(schema: #"{"type": "null"}"#, data: "null", passes: true),
        .init(schema: #"{"type": "array"}"#, data: "[]", passes: true),
        .init(schema: #"{"type": "object"}"#, data: "[]", passes: false, code: .type),
        .init(schema: #"{"type": ["string", "null"]}"#, data: "null", passes: true),
        .init(schema: #"{"type": ["string", "null"]}"#, data: "0", passes: false, code: .type),
        // enum and const
        .init(schema: #"{"enum": ["low", "high", 3]}"#, data: #""high""#, passes: true),
        .init(schema: #"{"enum": ["low", "high", 3]}"#, data: "3.0", passes: true),
        .init(schema: #"{"enum": ["low", "high"]}"#, data: #""medium""#, passes: false, code: .notAllowed),
        .init(schema: #"{"const": {"a": [1]}}"#, data: #"{"a": [1.0]}"#, passes: true),
        .init(schema: #"{"const": "yes"}"#, data: #""no""#, passes: false, code: .notAllowed),
        // format
        .init(schema: #"{"format": "date"}"#, data: #""2028-02-29""#, passes: true),
        .init(schema: #"{"format": "date"}"#, data: #""2026-02-29""#, passes: false, code: .format),
        .init(schema: #"{"format": "date"}"#, data: #""2026-13-01""#, passes: false, code: .format),
        .init(schema: #"{"format": "date"}"#, data: #""2026-1-5""#, passes: false, code: .format),
        .init(schema: #"{"format": "date"}"#, data: "20261122", passes: true),  // format applies to strings only
        .init(schema: #"{"format": "date-time"}"#, data: #""2026-11-22T09:30:00+02:00""#, passes: true),
        .init(schema: #"{"format": "date-time"}"#, data: #""2026-11-22T09:30:00.125Z""#, passes: true),
        .init(schema: #"{"format": "date-time"}"#, data: #""2026-11-22 09:30""#, passes: false, code: .format),
        .init(schema: #"{"format": "date-time"}"#, data: #""2026-11-22T25:00:00Z""#, passes: false, code: .format),
        .init(schema: #"{"format": "email"}"#, data: #""ana.pop@dgaspc.ro""#, passes: true),
        .init(schema: #"{"format": "email"}"#, data: #""ana.pop at dgaspc.ro""#, passes: false, code: .format),
        .init(schema: #"{"format": "email"}"#, data: #""ana@localhost""#, passes: false, code: .format),
        // pattern (unanchored, as in JSON Schema)
        .init(schema: #"{"pattern": "^[A-Z]{2}-[0-9]{3}$"}"#, data: #""BG-014""#, passes: true),
        .init(schema: #"{"pattern": "^[A-Z]{2}-[0-9]{3}$"}"#, data: #""bg-014""#, passes: false, code: .pattern),
        .init(schema: #"{"pattern": "[0-9]"}"#, data: #""abc1""#, passes: true),
        // lengths in characters
        .init(schema: #"{"minLength": 2}"#, data: #""șț""#, passes: true),
        .init(schema: #"{"minLength": 2}"#, data: #""ș""#, passes: false, code: .length),
        .init(schema: #"{"maxLength": 5}"#, data: #""Мария""#, passes: true),
        .init(schema: #"{"maxLength": 5}"#, data: #""Марияна""#, passes: false, code: .length),
        .init(schema: #"{"maxLength": 1}"#, data: #""👩‍👧""#, passes: true),
        // numeric bounds, exact
        .init(schema: #"{"minimum": 0.3}"#, data: "0.3", passes: true),
        .init(schema: #"{"minimum": 0.3}"#, data: "0.29999999999999999999", passes: false, code: .range),
        .init(schema: #"{"maximum": 100}"#, data: "100", passes: true),
        .init(schema: #"{"maximum": 100}"#, data: "100.01", passes: false, code: .range),
        .init(schema: #"{"exclusiveMinimum": 0}"#, data: "0", passes: false, code: .range),
        .init(schema: #"{"exclusiveMinimum": 0}"#, data: "0.01", passes: true),
        .init(schema: #"{"exclusiveMaximum": 18}"#, data: "18", passes: false, code: .range),
        .init(schema: #"{"exclusiveMaximum": 18}"#, data: "17.99", passes: true),
        // arrays
        .init(schema: #"{"minItems": 1}"#, data: "[]", passes: false, code: .itemCount),
        .init(schema: #"{"maxItems": 2}"#, data: "[1, 2]", passes: true),
        .init(schema: #"{"maxItems": 2}"#, data: "[1, 2, 3]", passes: false, code: .itemCount),
        .init(schema: #"{"items": {"type": "integer"}}"#, data: "[1, 2]", passes: true),
        .init(schema: #"{"items": {"type": "integer"}}"#, data: "[1, \"2\"]", passes: false, code: .type),
        .init(schema: #"{"items": false}"#, data: "[1]", passes: false, code: .notAllowed),
        .init(schema: #"{"items": false}"#, data: "[]", passes: true),
        // objects
        .init(schema: #"{"required": ["a"]}"#, data: #"{"a": null}"#, passes: true),
        .init(schema: #"{"required": ["a"]}"#, data: "{}", passes: false, code: .required),
        .init(schema: #"{"properties": {"a": {"type": "string"}}}"#, data: #"{"a": 1}"#, passes: false, code: .type),
        .init(
            schema: #"{"properties": {"a": {}}, "additionalProperties": false}"#, data: #"{"b": 1}"#, passes: false,
            code: .unknownProperty),
        .init(schema: #"{"properties": {"a": {}}, "additionalProperties": true}"#, data: #"{"b": 1}"#, passes: true),
        .init(schema: #"{"additionalProperties": {"type": "number"}}"#, data: #"{"b": 1}"#, passes: true),
        .init(
            schema: #"{"additionalProperties": {"type": "number"}}"#, data: #"{"b": "x"}"#, passes: false, code: .type),
        // keywords for another type do not apply
        .init(schema: #"{"minLength": 3, "minimum": 5, "minItems": 2, "required": ["x"]}"#, data: "true", passes: true),
        // $defs and $ref
        .init(
            schema: ##"{"$defs": {"code": {"pattern": "^BG"}}, "properties": {"c": {"$ref": "#/$defs/code"}}}"##,
            data: ##"{"c": "BG-1"}"##, passes: true),
        .init(
            schema: ##"{"$defs": {"code": {"pattern": "^BG"}}, "properties": {"c": {"$ref": "#/$defs/code"}}}"##,
            data: ##"{"c": "RO-1"}"##, passes: false, code: .pattern),
        .init(
            schema:
                ##"{"$defs": {"n": {"type": "object", "properties": {"next": {"$ref": "#/$defs/n"}, "v": {"type": "integer"}}}}, "$ref": "#/$defs/n"}"##,
            data: ##"{"next": {"next": {"v": "x"}}}"##, passes: false, code: .type),
        .init(
            schema: ##"{"$defs": {"a~b": {"type": "string"}}, "$ref": "#/$defs/a~0b"}"##, data: ##""ok""##, passes: true
        ),
        // annotations change nothing
        .init(
            schema:
                #"{"title": "T", "description": "D", "default": 3, "examples": [1], "$comment": "c", "x-widget": "date"}"#,
            data: "4", passes: true),
        // boolean schemas
        .init(schema: "true", data: "[1]", passes: true),
        .init(schema: "false", data: "null", passes: false, code: .notAllowed),
    ]

    @Test("each keyword passes and fails as JSON Schema says", arguments: cases)
    func keyword(_ example: KeywordCase) throws {
        let schema = try DataSchema(text: example.schema, path: "schema.json")
        let document = try DataLoader().load(text: example.data, path: "data.json")
        let errors = schema.validate(document)
        if example.passes {
            #expect(errors.isEmpty, "\(errors)")
        } else {
            #expect(errors.count == 1, "\(errors)")
            #expect(errors.first?.code == example.code)
            #expect(errors.first?.location != nil)
        }
    }

    @Test("title, description and default are kept")
    func annotations() throws {
        let schema = try DataSchema(
            text:
                #"{"title": "Consent", "description": "Data for the consent form", "properties": {"n": {"default": 3}}}"#,
            path: "schema.json")
        #expect(schema.title == "Consent")
        #expect(schema.description == "Data for the consent form")
        #expect(schema.nodes["/properties/n"]?.defaultValue == 3)
    }

    @Test("a schema may be written in YAML")
    func yamlSchema() throws {
        let schema = try DataSchema(text: "type: object\nrequired: [code]\n", path: "schema.yaml")
        #expect(schema.validate(["code": "x"]).isEmpty)
        #expect(schema.validate(["other": "x"]).map(\.code) == [.required])
    }
}
