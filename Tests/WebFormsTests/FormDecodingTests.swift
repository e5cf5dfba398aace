import Foundation
import TemplateData
import Testing
import WebForms

@Suite struct FormDecodingTests {
    /// The data as the form can carry it: keys in schema order, members the schema does not
    /// declare dropped, empty strings, lists and objects left out, every checkbox present
    /// (unchecked is false), rows that are wholly blank dropped.
    static func representable(_ value: Value?, _ schema: SchemaOutline, inList: Bool = false) -> Value? {
        let type = schema.types.first { $0 != "null" } ?? (schema.enumValues != nil ? "string" : schema.properties.isEmpty ? (schema.items != nil ? "array" : "string") : "object")
        switch type {
        case "object":
            var object = OrderedObject()
            for property in schema.properties {
                if let member = representable(value?[property.name], property.schema) { object[property.name] = member }
            }
            if object.isEmpty || (inList && blank(.object(object))) { return nil }
            return .object(object)
        case "array":
            guard case .array(let rows) = value else { return nil }
            let kept = rows.prefix(schema.maxItems ?? .max).compactMap { representable($0, schema.items!, inList: true) }
            return kept.isEmpty ? nil : .array(kept)
        case "boolean" where schema.enumValues == nil:
            return value ?? .bool(false)
        default:
            if value == .string("") || value == .null { return nil }
            return value
        }
    }

    static func blank(_ value: Value) -> Bool {
        switch value {
        case .bool(false): true
        case .object(let o): o.allSatisfy { blank($0.value) }
        default: false
        }
    }

    struct Example: Sendable, CustomTestStringConvertible {
        let template: String
        let file: String
        var testDescription: String { "\(template)/\(file)" }
        static let all: [Example] = Fixtures.templateIDs.flatMap { id in
            ((try? Fixtures.examples(id)) ?? []).map { Example(template: id, file: $0.name) }
        }
    }

    @Test(arguments: Example.all)
    func exampleDataRoundTripsThroughThePage(_ example: Example) throws {
        let schema = try Fixtures.schema(example.template)
        let original = try #require(try Fixtures.examples(example.template).first { $0.name == example.file }?.value)
        let page = try Fixtures.parse(WebForm.page(Fixtures.request(example.template, schema: schema, locale: .ro, values: original)))
        let body = Browser.encode(Browser.fields(of: page, button: ("_format", "docx")))
        let submission = try WebForm.submission(urlEncoded: body, schema: schema)
        #expect(submission.format == "docx")
        #expect(submission.csrfToken == "token-123")
        let expected = try #require(Self.representable(original, schema.outline))
        #expect(submission.data == expected)
        // What comes back is still valid data, unless the checkboxes the example left out were required to be absent.
        #expect(schema.validate(submission.data).map(\.description) == schema.validate(expected).map(\.description))
    }

    @Test func theExamplesAreMostlyRepresentableAsTheyAre() throws {
        // Guards the round trip against a normalisation that throws the data away.
        let schema = try Fixtures.schema("consent-data-sharing")
        let original = try Fixtures.examples("consent-data-sharing")[0].value
        let expected = Self.representable(original, schema.outline)
        #expect(expected?[path: ["child", "age"]] == .number(10))
        #expect(expected?[path: ["guardians", "1", "name"]] == original[path: ["guardians", "1", "name"]])
    }

    static let schema = try! DataSchema(
        text: #"""
        {"type": "object", "properties": {
          "age": {"type": "integer"}, "amount": {"type": "number"}, "ok": {"type": "boolean"},
          "kind": {"type": "string", "enum": ["a", "b"]}, "level": {"type": "integer", "enum": [1, 2]},
          "date": {"type": "string", "format": "date"},
          "rows": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "flag": {"type": "boolean"}}}},
          "tags": {"type": "array", "items": {"type": "string"}},
          "sub": {"type": "object", "properties": {"x": {"type": "string"}}}
        }}
        """#, path: "schema.json")

    static func decode(_ body: String) throws(FormDecodingErrors) -> Value {
        try WebForm.decode(urlEncoded: Array(body.utf8), schema: schema)
    }

    @Test func valuesTakeTheSchemasTypes() throws {
        let value = try Self.decode(
            "%2Fage=+42+&%2Famount=12%2C50&%2Fok=false&%2Fok=true&%2Fkind=b&%2Flevel=2&%2Fdate=2026-11-22"
                + "&%2Frows%2F1%2Fname=second&%2Frows%2F0%2Fname=first&%2Frows%2F2%2Fname=&%2Frows%2F2%2Fflag=false"
                + "&%2Ftags%2F10=z&%2Ftags%2F2=a&%2Fsub%2Fx=&_csrf=t&_format=pdf")
        let expected: Value = [
            "age": 42, "amount": .number(Decimal(string: "12.5")!), "ok": true, "kind": "b", "level": 2, "date": "2026-11-22",
            "rows": [["name": "first"], ["name": "second"]], "tags": ["a", "z"],
        ]
        #expect(value == expected)
    }

    @Test func anEmptyFormIsAnEmptyObject() throws {
        #expect(try Self.decode("") == .object(OrderedObject()))
        #expect(try Self.decode("%2Fsub%2Fx=&%2Frows%2F0%2Fflag=false") == .object(OrderedObject()))
    }

    @Test func theNoScriptAddRowButtonIsReported() throws {
        let submission = try WebForm.submission(urlEncoded: Array("_action=add%3A%2Frows&%2Frows%2F0%2Fname=a".utf8), schema: Self.schema)
        #expect(submission.addRowTo == JSONPointer("/rows"))
        #expect(submission.data == ["rows": [["name": "a"]]])
    }

    @Test(arguments: [
        ("%2Fage=12.5", FormDecodingError.Code.notAWholeNumber, "/age"),
        ("%2Famount=twelve", .notANumber, "/amount"),
        ("%2Fok=maybe", .notABoolean, "/ok"),
        ("%2Fkind=c", .notAChoice, "/kind"),
        ("%2Flevel=3", .notAChoice, "/level"),
        ("%2Fnope=1", .unknownField, "/nope"),
        ("%2Frows%2Fx%2Fname=1", .unknownField, "/rows/x"),
        ("%2Frows%2F5000%2Fname=1", .tooManyRows, "/rows/5000"),
        ("%2Fage%2Fx=1", .unknownField, "/age/x"),
    ])
    func mistakesAreLocated(_ body: String, _ code: FormDecodingError.Code, _ pointer: String) {
        #expect {
            _ = try Self.decode(body)
        } throws: { error in
            guard let list = error as? FormDecodingErrors, let first = list.errors.first else { return false }
            return list.errors.count == 1 && first.code == code && first.pointer == JSONPointer(pointer)
                && first.description.hasPrefix("field \(pointer): error: ")
        }
    }

    @Test func everyMistakeIsReportedAtOnceAndNoPartialDataComesBack() throws {
        do {
            _ = try Self.decode("%2Fage=x&%2Famount=y&%2Fok=true&bad%ZZ=1&name=1")
            Issue.record("decoded a broken form")
        } catch {
            #expect(error.errors.count == 4)
            #expect(Set(error.errors.map(\.code)) == [.notANumber, .malformedBody, .unknownField])
            #expect(error.errors.contains { $0.code == .malformedBody && $0.pointer == nil && $0.suggestion != nil })
        }
    }

    @Test func textareaLineBreaksComeBackAsLineFeeds() throws {
        #expect(try Self.decode("%2Ftags%2F0=a%0D%0Ab") == ["tags": ["a\nb"]])
    }
}
