import ArgumentParser
import Foundation
import Localization

/// `formwright message`: format one ICU MessageFormat message, or run a file of
/// conformance vectors, to try translations and check the engine from the shell.
struct MessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "Format an ICU MessageFormat message, or run a file of message test vectors.",
        discussion: unwrapped("""
            Arguments are JSON with typed values: a number (3, 1234.5), a string ("Ana"), \
            a date ({"date": "2026-11-22"}), a date-time in UTC ({"datetime": "2026-11-22T14:30:00"}) \
            or money ({"amount": 350, "currency": "EUR"}).

            Examples:
              formwright message --locale ro --args '{"count": 20}' \\
                '{count, plural, one {# copil} few {# copii} other {# de copii}}'
              → 20 de copii

              formwright message --locale bg --args '{"d": {"date": "2026-11-22"}}' '{d, date, long}'
              → 22 ноември 2026 г.

              formwright message --locale ro --args '{"t": {"amount": 21.5, "currency": "RON"}}' '{t, spellout, currency}'
              → douăzeci și unu de lei și cincizeci de bani

              formwright message --cases ../shared/conformance/messageformat.json
              → 120 passed, 0 failed

            Exit status: 0 on success, 1 for an invalid message or arguments \
            or when a vector file has failures (see the README, "Exit status").
            """))

    @Option(help: "The locale: bg, ro, ro-MD, it or en.")
    var locale: String = "en"

    @Option(help: "The message arguments as a JSON object (typed values, see above).")
    var args: String = "{}"

    @Option(help: "Run a vector file ({\"cases\": [{id, locale, message, args, expected}]}) instead of one message.")
    var cases: String?

    @Argument(help: "The message pattern.")
    var pattern: String?

    func validate() throws {
        if cases == nil && pattern == nil {
            throw ValidationError("give a message pattern, or --cases FILE.json")
        }
        if cases != nil && pattern != nil {
            throw ValidationError("give either a message pattern or --cases, not both")
        }
    }

    func run() throws {
        if let cases {
            try runCases(path: cases)
        } else if let pattern {
            try formatOne(pattern)
        }
    }

    private func formatOne(_ pattern: String) throws {
        guard let localeID = LocaleID(locale) else {
            printError("error: unsupported locale '\(locale)' (use \(LocaleID.supported.map(\.identifier).joined(separator: ", ")))")
            throw ExitCode(1)
        }
        let values: [String: MessageValue]
        do {
            values = try MessageValue.arguments(fromJSON: Data(args.utf8))
        } catch {
            printError("error: --args is not a valid JSON object of typed values: \(describe(error))")
            throw ExitCode(1)
        }
        let message: MessageFormat
        do {
            message = try MessageFormat(pattern)
        } catch {
            printError(Self.located(error, in: pattern))
            throw ExitCode(1)
        }
        do {
            print(try message.format(values, locale: localeID))
        } catch {
            var text = "error: \(error.message)"
            if let suggestion = error.suggestion { text += "\n  hint: \(suggestion)" }
            printError(text)
            throw ExitCode(1)
        }
    }

    private func runCases(path: String) throws {
        let vectors: [MessageConformanceCase]
        do {
            vectors = try MessageConformanceCase.load(from: URL(fileURLWithPath: path))
        } catch {
            printError("error: cannot read the vector file \(path): \(describe(error))")
            throw ExitCode(1)
        }
        var passed = 0, failed = 0
        for vector in vectors {
            let outcome = vector.run()
            if outcome.passed {
                passed += 1
            } else {
                failed += 1
                print("FAIL \(vector.id) [\(vector.locale)]")
                print("  message:  \(vector.message)")
                print("  expected: \(Self.visible(vector.expected))")
                print("  actual:   \(Self.visible(outcome.actual))")
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    /// The error with the message line and a caret under the position.
    static func located(_ error: MessageSyntaxError, in pattern: String) -> String {
        let lines = pattern.split(separator: "\n", omittingEmptySubsequences: false)
        let line = error.line - 1 < lines.count ? String(lines[error.line - 1]) : ""
        let caret = String(repeating: " ", count: max(0, error.column - 1)) + "^"
        var text = "error: \(error.description)\n  \(line)\n  \(caret)"
        if let suggestion = error.suggestion { text += "\n  hint: \(suggestion)" }
        return text
    }

    /// Makes no-break spaces visible in failure reports.
    private static func visible(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: "\\u00a0").replacingOccurrences(of: "\u{202F}", with: "\\u202f")
    }

    private func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        let context: DecodingError.Context
        switch decoding {
        case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c): context = c
        @unknown default: return String(describing: error)
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? context.debugDescription : "'" + path + "': " + context.debugDescription
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
