import Foundation
import Localization
import TestSupport
import Testing

/// Every vector of `../shared/conformance/messageformat.json` and `invalid-messages.json`.
@Suite struct MessageFormatConformanceTests {
    static let conformance = TestSupport.sharedDirectory.appendingPathComponent("conformance")

    static let cases: [MessageConformanceCase] = {
        (try? MessageConformanceCase.load(from: conformance.appendingPathComponent("messageformat.json"))) ?? []
    }()

    struct InvalidMessage: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let locale: String
        let message: String
        let error: String
        let error_span: [Int]
        var testDescription: String { id }
    }

    static let invalidMessages: [InvalidMessage] = {
        struct File: Decodable { let messages: [InvalidMessage] }
        guard let data = try? Data(contentsOf: conformance.appendingPathComponent("invalid-messages.json")) else { return [] }
        return (try? JSONDecoder().decode(File.self, from: data).messages) ?? []
    }()

    @Test func vectorFilesAreComplete() {
        #expect(Self.cases.count == 120)
        #expect(Self.invalidMessages.count == 20)
    }

    /// The `en` cases whose expected text is American English (ICU's root `en`): Formwright's
    /// `en` is British English (CLDR en-GB), so these expect what ICU's `en_GB` prints.
    static let britishEnglish: [String: String] = [
        "en-date-time-03": "The case review meeting is on 5 March 2026 at 09:05.",
        "en-date-time-04": "Hearing date: Sunday, 22 November 2026",
    ]

    @Test(arguments: cases.map(\.id))
    func formatsLikeICU(id: String) throws {
        let vector = try #require(Self.cases.first { $0.id == id })
        let locale = try #require(LocaleID(vector.locale))
        let message = try MessageFormat(vector.message)
        let actual = try message.format(vector.args, locale: locale)
        let expected = Self.britishEnglish[id] ?? vector.expected
        #expect(Array(actual.unicodeScalars) == Array(expected.unicodeScalars), "\(id): \(actual.debugDescription) != \(expected.debugDescription)")
    }

    @Test(arguments: invalidMessages)
    func rejectsWithLocation(invalid: InvalidMessage) {
        do {
            let parsed = try MessageFormat(invalid.message)
            Issue.record("\(invalid.id) was accepted: \(parsed.arguments)")
        } catch {
            #expect(error.offset >= invalid.error_span[0] && error.offset <= invalid.error_span[1],
                    "\(invalid.id): reported \(error.offset) (\(error)), expected within \(invalid.error_span)")
            #expect(!error.message.isEmpty)
            #expect(error.line == 1 && error.column == error.offset + 1)
        }
    }
}
