import ArgumentParser
import Foundation
import Formwright
import Localization
import Synchronization

/// `--diagnostics text|json`, shared by the commands that report problems.
struct DiagnosticOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json
    }

    @Option(help: ArgumentHelp(
        "How problems and warnings are printed on standard error: text, or json (one JSON object per line, for editors and CI).",
        valueName: "text|json"))
    var diagnostics: Format = .text

    mutating func validate() throws {
        Diagnostics.format.withLock { $0 = diagnostics }
    }
}

/// The one place the CLI prints diagnostics: the library names its ``Limits`` settings, the
/// CLI names the flag that raises each.
enum Diagnostics {
    static let format = Mutex<DiagnosticOptions.Format>(.text)

    /// The flag that sets each limit.
    static let flags: [Limits.Setting: String] = [
        .maxDataSize: "--max-data-size", .maxDepth: "--max-depth", .maxDataValues: "--max-data-values",
        .maxTemplateSize: "--max-template-size", .maxLoopIterations: "--max-loop-iterations", .maxOutputSize: "--max-output-size",
        .maxImageSize: "--max-image-size", .maxImages: "--max-images",
    ]

    /// `raise Limits.maxDataSize to 123` → `raise it with --max-data-size 123`, and the
    /// setting's name elsewhere → its flag.
    static func namingFlags(_ text: String) -> String {
        var text = text
        for (setting, flag) in flags where text.contains(setting.qualifiedName) {
            let name = NSRegularExpression.escapedPattern(for: setting.qualifiedName)
            text = text.replacingOccurrences(of: "raise \(name) to ([0-9]+)", with: "raise it with \(flag) $1", options: .regularExpression)
            text = text.replacingOccurrences(of: "raise \(setting.qualifiedName)", with: "raise the limit with \(flag)")
            text = text.replacingOccurrences(of: setting.qualifiedName, with: flag)
        }
        return text
    }

    static func forCommandLine(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.message = namingFlags(diagnostic.message)
        diagnostic.suggestion = diagnostic.suggestion.map(namingFlags)
        return diagnostic
    }

    /// The diagnostic as printed: text (`file:line:column: error: …` with caret and hint) or a JSON line.
    static func line(_ diagnostic: Diagnostic) -> String {
        let shown = forCommandLine(diagnostic)
        switch format.withLock({ $0 }) {
        case .json:
            return shown.jsonLine
        case .text:
            // Located diagnostics carry their severity after the location; the others get it in front.
            return shown.location.isEmpty && shown.severity != .error ? "\(shown.severity.rawValue): \(shown.description)" : shown.description
        }
    }

    static func print(_ diagnostic: Diagnostic) {
        FileHandle.standardError.write(Data((line(diagnostic) + "\n").utf8))
    }

    /// A batch record that failed: `error: cases.csv:12: not rendered (…)` and its problems,
    /// or in JSON one line per problem with the record in `record`.
    static func line(_ failure: BatchFailure) -> String {
        guard format.withLock({ $0 }) == .json else { return namingFlags(failure.description) }
        return failure.error.diagnostics.map { diagnostic in
            var located = diagnostic
            if located.location.isEmpty { located.location.file = failure.location }
            return line(located)
        }.joined(separator: "\n")
    }

    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { print(diagnostic) }
    }
}

/// Prints a failure's diagnostics to standard error; the exit status is 1 (see the README's
/// "Exit status": 0 success, 1 a problem was reported, 64 the command line could not be read).
func fail(_ error: FormwrightError) -> ExitCode {
    Diagnostics.print(error.diagnostics)
    return ExitCode(1)
}

/// A warning written by the CLI itself.
func warn(_ text: String) {
    Diagnostics.print(Diagnostic(.warning, code: "cli.warning", message: text))
}
