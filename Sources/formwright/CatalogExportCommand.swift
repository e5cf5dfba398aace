import ArgumentParser
import CatalogTools
import Foundation
import Localization

struct CatalogExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a locale's catalogs as XLIFF 2.0 for CAT tools.",
        discussion: unwrapped("""
            One <file> per catalog, one <unit> per message (name = message id) with the
            English <source>, the translation as <target>, comments as notes, and the state:
            initial (untranslated, or fuzzy with subState gettext:fuzzy) or translated.
            Import the edited file with `formwright catalog import`.

            Examples:
              formwright catalog export --format xliff --locale ro -o ro.xlf
              formwright catalog export --format xliff --locale bg --domain common > bg-common.xlf
            """))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xliff
    }

    @OptionGroup var options: ProjectOptions

    @Option(help: "The exchange format (xliff: XLIFF 2.0).")
    var format: Format = .xliff

    @Option(help: "The locale to export: bg, ro, ro-MD or it.")
    var locale: String

    @Option(help: "Export only this domain (repeatable; default: all catalogs of the locale).")
    var domain: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The file to write (default: standard output).")
    var output: String?

    func run() throws {
        let project = try options.project()
        guard let localeID = LocaleID(locale), LocaleID.registered.contains(localeID), localeID != .en else {
            throw ValidationError("unknown target locale '\(locale)'; use one of \(LocaleID.registered.filter { $0 != .en }.map(\.identifier).joined(separator: ", "))")
        }
        let domains = domain.isEmpty ? project.domains(locale: localeID) : domain
        do {
            var catalogs: [(domain: String, file: POFile)] = []
            var problems: [CatalogDiagnostic] = []
            for name in domains {
                do { catalogs.append((name, try project.readCatalog(project.catalogURL(locale: localeID, domain: name)))) } catch { problems += error.diagnostics }
            }
            if !problems.isEmpty { throw CatalogToolError(problems) }
            let bytes = XLIFFExporter.export(catalogs, locale: localeID)
            if let output {
                let url = URL(fileURLWithPath: output)
                try CatalogWriter.write([(url, String(decoding: bytes, as: UTF8.self))], project: project)
                FileHandle.standardError.write(Data("\(catalogs.map(\.file.messages.count).reduce(0, +)) messages written to \(output)\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        } catch let error as CatalogToolError {
            throw fail(error)
        }
    }
}
