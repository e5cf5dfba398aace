import ArgumentParser
import Foundation
import Formwright
import Localization

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the bundled templates with their description and locales.",
        discussion: """
            A locale is listed when the template's catalog exists for it (en, the source, always).

            Example:
              formwright templates
            """)

    @Option(help: "The folder holding templates/ and locales/ (default: found from the current folder).")
    var root: String?

    mutating func run() throws {
        do {
            try list()
        } catch {
            throw fail(error)
        }
    }

    private func list() throws(FormwrightError) {
        let workspace = try Workspace.locate(from: root.map { URL(fileURLWithPath: $0) })
        let catalogs = try workspace.catalogs()
        let packages = try workspace.templates()
        let width = packages.map(\.definition.id.count).max() ?? 0
        for package in packages {
            let id = package.definition.id
            let locales = [LocaleID.en] + catalogs.locales(forDomain: package.definition.domain).filter { $0 != .en }
            print("\(id.padding(toLength: width, withPad: " ", startingAt: 0))  \(package.definition.description)")
            print("\(String(repeating: " ", count: width))  locales: \(locales.map(\.identifier).joined(separator: ", ")); formats: \(package.formats.map(\.rawValue).joined(separator: ", "))"
                  + (package.office != nil ? " (written in \(package.office?.format == .docx ? "Word" : "Writer"))" : ""))
        }
    }
}
