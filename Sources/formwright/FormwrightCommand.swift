import ArgumentParser
import Foundation
import Formwright
import Localization

@main
struct FormwrightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formwright",
        abstract: "Fill multilingual forms, protocols and plans from data, as ODT and DOCX (and PDF, PDF/A, PNG through LibreOffice).",
        discussion: unwrapped("""
            Templates live in templates/<id>/ (template.xml, schema.json, example data); their
            translations in locales/<locale>/<domain>.po. Locales: en (source), bg, ro, ro-MD, it.

            Examples:
              formwright templates
              formwright render templates/consent-data-sharing --data case.json --locale bg --format docx
              formwright demo --out out/demo
              formwright serve --port 8080
              formwright message --locale ro --args '{"n": 3}' '{n, plural, one {# copil} few {# copii} other {# de copii}}'
            """),
        version: "0.1.0",
        subcommands: [RenderCommand.self, TemplatesCommand.self, InspectCommand.self, DemoCommand.self, MessageCommand.self, CatalogCommand.self, CheckCommand.self, ServeCommand.self])
}

/// Prints a written path at once (one write, no buffer): a crash or a kill cannot lose paths
/// already printed, which `print` keeps in a buffer when standard output is a pipe.
func printPath(_ path: String) {
    FileHandle.standardOutput.write(Data((path + "\n").utf8))
}

/// The project the commands work in: `root` when given, else found from the current folder
/// up, else from the executable's folder up (so `swift run` and an installed copy work).
func commandLineProject(root: String? = nil) throws(FormwrightError) -> Project {
    if let root { return try Project.found(from: URL(fileURLWithPath: root)) }
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return try Project.found(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                             fallbacks: [executable.deletingLastPathComponent()])
}

/// The template a command names: a folder (or a template file in one) as given, else the id
/// of a template of the project (`session-minutes`, as `formwright templates` lists them),
/// with a "did you mean" for a misspelt id. Returns the library to render it with and its id.
func openTemplate(_ argument: String, locales: String?, limits: Limits = Limits()) throws(FormwrightError) -> (TemplateLibrary, String) {
    let given = URL(fileURLWithPath: argument).standardizedFileURL
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: given.path, isDirectory: &isDirectory)
    let localesURL = locales.map { URL(fileURLWithPath: $0) }
    if exists || argument.contains("/") {
        let folder = exists && !isDirectory.boolValue ? given.deletingLastPathComponent() : given
        let catalogs = localesURL ?? Project.localesDirectory(forTemplate: folder.deletingLastPathComponent())
            ?? folder.deletingLastPathComponent().appendingPathComponent("locales")
        return (TemplateLibrary(project: Project(templates: folder.deletingLastPathComponent(), locales: catalogs), limits: limits),
                folder.lastPathComponent)
    }
    guard let found = try? commandLineProject() else {
        throw FormwrightError(.usage, "no template folder '\(argument)'\n  hint: give the path of a template folder, e.g. templates/\(argument)")
    }
    let project = Project(templates: found.templatesDirectory, locales: localesURL ?? found.localesDirectory)
    guard project.templateIDs.contains(argument) else {
        let hint = Spelling.closest(to: argument, among: project.templateIDs).map { "did you mean '\($0)'?" }
            ?? "`formwright templates` lists the bundled ones; or give the path of a template folder"
        throw FormwrightError(.usage, "no template folder or bundled template '\(argument)'\n  hint: \(hint)")
    }
    return (TemplateLibrary(project: project, limits: limits), argument)
}

/// Prints the warnings of a render (translations, letterhead, fonts).
func report(_ result: RenderedDocument) {
    Diagnostics.print(result.diagnostics)
}

/// The folder of the template a command names (see ``openTemplate(_:locales:limits:)``).
func templateLocation(_ argument: String) throws(FormwrightError) -> URL {
    if FileManager.default.fileExists(atPath: argument) { return URL(fileURLWithPath: argument) }
    let (library, id) = try openTemplate(argument, locales: nil)
    return library.project.templatesDirectory.appendingPathComponent(id)
}

/// Help text written as paragraphs in the source, each line of a paragraph joined to the one
/// before, so the argument parser wraps it to the terminal: pre-wrapped lines come out ragged
/// at 80 columns. Indented lines (examples, lists) and blank lines are kept as they are.
func unwrapped(_ text: String) -> String {
    var lines: [String] = []
    var previousJoins = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        let joins = !line.isEmpty && !line.hasPrefix(" ")
        if joins && previousJoins, let last = lines.popLast() {
            lines.append(last + " " + line)
        } else {
            lines.append(line)
        }
        previousJoins = joins
    }
    return lines.joined(separator: "\n")
}
