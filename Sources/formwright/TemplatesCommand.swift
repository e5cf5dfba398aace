import ArgumentParser
import Foundation
import Formwright
import Localization

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the bundled templates with their description and locales.",
        discussion: unwrapped("""
            A locale is listed when the template's catalog exists for it (en, the source, always).

            Example:
              formwright templates
            """))

    @Option(help: "The folder holding templates/ and locales/ (default: found from the current folder).")
    var root: String?

    @OptionGroup
    var diagnosticOptions: DiagnosticOptions

    mutating func run() throws {
        do {
            try list()
        } catch {
            throw fail(error)
        }
    }

    private func list() throws(FormwrightError) {
        let library = TemplateLibrary(project: try commandLineProject(root: root))
        let templates = try library.templates
        let width = templates.map(\.id.count).max() ?? 0
        for template in templates {
            print("\(template.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(template.description)")
            let office = template.package.office.map { " (written in \($0.format == .docx ? "Word" : "Writer"))" } ?? ""
            print("\(String(repeating: " ", count: width))  locales: \(template.locales.map(\.identifier).joined(separator: ", ")); formats: \(template.formats.map(\.rawValue).joined(separator: ", "))"
                  + office)
        }
    }
}
