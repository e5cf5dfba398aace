import ArgumentParser
import Foundation
import Formwright
import OfficeTemplate
import Localization
import Synchronization

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Render every bundled template's example data in every locale and both formats (or PDF, PDF/A, PNG).",
        discussion: unwrapped("""
            Each locale is rendered with its own example data, templates/<id>/example.<locale>.json
            (.yaml, .yml), falling back along the locale chain (ro-MD → ro → en); en is
            example.json. Writes <out>/<template>/<template>-<locale>.<odt|docx> and prints each path. A
            template written in Word or Writer (template.docx or template.odt) is written in its
            own format only. --format pdf, pdfa or png (or a list such as odt,pdf) converts the
            documents with LibreOffice headless, all of them through a few LibreOffice starts
            (see `formwright render --help` for the PDF and PNG flags); with both pdf and pdfa
            the PDF/A is named <template>-<locale>-pdfa.pdf.
            Missing translations are reported on standard error. `--locale qps` renders the
            pseudo-locale: accented, 35 % longer English in [brackets], which shows untranslated
            text and layout that overflows.

            The operational protocol and the session minutes are also rendered on each bundled
            example letterhead (letterheads/*.docx, *.odt), into
            <out>/on-letterhead/<letterhead>/. --letterhead FILE (.docx or .odt) renders every
            template.xml template on that letterhead instead (templates made in Word or Writer are
            their own letterhead and are skipped).

            Examples:
              formwright demo --out out/demo
              formwright demo --letterhead our-letterhead.docx --locale ro --out out/ours
              formwright demo --locale qps --locale ro --out out/pseudo
              formwright demo --format pdf --locale bg --out out/pdf
              formwright demo --format png --dpi 60 --out out/previews
            """))

    @Option(help: "The output folder (created if needed).")
    var out: String = "out/demo"

    @Option(help: "The folder holding templates/ and locales/ (default: found from the current folder).")
    var root: String?

    @Option(help: "A locale to render (repeatable; default: en, bg, ro, ro-MD, it; qps is the pseudo-locale).")
    var locale: [String] = []

    @Option(help: "The formats: odt, docx, both, pdf, pdfa or png, repeated or as a list (default: each template's own, both for template.xml).")
    var format: [String] = []

    @Option(help: "LibreOffice processes for PDF and PNG (default: the number of processor cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Put every template.xml document on this letterhead (a .docx or .odt: page, header, footer, font).", valueName: "file"))
    var letterhead: String?

    @OptionGroup(title: "PDF and PNG")
    var printing: PrintOptions

    @OptionGroup
    var diagnosticOptions: DiagnosticOptions

    mutating func run() throws {
        do {
            try demo()
        } catch {
            throw fail(error)
        }
    }

    private func demo() throws(FormwrightError) {
        let locales = try locale.isEmpty ? LocaleID.supported : locale.map { text throws(FormwrightError) in try LocaleID.parse(text) }
        let project = try commandLineProject(root: root)
        let library = TemplateLibrary(project: project)
        let outURL = URL(fileURLWithPath: out)
        var written = 0
        var queue: PrintQueue?
        var tag = 0
        var runs: [(id: String, letterhead: URL?, folder: URL)] = []
        let templates = try library.templates
        if let letterhead {
            let file = URL(fileURLWithPath: letterhead)
            for template in templates {
                guard !template.isOfficeDocument else {
                    warn("\(template.id) is made in Word or Writer (its own letterhead); skipped with --letterhead")
                    continue
                }
                runs.append((template.id, file, outURL.appendingPathComponent(template.package.definition.id)))
            }
        } else {
            for template in templates { runs.append((template.id, nil, outURL.appendingPathComponent(template.package.definition.id))) }
            for file in project.bundledLetterheads() {
                let name = file.deletingPathExtension().lastPathComponent
                for id in Self.letterheadTemplates where project.templateIDs.contains(id) {
                    runs.append((id, file, outURL.appendingPathComponent("on-letterhead").appendingPathComponent(name)))
                }
            }
        }
        var reportedLetterheads: Set<String> = []
        for (id, letterheadFile, folder) in runs {
            let package = try library.package(id, letterhead: letterheadFile)
            if let read = package.letterhead, reportedLetterheads.insert(read.file).inserted {
                Diagnostics.print(read.warnings.map(Diagnostic.init))
            }
            guard !package.examples.all.isEmpty else {
                warn("\(package.definition.id) has no example data; skipped")
                continue
            }
            let deliveries = format.isEmpty ? package.formats.map { .package($0) } : try DeliveryFormat.parse(format, for: package)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw FormwrightError(.io, "cannot create \(folder.path): \(error.localizedDescription)")
            }
            if queue == nil, deliveries.contains(where: \.needsConverter) {
                queue = try PrintQueue(settings: try printing.settings(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount),
                                       needsImages: deliveries.contains(.png))
            }
            for locale in locales {
                // Each locale's own example data (example.<locale>.json), else its parent's.
                guard let example = package.exampleData(for: locale) else {
                    warn("\(package.definition.id) has no example data for \(locale.identifier) (nor example.json); skipped")
                    continue
                }
                let value = try library.load(.file(example), for: id)
                let renderer = try library.compile(id, locale: locale, letterhead: letterheadFile)
                let stem = "\(package.definition.id)-\(locale.identifier)"
                var reported = false
                var targets: [DeliveryFormat: URL] = [:]
                for delivery in deliveries {
                    guard case .package(let format) = delivery else {
                        let suffix = delivery == .pdfa && deliveries.contains(.pdf) ? "-pdfa" : ""
                        targets[delivery] = folder.appendingPathComponent("\(stem)\(suffix).\(delivery.fileExtension)")
                        continue
                    }
                    let result = try renderer.render(data: value, format: format)
                    let url = folder.appendingPathComponent("\(stem).\(format.rawValue)")
                    try AtomicFile.write(result.bytes, to: url)
                    if !reported { report(result) }
                    reported = true
                    printPath(TemplatePackage.displayPath(url))
                    written += 1
                }
                if let queue, !targets.isEmpty {
                    let source = queue.settings.sourceFormat(for: package)
                    let result = try renderer.render(data: value, format: source)
                    if !reported { report(result) }
                    try queue.stage(result.bytes, format: source, targets: targets, tag: tag)
                    tag += 1
                }
            }
        }
        if let queue {
            let counts = Mutex((written: 0, failed: 0))
            queue.run { event in
                let ok = event.report()
                counts.withLock { counts in
                    if case .written = event { counts.written += 1 }
                    if !ok { counts.failed += 1 }
                }
            }
            let (converted, failed) = counts.withLock { $0 }
            written += converted
            if failed > 0 {
                throw FormwrightError(.io, "\(written) documents written to \(TemplatePackage.displayPath(outURL)), \(failed) failed")
            }
        }
        FileHandle.standardError.write(Data("\(written) documents written to \(TemplatePackage.displayPath(outURL))\n".utf8))
    }
}

extension DemoCommand {
    /// The bundled templates `demo` also renders on each bundled example letterhead.
    static let letterheadTemplates = ["operational-protocol", "session-minutes"]
}
