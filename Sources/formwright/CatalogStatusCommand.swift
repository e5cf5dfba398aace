import ArgumentParser
import CatalogTools
import Foundation

struct CatalogStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show how much of each catalog is translated.",
        discussion: unwrapped("""
            One row per locale and domain: total messages, translated, fuzzy, missing (not
            translated or not yet in the file), obsolete, and the translated percentage. The
            messages are counted against what the templates use now. ro-MD rows count only the
            entries its files hold (differences from ro). The exit status is 0 either way.

            Examples:
              formwright catalog status
              formwright catalog status --json | jq '.[] | select(.percent < 100)'
            """))

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Print JSON (an array of rows) instead of a table.")
    var json = false

    func run() throws {
        let project = try options.project()
        do {
            let pots = try CatalogExtractor.extract(project.loadTemplates())
            let rows = try CatalogStatus.compute(project: project, templates: pots)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            } else {
                print(CatalogStatus.table(rows))
            }
        } catch let error as CatalogToolError {
            throw fail(error)
        }
    }
}
