import ArgumentParser
import CatalogTools
import Foundation

struct CatalogImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import translations from an XLIFF 2.0 file into the catalogs.",
        discussion: unwrapped("""
            Reads the file written by `catalog export` (after translation in a CAT tool):
            targets become msgstr, state initial marks the entry fuzzy, translated/reviewed/final
            clears the flag. The locale comes from trgLang. Every unit must exist in the
            catalogs with the same English source, and every target must be valid
            MessageFormat; otherwise each problem is reported with its line and column and no
            catalog changes. Exporting and importing without edits leaves the catalogs byte
            for byte the same.

            Examples:
              formwright catalog import ro.xlf
              formwright catalog import translated/bg.xlf --root ~/formwright
            """))

    @OptionGroup var options: ProjectOptions

    @Argument(help: "The XLIFF file (.xlf).")
    var file: String

    func run() throws {
        let project = try options.project()
        do {
            let written = try XLIFFImporter.importFile(at: URL(fileURLWithPath: file), project: project)
            for url in written { print(project.relativePath(url)) }
            FileHandle.standardError.write(Data("\(written.count) catalog(s) changed\n".utf8))
        } catch {
            throw fail(error)
        }
    }
}
