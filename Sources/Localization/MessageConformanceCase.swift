public import Foundation

/// One formatting vector in the format of `../shared/conformance/messageformat.json`:
/// a message, its arguments, a locale and the exact expected output.
///
/// ```swift
/// let cases = try MessageConformanceCase.load(from: url)
/// let failures = cases.filter { !$0.run().passed }
/// ```
public struct MessageConformanceCase: Sendable, Decodable, Hashable {
    /// Unique name of the case (`ro-plural-05`).
    public let id: String
    /// BCP 47 tag: `bg`, `ro`, `ro-MD`, `it`, `en`.
    public let locale: String
    /// What the case exercises (`plural`, `skeleton-currency`, …), for information.
    public let feature: String?
    /// The MessageFormat pattern.
    public let message: String
    /// Typed argument values.
    public let args: [String: MessageValue]
    /// The exact output, compared code point by code point.
    public let expected: String

    /// The outcome of running a case.
    public struct Outcome: Sendable, Hashable {
        /// True when the output equals `expected` exactly.
        public let passed: Bool
        /// The formatted text, or the error that prevented it.
        public let actual: String
    }

    /// Parses and formats the message and compares code point by code point.
    ///
    /// Vector files use ICU's locale ids: their `en` is ICU's root English, American, so `en`
    /// cases run with that data, while documents in `en` are British English (CLDR en-GB).
    public func run() -> Outcome {
        guard let localeID = LocaleID(locale) else {
            return Outcome(passed: false, actual: "error: unsupported locale '\(locale)'")
        }
        do {
            let resources = localeID == .en ? LocaleResources.americanEnglish : LocaleResources.of(localeID)
            let formatted = try MessageFormat(message).format(args, resources: resources)
            return Outcome(passed: Array(formatted.unicodeScalars) == Array(expected.unicodeScalars), actual: formatted)
        } catch let error as MessageSyntaxError {
            return Outcome(passed: false, actual: "syntax error \(error)")
        } catch {
            return Outcome(passed: false, actual: "error: \(error)")
        }
    }

    /// The cases of a vector file (`{"cases": [...]}`).
    public static func load(from url: URL) throws -> [MessageConformanceCase] {
        struct File: Decodable { let cases: [MessageConformanceCase] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }
}
