import ArgumentParser
import CatalogTools
import Foundation

struct CatalogExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write locales/<domain>.pot from the messages of all templates.",
        discussion: unwrapped("""
            One POT per template domain, plus locales/common.pot for ids starting with
            `common.` and the messages Formwright itself prints (signature labels, page
            numbers, legal numbering). msgctxt is the message id, msgid the English source;
            `#:` points to the template line, `#.` carries the `note` attribute and the type and
            origin of each argument. The output has no dates: extracting twice gives the same files.

            Examples:
              formwright catalog extract
              formwright catalog extract --root ~/formwright && git diff locales/*.pot
            """))

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let project = try options.project()
        do {
            let templates = try project.loadTemplates()
            let pots = try CatalogExtractor.extract(templates)
            let files = pots.keys.sorted().map { (project.templateCatalogURL(domain: $0), pots[$0]!.serialized()) }
            let written = try CatalogWriter.write(files, project: project)
            for url in written { print(project.relativePath(url)) }
            let messages = pots.values.map(\.messages.count).reduce(0, +)
            FileHandle.standardError.write(Data("\(messages) messages in \(pots.count) domains; \(written.count) file(s) changed\n".utf8))
        } catch {
            throw fail(error)
        }
    }
}
