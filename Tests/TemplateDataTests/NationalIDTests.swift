import Foundation
import Localization
import Testing

@testable import TemplateData

/// The synthetic examples of `../shared/domain/ids.md` (generated with `idcheck.py`, taken from
/// nobody), judged on a fixed day so that the future-date cases stay stable.
@Suite("National identifiers")
struct NationalIDTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    struct Example: Sendable, CustomTestStringConvertible {
        let kind: NationalIdentifier
        let value: String
        /// nil when valid, else the reason code of `idcheck.py`.
        let reason: NationalIdentifierProblem.Reason?
        var testDescription: String { "\(kind.rawValue) \(value) → \(reason?.rawValue ?? "ok")" }
    }

    static let examples: [Example] = [
        // EGN
        .init(kind: .egn, value: "1445171233", reason: nil),
        .init(kind: .egn, value: "1951020466", reason: nil),
        .init(kind: .egn, value: "8702280180", reason: nil),
        .init(kind: .egn, value: "9932319019", reason: nil),
        .init(kind: .egn, value: "0042295553", reason: nil),
        .init(kind: .egn, value: "1445171234", reason: .checksum),
        .init(kind: .egn, value: "144517123", reason: .length),
        .init(kind: .egn, value: "1413171230", reason: .date),
        .init(kind: .egn, value: "0142293334", reason: .date),
        .init(kind: .egn, value: "9941011234", reason: .futureDate),
        // CNP
        .init(kind: .cnp, value: "6140517123454", reason: nil),
        .init(kind: .cnp, value: "5191102401237", reason: nil),
        .init(kind: .cnp, value: "1870228350019", reason: nil),
        .init(kind: .cnp, value: "6000229700171", reason: nil),
        .init(kind: .cnp, value: "8120315460026", reason: nil),
        .init(kind: .cnp, value: "6140517123455", reason: .checksum),
        .init(kind: .cnp, value: "614051712345", reason: .length),
        .init(kind: .cnp, value: "2000229400013", reason: .date),
        .init(kind: .cnp, value: "6140517493459", reason: .county),
        .init(kind: .cnp, value: "6140517120002", reason: .sequence),
        // IDNP
        .init(kind: .idnp, value: "2014001004525", reason: nil),
        .init(kind: .idnp, value: "2005023123455", reason: nil),
        .init(kind: .idnp, value: "0997011000771", reason: nil),
        .init(kind: .idnp, value: "2020100000010", reason: nil),
        .init(kind: .idnp, value: "2025050543213", reason: nil),
        .init(kind: .idnp, value: "2014001004526", reason: .checksum),
        .init(kind: .idnp, value: "201400100452", reason: .length),
        .init(kind: .idnp, value: "1003600123459", reason: .isIDNO),
        .init(kind: .idnp, value: "2199001000017", reason: .assignYear),
        .init(kind: .idnp, value: "3014001004522", reason: .prefix),
        // Codice fiscale
        .init(kind: .codiceFiscale, value: "PRVGLI14E57B519P", reason: nil),
        .init(kind: .codiceFiscale, value: "SMPLCU19S02E335M", reason: nil),
        .init(kind: .codiceFiscale, value: "SMPLCU19S02E33RH", reason: nil),
        .init(kind: .codiceFiscale, value: "TSTNNA87B68H501U", reason: nil),
        .init(kind: .codiceFiscale, value: "DMENIO16M49Z129P", reason: nil),
        .init(kind: .codiceFiscale, value: "PRVGLI14E57B519Q", reason: .checksum),
        .init(kind: .codiceFiscale, value: "PRVGLI14E57B519", reason: .length),
        .init(kind: .codiceFiscale, value: "PRVGLI14F57B519P", reason: .month),
        .init(kind: .codiceFiscale, value: "PRVGLI14B70B519S", reason: .date),
        .init(kind: .codiceFiscale, value: "PR1GLI14E57B519P", reason: .format),
    ]

    @Test("the ids.md examples get idcheck.py's verdict and reason", arguments: examples)
    func example(_ example: Example) {
        let problem = example.kind.problem(in: example.value, today: Self.today)
        #expect(problem?.reason == example.reason)
    }

    @Test("messages never contain the value or a long part of it", arguments: examples.filter { $0.reason != nil })
    func messagesDoNotLeak(_ example: Example) throws {
        let problem = try #require(example.kind.problem(in: example.value, today: Self.today))
        for start in 0...(example.value.count - 4) {
            let part = String(example.value.dropFirst(start).prefix(4))
            #expect(!problem.message.contains(part), "'\(problem.message)' repeats '\(part)'")
        }
    }

    @Test(
        "other malformed values",
        arguments: [
            (NationalIdentifier.egn, "14451712٣3", NationalIdentifierProblem.Reason.format),
            (.egn, "1445 71233", .format),
            (.egn, "144517123 ", .format),
            (.cnp, "0140517123454", .sexCentury),
            (.cnp, "61405171234X4", .format),
            (.cnp, "9990230123458", .date),
            (.idnp, "0814001004525", .assignYear),
            (.codiceFiscale, "PRVGLI14E57B5X9P", .format),
            (.codiceFiscale, "PRVGLI14E57B519", .length),
            (.codiceFiscale, "PRVGLI1AE57B519P", .format),
        ])
    func malformed(kind: NationalIdentifier, value: String, reason: NationalIdentifierProblem.Reason) {
        #expect(kind.problem(in: value, today: Self.today)?.reason == reason)
    }

    @Test("the codice fiscale is accepted in lower case, omocodes included")
    func codiceFiscaleCase() {
        #expect(NationalIdentifier.codiceFiscale.problem(in: "prvgli14e57b519p", today: Self.today) == nil)
        #expect(NationalIdentifier.codiceFiscale.problem(in: "smplcu19s02e33rh", today: Self.today) == nil)
    }

    @Test("a birth date after today is refused, today itself is not")
    func futureDates() {
        // 22.11.2026 (month 11+40) and 23.11.2026; check digits computed with idcheck.py.
        let day = CalendarDate(year: 2026, month: 11, day: 22)!
        #expect(NationalIdentifier.egn.problem(in: "2651220001", today: day) == nil)
        #expect(NationalIdentifier.egn.problem(in: "2651230000", today: day)?.reason == .futureDate)
    }

    @Test("check digits agree with the worked examples of ids.md")
    func workedExamples() {
        #expect(NationalIdentifier.egnCheckDigit([1, 4, 4, 5, 1, 7, 1, 2, 3]) == 3)
        #expect(NationalIdentifier.cnpCheckDigit([6, 1, 4, 0, 5, 1, 7, 1, 2, 3, 4, 5]) == 4)
        #expect(NationalIdentifier.idnpCheckDigit([2, 0, 1, 4, 0, 0, 1, 0, 0, 4, 5, 2]) == 5)
        #expect(NationalIdentifier.cfCheckLetter(Array("PRVGLI14E57B519".utf8)[...]) == UInt8(ascii: "P"))
    }

    @Test("the standard formats check national identifiers and never repeat them")
    func schemaValidation() throws {
        let schema = try DataSchema(
            text: #"""
                {"type": "object", "properties": {
                  "egn": {"format": "egn"}, "cnp": {"format": "cnp"},
                  "idnp": {"format": "idnp"}, "cf": {"format": "codice-fiscale"}}}
                """#, path: "schema.json")
        let good = try DataLoader().load(
            text: #"{"egn": "1445171233", "cnp": "6140517123454", "idnp": "2014001004525", "cf": "PRVGLI14E57B519P"}"#,
            path: "good.json")
        #expect(schema.validate(good).isEmpty)
        let bad = try DataLoader().load(
            text: #"{"egn": "1445171234", "cnp": "6140517123455", "idnp": "2014001004526", "cf": "PRVGLI14E57B519Q"}"#,
            path: "bad.json")
        let errors = schema.validate(bad).map(\.description)
        #expect(
            errors == [
                "bad.json:1:9: error: /egn: expected a Bulgarian personal number (ЕГН, 10 digits): the check digit (the last one) does not match the others: a digit may be mistyped",
                "bad.json:1:30: error: /cnp: expected a Romanian personal numeric code (CNP, 13 digits): the check digit (the last one) does not match the others: a digit may be mistyped",
                "bad.json:1:55: error: /idnp: expected a Moldovan personal identification number (IDNP, 13 digits): the check digit (the last one) does not match the others: a digit may be mistyped",
                "bad.json:1:78: error: /cf: expected an Italian codice fiscale (16 letters and digits): the check letter (the last character) does not match the others: a character may be mistyped",
            ])
        for value in ["1445171234", "6140517123455", "2014001004526", "PRVGLI14E57B519Q"] {
            #expect(!errors.joined().contains(value))
        }
    }
}
