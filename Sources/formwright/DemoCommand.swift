import ArgumentParser
import Foundation
import Formwright
import Localization

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Render every bundled template's example data in every locale and both formats.",
        discussion: """
            Writes <out>/<template>/<template>-<locale>.<odt|docx> and prints each path. A
            template written in Word or Writer (template.docx or template.odt) is written in its
            own format only.
            Missing translations are reported on standard error. `--locale qps` renders the
            pseudo-locale: accented, 35 % longer English in [brackets], which shows untranslated
            text and layout that overflows.

            Examples:
              formwright demo --out out/demo
              formwright demo --locale qps --locale ro --out out/pseudo
            """)

    @Option(help: "The output folder (created if needed).")
    var out: String = "out/demo"

    @Option(help: "The folder holding templates/ and locales/ (default: found from the current folder).")
    var root: String?

    @Option(help: "A locale to render (repeatable; default: en, bg, ro, ro-MD, it; qps is the pseudo-locale).")
    var locale: [String] = []

    mutating func run() throws {
        do {
            try demo()
        } catch {
            throw fail(error)
        }
    }

    private func demo() throws(FormwrightError) {
        let locales = try locale.isEmpty ? LocaleID.supported : locale.map { text throws(FormwrightError) in try LocaleID.parse(text) }
        let workspace = try Workspace.locate(from: root.map { URL(fileURLWithPath: $0) })
        let catalogs = try workspace.catalogs()
        let outURL = URL(fileURLWithPath: out)
        var written = 0
        for package in try workspace.templates() {
            guard let example = package.exampleData else {
                warn("\(package.definition.id) has no example data; skipped")
                continue
            }
            let value = try package.loadData(example)
            let folder = outURL.appendingPathComponent(package.definition.id)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw FormwrightError(.io, "cannot create \(folder.path): \(error.localizedDescription)")
            }
            for locale in locales {
                let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale)
                for format in package.formats {
                    let result = try renderer.render(data: value, format: format)
                    let url = folder.appendingPathComponent("\(package.definition.id)-\(locale.identifier).\(format.rawValue)")
                    try AtomicFile.write(result.bytes, to: url)
                    if format == package.formats[0] { reportTranslations(result, locale: locale.identifier) }
                    printPath(TemplatePackage.displayPath(url))
                    written += 1
                }
            }
        }
        FileHandle.standardError.write(Data("\(written) documents written to \(TemplatePackage.displayPath(outURL))\n".utf8))
    }
}
