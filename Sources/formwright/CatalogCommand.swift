import ArgumentParser
import CatalogTools
import Foundation
import Formwright
import Localization

/// `formwright catalog …`: the translator's commands, in the gettext tradition.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Extract, merge, check and exchange the translation catalogs.",
        discussion: unwrapped("""
            The workflow for a new or changed template:
              formwright catalog extract            # templates → locales/<domain>.pot
              formwright catalog update             # .pot → locales/<locale>/<domain>.po (like msgmerge)
              … translate in Poedit, Lokalize, Weblate, or in a CAT tool via XLIFF:
              formwright catalog export --format xliff --locale ro -o ro.xlf
              formwright catalog import ro.xlf
              formwright catalog check              # MessageFormat, plurals, typography
              formwright catalog status             # how much is translated
              formwright render templates/<id> --data example.json --locale ro
            """),
        subcommands: [
            CatalogExtractCommand.self, CatalogUpdateCommand.self, CatalogStatusCommand.self,
            CatalogCheckCommand.self, CatalogExportCommand.self, CatalogImportCommand.self,
        ])
}

/// `--root`, shared by the catalog commands.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The folder holding templates/ and locales/ (default: found from the current folder).")
    var root: String?

    @OptionGroup
    var diagnosticOptions: DiagnosticOptions

    func project() throws -> CatalogProject {
        do {
            return try commandLineProject(root: root).catalogProject
        } catch {
            throw fail(error)
        }
    }
}

/// Prints every problem of a failed catalog operation and exits with status 1.
func fail(_ error: CatalogToolError) -> ExitCode {
    Diagnostics.print(error.diagnostics.map { Diagnostic($0) })
    return ExitCode(1)
}

/// Prints findings (`file:line: severity: message`) and a summary line; exits 1 on errors.
/// `others` are diagnostics already described with their place (data checked against a
/// schema, what example data would print badly), counted by their severity.
func report(_ findings: [CatalogDiagnostic], checked: String, others: [Diagnostic] = []) throws {
    // The findings are what `check` outputs: standard output, text or JSON Lines.
    let all = findings.map { Diagnostic($0) } + others
    for diagnostic in all { print(Diagnostics.line(diagnostic)) }
    let errors = all.filter { $0.severity == .error }.count
    let warnings = all.count - errors
    FileHandle.standardError.write(Data("\(checked): \(errors) error(s), \(warnings) warning(s)\n".utf8))
    if errors > 0 { throw ExitCode(1) }
}
