import ArgumentParser
import Foundation
import Formwright
import Localization

@main
struct FormwrightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formwright",
        abstract: "Fill multilingual forms, protocols and plans from data, as ODT and DOCX (and PDF, PDF/A, PNG through LibreOffice).",
        discussion: """
            Templates live in templates/<id>/ (template.xml, schema.json, example data); their
            translations in locales/<locale>/<domain>.po. Locales: en (source), bg, ro, ro-MD, it.

            Examples:
              formwright templates
              formwright render templates/consent-data-sharing --data case.json --locale bg --format docx
              formwright demo --out out/demo
              formwright message --locale ro --args '{"n": 3}' '{n, plural, one {# copil} few {# copii} other {# de copii}}'
            """,
        version: "0.1.0",
        subcommands: [RenderCommand.self, TemplatesCommand.self, InspectCommand.self, DemoCommand.self, MessageCommand.self, CatalogCommand.self, CheckCommand.self])
}

/// Prints a failure to standard error and exits with a non-zero status.
func fail(_ error: FormwrightError) -> ExitCode {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    return ExitCode(1)
}

/// Prints a written path at once (one write, no buffer): a crash or a kill cannot lose paths
/// already printed, which `print` keeps in a buffer when standard output is a pipe.
func printPath(_ path: String) {
    FileHandle.standardOutput.write(Data((path + "\n").utf8))
}

func warn(_ text: String) {
    FileHandle.standardError.write(Data(("warning: " + VisibleText.escaping(text, keepingLineBreaks: true) + "\n").utf8))
}

/// The warning printed when a rendered locale lacks translations.
func reportTranslations(_ result: RenderedDocument, locale: String) {
    if !result.missingTranslations.isEmpty {
        warn("\(result.missingTranslations.count) message(s) have no \(locale) translation; the English text is used: "
             + result.missingTranslations.joined(separator: ", "))
    }
    if !result.staleTranslations.isEmpty {
        warn("\(result.staleTranslations.count) \(locale) translation(s) were made for an older English text: "
             + result.staleTranslations.joined(separator: ", "))
    }
}

/// The template a command names: a folder (or template file) as given, else the id of a
/// bundled template (`session-minutes`, as `formwright templates` lists them), with a
/// "did you mean" for a misspelt id.
func templateLocation(_ argument: String) throws(FormwrightError) -> URL {
    let given = URL(fileURLWithPath: argument)
    if FileManager.default.fileExists(atPath: given.path) || argument.contains("/") { return given }
    guard let workspace = try? Workspace.locate() else { return given }
    let candidate = workspace.templatesDirectory.appendingPathComponent(argument)
    if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    let ids = ((try? FileManager.default.contentsOfDirectory(atPath: workspace.templatesDirectory.path)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()
    let hint = Spelling.closest(to: argument, among: ids).map { "did you mean '\($0)'?" }
        ?? "`formwright templates` lists the bundled ones; or give the path of a template folder"
    throw FormwrightError(.usage, "no template folder or bundled template '\(argument)'\n  hint: \(hint)")
}
