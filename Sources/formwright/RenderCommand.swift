import ArgumentParser
import Foundation
import Formwright
import Localization

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a template with data to an ODT or DOCX file.",
        discussion: """
            The data is checked against the template's schema first; every problem is reported
            with its place in the data file, and nothing is written. The output is written to a
            temporary file and renamed, so a failed render never leaves a partial file.

            Examples:
              formwright render templates/consent-data-sharing --data case.json --locale bg
              formwright render templates/consent-data-sharing --data case.yaml --locale ro-MD --format docx -o consent.docx
            """)

    @Argument(help: "The template folder (holding template.xml).")
    var template: String

    @Option(help: "The data file (.json, .yaml or .yml).")
    var data: String

    @Option(help: "The locale: en, bg, ro, ro-MD or it.")
    var locale: String

    @Option(help: "The output format: odt or docx (default: from the output file name, else odt).")
    var format: String?

    @Option(name: .shortAndLong, help: "The output file (default: <template>-<locale>.<format> in the current folder).")
    var output: String?

    @Option(help: "The catalogs folder (default: the locales/ folder beside templates/).")
    var locales: String?

    mutating func run() throws {
        do {
            try render()
        } catch {
            throw fail(error)
        }
    }

    private func render() throws(FormwrightError) {
        let locale = try LocaleID.parse(locale)
        let outputFormat: OutputFormat
        if let format {
            guard let parsed = OutputFormat(rawValue: format.lowercased()) else {
                throw FormwrightError(.usage, "unknown format '\(format)'; use odt or docx")
            }
            outputFormat = parsed
        } else {
            outputFormat = output.flatMap { OutputFormat(fileName: $0) } ?? .odt
        }
        if let output, let named = OutputFormat(fileName: output), named != outputFormat {
            throw FormwrightError(.usage, "the output file \(output) ends in .\(named.rawValue) but the format is \(outputFormat.rawValue)")
        }
        let templateURL = URL(fileURLWithPath: template)
        let package = try TemplatePackage(directory: templateURL)
        guard let localesURL = locales.map({ URL(fileURLWithPath: $0) }) ?? Workspace.localesDirectory(forTemplate: templateURL) else {
            throw FormwrightError(.usage, "cannot find a locales/ folder for \(template); pass --locales")
        }
        let catalogs = try Workspace.loadCatalogs(localesURL)
        let value = try package.loadData(URL(fileURLWithPath: data))
        let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale)
        let result = try renderer.render(data: value, format: outputFormat)
        let outputURL = URL(fileURLWithPath: output ?? "\(package.definition.id)-\(locale.identifier).\(outputFormat.rawValue)")
        try AtomicFile.write(result.bytes, to: outputURL)
        reportTranslations(result, locale: locale.identifier)
        print(TemplatePackage.displayPath(outputURL))
    }
}
