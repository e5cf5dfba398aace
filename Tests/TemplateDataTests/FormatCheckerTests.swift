import Foundation
import Testing

@testable import TemplateData

@Suite("Format registry")
struct FormatCheckerTests {
    @Test("formats can be registered, and sensitive values are not repeated in messages")
    func registerFormat() throws {
        var formats = FormatChecker.standard
        formats.register("egn", expected: "a Bulgarian personal number (EGN)", isSensitive: true) { text in
            text.count == 10 && text.allSatisfy(\.isNumber)
                ? (text.hasSuffix("5") ? nil : "the check digit does not match") : ""
        }
        #expect(formats.names == ["cnp", "codice-fiscale", "date", "date-time", "egn", "email", "idnp"])
        let schema = try DataSchema(text: #"{"items": {"format": "egn"}}"#, path: "schema.json", formats: formats)
        let errors = schema.validate(
            try DataLoader().load(text: #"["7501020015", "7501020018", "12"]"#, path: "ids.json"))
        #expect(
            errors.map(\.description) == [
                "ids.json:1:16: error: /1: expected a Bulgarian personal number (EGN): the check digit does not match",
                "ids.json:1:30: error: /2: expected a Bulgarian personal number (EGN)",
            ])
        #expect(!errors.map(\.description).joined().contains("7501020018"))
    }

    @Test("a schema cannot use a format that is not registered")
    func unregistered() {
        #expect(throws: DataErrorList.self) {
            try DataSchema(text: #"{"format": "bg-lnch"}"#, path: "schema.json")
        }
    }

    @Test(
        "day-first dates get an ISO suggestion when they are real days",
        arguments: [
            ("22.11.2026", "2026-11-22"), ("22.11.2026 г.", "2026-11-22"), ("1/2/2026", "2026-02-01"),
            ("2026/11/22", "2026-11-22"),
            ("30.02.2026", nil), ("11-22-26", nil), ("tomorrow", nil), ("2026-11-22", nil),
        ])
    func dateSuggestions(text: String, suggestion: String?) throws {
        let format = try #require(FormatChecker.standard["date"])
        #expect(format.suggest?(text) == suggestion)
    }

    @Test(
        "date checks know the calendar",
        arguments: [
            ("2024-02-29", true), ("2100-02-29", false), ("2000-02-29", true), ("2026-04-31", false),
            ("2026-00-10", false),
            ("0000-01-01", false), ("2026-11-22 ", false), ("２０２６-11-22", false),
        ])
    func dates(text: String, valid: Bool) throws {
        let format = try #require(FormatChecker.standard["date"])
        #expect((format.check(text) == nil) == valid)
    }
}
