import ArgumentParser
import Foundation
import Formwright
import Localization
import Synchronization

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a template with data to ODT, DOCX, PDF, PDF/A or PNG files: one document, or a whole batch.",
        discussion: unwrapped("""
            The data is checked against the template's schema first; every problem is reported
            with its place in the data file, and nothing is written. The output is written to a
            temporary file and renamed, so a failed or interrupted render never leaves a partial
            file (hidden .<name>.<pid>.<random>.tmp files of a killed run are removed by the next
            batch into the same folder).

            One data file, one locale and one format write one file (-o, default
            <template>-<locale>.<format>). Anything more is a batch: several --data files, a
            --data-dir, an .ndjson/.jsonl file (one JSON document per line) or a .csv file (a
            header row, then one document per row; a column "case.code" fills {"case": {"code": …}};
            cells are text except where the schema says number, integer or boolean; an empty cell
            leaves the field out), several --locale or --format values. A batch writes into
            --out-dir, names files with --name, renders on --jobs threads sharing one compiled
            template per locale, shows a progress bar when standard error is a terminal, reports
            each failing record with its place (file:line) while the others are still written,
            prints each written path, and ends with a summary. The exit code is 1 if anything failed.
            A batch runs in a worker process: a record that crashes it (a bug in Formwright, or
            memory exhausted) is reported as a failed record and the others are still rendered
            (--no-isolation renders in this process instead).

            --name patterns: data paths ({case.code}, {child.name}), {locale}, {format}, {index}
            (the record's position in the batch), {file} (the data file's name), {template}.
            Values are made safe file names (no / or .., no control or bidi characters, no leading
            space or -, no reserved names; a symbolic link below --out-dir is never followed);
            the extension follows the format. Two documents with the same name are refused, never
            overwritten. Default: {template}-{locale} for one data file, {file}-{locale} for several,
            {file}-{index}-{locale} with record files.

            PDF (--format pdf), PDF/A (--format pdfa, level --pdfa-level 1b|2b|3b, default 2b) and
            PNG page images (--format png, --dpi, --pages first|all) are made by LibreOffice
            headless (soffice on PATH or --soffice; apt-get install libreoffice-writer-nogui) from
            the ODT of a template.xml (--pdf-from docx for the DOCX) or from an office template's
            own format; the ODT or DOCX is written too only when asked for (--format odt,pdf).
            A batch converts many documents per LibreOffice start (--jobs processes, a new one
            after --convert-restart-after documents), each in a temporary profile; a document
            LibreOffice does not finish within --convert-timeout seconds is killed with its
            process group and fails alone. Every PDF is checked before it is renamed into place.
            A font the document asks for that LibreOffice replaced is reported as a warning; the
            default font, Arial, prints as its metric twin Liberation Sans (apt-get install
            fonts-liberation2). A template names another with <document font="...">.

            --letterhead FILE puts the documents on an institution's letterhead, a .docx or .odt
            made in Word or Writer: its page size and margins, header and footer (a different first
            page too: the letterhead on page 1, a running header after) and base font; the
            template's own header and footer follow the letterhead's. It overrides the template's
            <document letterhead="…">. What the letterhead has that Formwright cannot carry over
            (text boxes, shapes, even-page headers) is reported as a warning. Templates made in
            Word or Writer are their own letterhead and refuse the flag.

            Limits (raise them when a real input needs it; the error names the flag): data file or
            record --max-data-size (64M), nesting --max-depth (256, at most 1000), values --max-data-values
            (1000000), template --max-template-size (16M), loop iterations per document
            --max-loop-iterations (100000), document --max-output-size (256M), image --max-image-size (16M),
            images per document --max-images (1000). Sizes take K, M or G.

            Examples:
              formwright render templates/consent-data-sharing --data case.json --locale bg
              formwright render templates/consent-data-sharing --data case.yaml --locale ro-MD --format docx -o consent.docx
              formwright render templates/consent-data-sharing --data cases.csv --locale all --format both \\
                  --out-dir out --name "{case.code}-{locale}"
              formwright render templates/session-minutes --data-dir minutes/ --locale it --out-dir out --jobs 2
              formwright render templates/consent-data-sharing --data cases.csv --locale bg --format pdfa --out-dir out
              formwright render templates/session-minutes --data minutes.json --locale ro --format odt,pdf,png --out-dir out
              formwright render templates/operational-protocol --data protocol.json --locale ro --letterhead letterheads/regional-administration.docx
            """))

    @Argument(help: "The template folder (holding template.xml, or template.docx / template.odt made in Word or Writer), or a bundled template's id.")
    var template: String

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Data files: .json, .yaml or .yml (one document each), .ndjson, .jsonl or .csv (one per record).",
        valueName: "file"))
    var data: [String] = []

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Render every data file in this folder.", valueName: "folder"))
    var dataDirectory: String?

    @Option(name: [.customLong("locale"), .customLong("lang")], help: "The locale: en, bg, ro, ro-MD or it; repeat it for several, or 'all' (--lang is the same).")
    var locale: [String] = []

    @Option(help: "The output format: odt, docx, both, pdf, pdfa or png; repeat it or give a list (odt,pdf) (default: from the output file name, else odt; an office template renders to its own format).")
    var format: [String] = []

    @Option(name: .shortAndLong, help: "The output file of a single render (default: <template>-<locale>.<format> in the current folder).")
    var output: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp("The folder a batch writes to (created if needed; default: the current folder).", valueName: "folder"))
    var outputDirectory: String?

    @Option(help: ArgumentHelp("Output file names of a batch, e.g. \"{case.code}-{locale}.odt\".", valueName: "pattern"))
    var name: String?

    @Option(help: "Documents rendered in parallel, and LibreOffice processes for PDF and PNG (default: the number of processor cores).")
    var jobs: Int?

    @Flag(name: .customLong("no-isolation"), help: "Render a batch in this process, not in a worker process: a crash then stops the whole batch.")
    var noIsolation = false

    @OptionGroup(title: "PDF and PNG")
    var printing: PrintOptions

    @OptionGroup
    var diagnosticOptions: DiagnosticOptions

    @Option(help: ArgumentHelp("Put the documents on this letterhead: a .docx or .odt with the page, header, footer and font (default: the template's letterhead=\"…\", if any).", valueName: "file"))
    var letterhead: String?

    @Option(help: "The catalogs folder (default: the locales/ folder beside templates/).")
    var locales: String?

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    mutating func run() throws {
        var status: Int32 = 0
        do {
            let limits = try resourceLimits()
            if isSingleRender {
                try render(limits: limits)
            } else if let plan = BatchWorkerPlan.current {
                try renderBatch(limits: limits, worker: BatchWorkerChannel(plan: plan))
            } else if noIsolation {
                try renderBatch(limits: limits, worker: nil)
            } else {
                status = try superviseBatch()
            }
        } catch {
            throw fail(error)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Today's one-file render: exactly one JSON/YAML file, one locale, one format.
    private var isSingleRender: Bool {
        data.count == 1 && dataDirectory == nil && Self.recordFormat(data[0]) == false && locale.count == 1
            && locale[0].lowercased() != "all" && format.count <= 1 && format.first?.lowercased() != "both"
            && format.first?.contains(",") != true
            && name == nil && outputDirectory == nil
    }

    private static func recordFormat(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".csv")
    }

    /// The flags mapped onto the library's one ``Limits`` value.
    private func resourceLimits() throws(FormwrightError) -> Limits {
        let limits = try limitOptions.limits()
        func positive(_ value: Int?, _ flag: String) throws(FormwrightError) -> Int? {
            guard let value else { return nil }
            guard value > 0 else { throw FormwrightError(.usage, "\(flag) must be a positive number") }
            return value
        }
        if let jobs = try positive(jobs, "--jobs"), jobs > Self.maximumJobs {
            throw FormwrightError(.usage, "--jobs \(jobs) is more than \(Self.maximumJobs), the most threads a batch uses\n  hint: the default, one per core (\(ProcessInfo.processInfo.activeProcessorCount) here), is usually fastest")
        }
        return limits
    }

    /// Each worker is a thread with an 8 MiB stack: 100 000 of them took 2.75 GB.
    static let maximumJobs = 256

    /// The library for the template argument; `--locales` is checked once the template has loaded.
    private func library(limits: Limits) throws(FormwrightError) -> (TemplateLibrary, String, TemplatePackage) {
        let (library, id) = try openTemplate(template, locales: locales, limits: limits)
        let package = try library.package(id, letterhead: letterheadURL)
        guard FileManager.default.fileExists(atPath: library.project.localesDirectory.path) else {
            throw FormwrightError(.usage, "cannot find a locales/ folder for \(template); pass --locales")
        }
        return (library, id, package)
    }

    private var letterheadURL: URL? { letterhead.map { URL(fileURLWithPath: $0) } }

    /// One document: parse, call the library, print.
    private func render(limits: Limits) throws(FormwrightError) {
        let locale = try LocaleID.parse(locale[0])
        let (library, id, package) = try library(limits: limits)
        let delivery = try singleDelivery(for: package)
        let outputURL = URL(fileURLWithPath: output ?? "\(package.definition.id)-\(locale.identifier).\(delivery.fileExtension)")
        let options = TemplateLibrary.RenderOptions(letterhead: letterheadURL, printing: try printing.settings(jobs: 1, limits: limits))
        let result = try library.render(id, data: .file(URL(fileURLWithPath: data[0])), locale: locale, format: delivery, options: options)
        // A PDF or PNG was checked against the size limit by the print stage; a package here.
        if !delivery.needsConverter { try limits.checkOutput(result.bytes, for: TemplatePackage.displayPath(outputURL)) }
        try result.write(to: outputURL)
        report(result)
        printPath(TemplatePackage.displayPath(outputURL))
        for page in result.additionalPages.indices {
            printPath(TemplatePackage.displayPath(PrintQueue.pageImage(outputURL, page: page + 2)))
        }
    }

    /// `--format`, else what `-o` names, else the template's own format; `-o` must end in
    /// the extension of the format (`-o consent.doc` is refused, not written as an ODT).
    private func singleDelivery(for package: TemplatePackage) throws(FormwrightError) -> DeliveryFormat {
        let named = output.flatMap { DeliveryFormat(fileName: $0) }
        let delivery: DeliveryFormat
        if let format = format.first {
            delivery = try DeliveryFormat.parse([format], for: package)[0]
        } else {
            delivery = named ?? .package(package.formats[0])
        }
        if let output, let named, named.fileExtension != delivery.fileExtension {
            throw FormwrightError(.usage, "the output file \(output) ends in .\(named.fileExtension) but the format is \(delivery)")
        }
        if let output, DeliveryFormat(fileName: output) == nil {
            let name = URL(fileURLWithPath: output).lastPathComponent
            let ext = name.contains(".") ? String(name[name.index(after: name.lastIndex(of: ".")!)...]).lowercased() : ""
            let why = ext.isEmpty ? "the name has no extension" : "Formwright does not write .\(ext) files"
            throw FormwrightError(.usage, "-o \(output): \(why)\n  hint: name the output file .odt, .docx, .pdf or .png, e.g. -o \(name.split(separator: ".").first.map(String.init) ?? "document").\(delivery.fileExtension)")
        }
        if case .package(let format) = delivery, !package.formats.contains(format) { throw package.formatRefusal(format) }
        return delivery
    }

    /// The batch in worker processes (see `BatchSupervisor`); this process only reports what
    /// stopped a worker, and the totals.
    private func superviseBatch() throws(FormwrightError) -> Int32 {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
            ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let supervisor = BatchSupervisor(executable: executable, arguments: Array(CommandLine.arguments.dropFirst()))
        var progress: ProgressBar?
        let outcome = try supervisor.run { event in
            switch event {
            case .started(let documents):
                progress = ProgressBar(total: documents)
            case .written(let path):
                // On a shared terminal the path is printed above the bar; otherwise stdout is a pipe or file.
                if let bar = progress, bar.isEnabled && isatty(STDOUT_FILENO) == 1 { bar.message(path, toStandardOutput: true) } else { printPath(path) }
                progress?.advance()
            case .failed(let description, let documents):
                let text = Diagnostics.namingFlags(description)
                if let progress { progress.message(text) } else { FileHandle.standardError.write(Data((text + "\n").utf8)) }
                progress?.advance(by: documents)
            case .warning(let text):
                if let progress { progress.message("warning: " + text) } else { warn(text) }
            }
        }
        progress?.finish()
        if let summary = outcome.summary {
            FileHandle.standardError.write(Data((summary.description + "\n").utf8))
        }
        if let signal = outcome.externalSignal {
            // Stopped from outside: end the same way, so a shell sees Ctrl-C as Ctrl-C.
            Foundation.signal(signal, SIG_DFL)
            raise(signal)
        }
        return outcome.status
    }

    private func renderBatch(limits: Limits, worker: BatchWorkerChannel?) throws(FormwrightError) {
        let isRerun = worker?.plan.isRerun == true
        guard !data.isEmpty || dataDirectory != nil else {
            throw FormwrightError(.usage, "no data: pass --data FILE… or --data-dir FOLDER")
        }
        let locales = try batchLocales()
        let outputURL = try batchOutputDirectory()
        var files = data.map { URL(fileURLWithPath: $0) }
        if let dataDirectory {
            let found = try BatchRecord.dataFiles(in: URL(fileURLWithPath: dataDirectory))
            if found.isEmpty {
                throw FormwrightError(.usage, "--data-dir \(dataDirectory): no .json, .yaml, .yml, .ndjson, .jsonl or .csv files in it")
            }
            files += found
        }
        let usesRecords = files.contains { Self.recordFormat($0.path) }
        let naming = try OutputNaming(pattern: name ?? (usesRecords ? "{file}-{index}-{locale}" : files.count == 1 ? "{template}-{locale}" : "{file}-{locale}"))

        let (library, id, package) = try library(limits: limits)
        let deliveries = format.isEmpty ? [] : try DeliveryFormat.parse(format, for: package)
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let request = TemplateLibrary.BatchRequest(
            data: files, locales: locales, formats: deliveries, naming: naming, outputDirectory: outputURL, jobs: jobs,
            options: TemplateLibrary.RenderOptions(letterhead: letterheadURL, printing: try printing.settings(jobs: jobs, limits: limits)),
            worker: worker)
        let run = try library.renderBatch(id, request)

        // A worker's supervisor draws the bar and prints what the worker reports.
        let progress = Mutex<ProgressBar?>(nil)
        let summary = run.run { event in
            switch event {
            case .started(let documents):
                progress.withLock { $0 = ProgressBar(total: documents, enabled: worker == nil && isatty(STDERR_FILENO) == 1) }
            case .warning(let diagnostic):
                // The translations were reported by the first worker of an isolated batch.
                if isRerun && run.warnings.contains(diagnostic) { return }
                let bar = progress.withLock { $0 }
                if let bar { bar.message(Diagnostics.line(diagnostic)) } else { Diagnostics.print(diagnostic) }
            case .written(let url):
                let path = TemplatePackage.displayPath(url)
                let bar = progress.withLock { $0 }
                // On a shared terminal the path is printed above the bar; otherwise stdout is a pipe or file.
                if let bar, bar.isEnabled && isatty(STDOUT_FILENO) == 1 { bar.message(path, toStandardOutput: true) } else { printPath(path) }
                bar?.advance()
            case .failed(let failure):
                let bar = progress.withLock { $0 }
                let text = Diagnostics.line(failure)
                if let bar { bar.message(text) } else { FileHandle.standardError.write(Data((text + "\n").utf8)) }
                bar?.advance(by: failure.documentCount)
            case .progress, .finished:
                break
            }
        }
        progress.withLock { $0 }?.finish()
        // A rerun removes what the worker before it left: that is no news to the user.
        if !summary.removedTemporaryFiles.isEmpty && !isRerun {
            warn("removed \(summary.removedTemporaryFiles.count) temporary file(s) left by an interrupted run")
        }
        if let worker {
            worker.finish(summary)
        } else {
            FileHandle.standardError.write(Data((summary.description + "\n").utf8))
        }
        if summary.failed > 0 { throw FormwrightError(.data, []) }
    }

    private func batchLocales() throws(FormwrightError) -> [LocaleID] {
        guard !locale.isEmpty else {
            throw FormwrightError(.usage, "missing --locale; give one or more of \(LocaleID.supported.map(\.identifier).joined(separator: ", ")), or all")
        }
        var result: [LocaleID] = []
        for text in locale {
            let parsed = text.lowercased() == "all" ? LocaleID.supported : [try LocaleID.parse(text)]
            for locale in parsed where !result.contains(locale) { result.append(locale) }
        }
        return result
    }

    /// `--out-dir`, or `-o` naming a folder; `-o` naming a file is refused for a batch.
    private func batchOutputDirectory() throws(FormwrightError) -> URL {
        if let outputDirectory { return URL(fileURLWithPath: outputDirectory) }
        guard let output else { return URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
        var isDirectory: ObjCBool = false
        if output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return URL(fileURLWithPath: output)
        }
        throw FormwrightError(.usage, "-o names one file, but this render makes several documents\n  hint: use --out-dir FOLDER (and --name PATTERN for the file names)")
    }
}

/// A byte count on the command line: `1048576`, `512K`, `64M`, `1G`.
struct ByteSize: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        let multipliers: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = text, multiplier = 1
        if text.hasSuffix("B") { digits.removeLast() }
        if let last = digits.last, let m = multipliers[last] {
            multiplier = m
            digits.removeLast()
        }
        guard let value = Int(digits), value >= 0, value <= Int.max / multiplier else { return nil }
        bytes = value * multiplier
    }
}
