import ArgumentParser
import CatalogTools
import Foundation
import Formwright
import Localization
import OfficeTemplate

/// `formwright check TEMPLATE_DIR`: a template against its catalogs.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check templates against their catalogs.",
        discussion: unwrapped("""
            For a template folder (or templates/ for all of them):
              error    a message id the template uses is missing from a locale's catalog
              error    an <image src> file that is missing, outside the folder or not a PNG/JPEG
              warning  a catalog entry was translated from another English source
              warning  a catalog entry no template uses
              warning  literal text outside <t>, which will not be translated
              warning  a declared column width (<table widths>) too narrow for a number,
                       amount or code of the example data, which cannot break: rendered in
                       each locale with its example, the width it needs is suggested
              error    an example data file (example.json, example.<locale>.json) that does
                       not match the schema, or whose name is not a supported locale
            ro-MD catalogs hold only differences, so ids missing there are not reported.
            Output: file:line[:column]: severity: message; the exit status is 1 when there is
            an error. `formwright catalog check` checks the translations themselves.

            Examples:
              formwright check templates/consent-data-sharing
              formwright check templates
            """))

    @Argument(help: "A template folder (with template.xml, .docx or .odt), or a folder of template folders.")
    var templateDirectory: String

    @OptionGroup
    var diagnosticOptions: DiagnosticOptions

    func run() throws {
        let directory = URL(fileURLWithPath: templateDirectory).standardizedFileURL
        let templateFile = TemplateFile.locate(in: directory)
        let isTemplate = templateFile != nil
        let templatesFolder = isTemplate ? directory.deletingLastPathComponent() : directory
        guard let locales = Project.localesDirectory(forTemplate: templatesFolder) else {
            throw fail(FormwrightError(.usage, "\(templateDirectory): cannot find the locales/ folder beside the templates"))
        }
        let project = Project(templates: templatesFolder, locales: locales).catalogProject
        do {
            let all = try project.loadTemplates()
            let checked = isTemplate ? all.filter { $0.file == project.relativePath(templateFile!) } : all
            if checked.isEmpty {
                throw CatalogToolError(file: templateDirectory, "no template.xml, template.docx or template.odt here or in its subfolders")
            }
            let folders = isTemplate ? [directory] : Self.templateFolders(in: directory)
            let catalogs = try? Project.loadCatalogs(locales)
            let perFolder = folders.map { Self.exampleFindings($0, catalogs: catalogs) }
            try report(try TemplateCatalogCheck.check(templates: checked, allTemplates: all, project: project),
                       checked: "\(checked.count) template(s)",
                       others: perFolder.flatMap(\.layout) + perFolder.flatMap(\.examples))
        } catch let error as CatalogToolError {
            throw fail(error)
        }
    }
}

extension CheckCommand {
    /// The template folders directly inside `directory`, sorted by name.
    static func templateFolders(in directory: URL) -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        return names.map { directory.appendingPathComponent($0) }.filter { TemplateFile.locate(in: $0) != nil }
    }

    /// What `check` adds for each template folder: what its example data would print badly
    /// (``TemplatePackage/layoutWarnings(catalogs:)``), then every example file checked against
    /// the schema. A template that does not load is left to the checks above, which report why.
    static func exampleFindings(_ folder: URL, catalogs: CatalogSet?) -> (layout: [Diagnostic], examples: [Diagnostic]) {
        guard let package = try? TemplatePackage(directory: folder) else { return ([], []) }
        return (catalogs.map(package.layoutWarnings) ?? [], package.checkExamples())
    }
}
