import ArgumentParser
import CatalogTools
import Foundation

struct CatalogUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Merge the POT files into every locale's catalogs, like msgmerge.",
        discussion: unwrapped("""
            New ids are added untranslated, after the entry that precedes them in the
            template. An entry whose English source changed is marked fuzzy and keeps the old
            source as `#| msgid`, so the translator sees what changed. Ids no template uses any
            more become obsolete (`#~`) at the end of the file. Translations, flags, translator
            comments and the order of the entries stay; running update again changes nothing.

            ro-MD catalogs hold only what differs from ro: they are merged, but get no new files
            or entries. A new domain gets a new PO file in every other locale folder.
            All files are written at once, and none when any catalog has a syntax error.

            Examples:
              formwright catalog extract && formwright catalog update
              formwright catalog update --dry-run     # list the catalogs that would change
            """))

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Only list the catalogs that would change.")
    var dryRun = false

    func run() throws {
        let project = try options.project()
        do {
            let changes = try CatalogUpdate.plan(project: project)
            if !dryRun { try CatalogWriter.write(changes.map { ($0.url, $0.file.serialized()) }, project: project) }
            for change in changes { print(project.relativePath(change.url)) }
            FileHandle.standardError.write(Data("\(changes.count) catalog(s) \(dryRun ? "would change" : "updated")\n".utf8))
        } catch {
            throw fail(error)
        }
    }
}
