public import Foundation
public import Localization
import Synchronization
import TemplateData
import DocumentModel

/// Renders many records in several locales and formats, in parallel, sharing one compiled
/// template per locale across all workers.
///
/// First every record is loaded, validated and named (in parallel); names used twice in the
/// batch (ignoring case, as macOS and Windows do) are refused for all but the first record.
/// Then the documents are rendered and written, each to a temporary file renamed into place
/// (see ``AtomicFile``), so an interrupted batch leaves only complete documents. A failing
/// record is reported and the others are still written.
///
/// ```swift
/// let batch = try BatchRenderer(package: package, catalogs: catalogs, locales: [.bg, .ro],
///                               formats: [.odt], naming: try OutputNaming(pattern: "{case.code}-{locale}"),
///                               outputDirectory: URL(fileURLWithPath: "out"))
/// let summary = batch.run(records, jobs: 4) { event in print(event) }
/// print(summary)   // 2000 written, 0 failed in 1.20 s
/// ```
public struct BatchRenderer: Sendable {
    public let package: TemplatePackage
    /// One per locale, in the order given.
    public let renderers: [Renderer]
    /// What each document is written as, in the order given.
    public let deliveries: [DeliveryFormat]
    public let naming: OutputNaming
    public let outputDirectory: URL
    public let limits: ResourceLimits
    /// Converts the PDF, PDF/A and PNG deliveries (nil when there are none).
    public let printQueue: PrintQueue?

    /// The office package formats among ``deliveries``.
    public var formats: [OutputFormat] {
        deliveries.compactMap { if case .package(let format) = $0 { format } else { nil } }
    }

    public init(
        package: TemplatePackage, catalogs: CatalogSet, locales: [LocaleID], formats: [OutputFormat], naming: OutputNaming,
        outputDirectory: URL, limits: ResourceLimits = ResourceLimits()
    ) throws(FormwrightError) {
        try self.init(package: package, catalogs: catalogs, locales: locales, deliveries: formats.map { .package($0) }, naming: naming,
                      outputDirectory: outputDirectory, limits: limits)
    }

    /// A batch that may also print: `.pdf`, `.pdfa` and `.png` go through LibreOffice with
    /// `printing` (LibreOffice is looked for here, so a missing one fails before any work).
    public init(
        package: TemplatePackage, catalogs: CatalogSet, locales: [LocaleID], deliveries: [DeliveryFormat], naming: OutputNaming,
        outputDirectory: URL, limits: ResourceLimits = ResourceLimits(), printing: PrintSettings = PrintSettings()
    ) throws(FormwrightError) {
        var renderers: [Renderer] = []
        for locale in locales {
            renderers.append(try Renderer(package: package, catalogs: catalogs, locale: locale, limits: limits.renderLimits))
        }
        try self.init(package: package, renderers: renderers, deliveries: deliveries, naming: naming, outputDirectory: outputDirectory,
                      limits: limits, printing: printing)
    }

    /// A batch over templates already compiled (``TemplateLibrary/renderBatch(_:_:)`` passes its cached ones).
    init(
        package: TemplatePackage, renderers: [Renderer], deliveries: [DeliveryFormat], naming: OutputNaming,
        outputDirectory: URL, limits: Limits, printing: PrintSettings
    ) throws(FormwrightError) {
        guard !renderers.isEmpty, !deliveries.isEmpty else { throw FormwrightError(.usage, "a batch needs at least one locale and one format") }
        for case .package(let format) in deliveries where !package.formats.contains(format) { throw package.formatRefusal(format) }
        printQueue = deliveries.contains(where: \.needsConverter)
            ? try PrintQueue(settings: printing, needsImages: deliveries.contains(.png)) : nil
        self.deliveries = deliveries
        self.package = package
        self.renderers = renderers
        self.naming = naming
        self.outputDirectory = outputDirectory
        self.limits = limits
    }

    /// What happened to a document, reported as soon as it happens (from worker threads).
    public enum Event: Sendable {
        case written(URL)
        case failed(BatchFailure)
        /// Something to know that fails no document (a font LibreOffice replaced).
        case warning(String)
    }

    /// The documents of one record: its data and where each (locale, format) goes.
    private struct Plan: Sendable {
        var value: Value
        /// Indexed like `renderers`, then `deliveries`; nil where the name was refused.
        var names: [[String?]]
    }

    /// Shared by the workers of one run (a class: `Mutex` and `Atomic` cannot be captured).
    private final class State: Sendable {
        let failures: Mutex<[BatchFailure]>
        let plans: Mutex<[Plan?]>
        let written = Atomic<Int>(0)
        let replaced = Atomic<Int>(0)
        /// Set by the first write that finds the disk full: the rest are not attempted.
        let diskFull = Atomic<Bool>(false)
        let notAttempted = Atomic<Int>(0)

        init(count: Int, failures: [BatchFailure]) {
            self.failures = Mutex(failures)
            plans = Mutex(Array(repeating: nil, count: count))
        }
    }

    /// Renders every record; never throws: problems are failures in the summary.
    ///
    /// As a worker of an isolated batch (`worker`, see ``BatchSupervisor``) it renders only
    /// the records its plan gives it and reports each record's start and end.
    public func run(
        _ records: [BatchRecord], failures earlier: [BatchFailure] = [], jobs: Int, worker: BatchWorkerChannel? = nil,
        events reportEvent: @escaping @Sendable (Event) -> Void = { _ in }
    ) -> BatchSummary {
        let started = ContinuousClock.now
        // A worker reports what happens to its supervisor, which prints it (once, even when
        // the worker dies between writing a document and saying so).
        let events: @Sendable (Event) -> Void
        if let worker {
            events = { event in worker.send(event: event) }
        } else {
            events = reportEvent
        }
        let plan = worker?.plan
        // A rerun's earlier problems were reported by the first worker.
        let earlier = plan?.isRerun == true ? [] : earlier
        let state = State(count: records.count, failures: earlier)
        let perRecord = renderers.count * deliveries.count
        worker?.send(.batch(records: records.count, documentsPerRecord: perRecord))
        @Sendable func fail(_ failure: BatchFailure) {
            state.failures.withLock { $0.append(failure) }
            events(.failed(failure))
        }
        /// A record's failure, unless an earlier worker rendered the record and reported it.
        @Sendable func fail(record i: Int, _ failure: BatchFailure) {
            guard plan?.planOnly.contains(i) != true else { return }
            fail(failure)
        }
        for failure in earlier { events(.failed(failure)) }
        let output: OutputDirectory
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
            output = try OutputDirectory(outputDirectory)
        } catch {
            let reason = (error as? FormwrightError)?.description ?? error.localizedDescription
            let failure = BatchFailure(
                location: TemplatePackage.displayPath(outputDirectory),
                error: FormwrightError(.io, "cannot create the output folder \(TemplatePackage.displayPath(outputDirectory)): \(reason)"),
                documentCount: records.count * perRecord)
            fail(failure)
            return BatchSummary(written: 0, failures: state.failures.withLock { $0 }, replaced: 0, removedTemporaryFiles: [],
                                duration: ContinuousClock.now - started)
        }

        // Phase 1: load, validate and name every record.
        let printSource = printQueue?.settings.sourceFormat(for: package) ?? package.formats[0]
        let dataLimits = limits.dataLimits
        ParallelWorkers.forEach(records.count, workers: jobs) { i in
            guard plan?.skip.contains(i) != true else { return }
            let record = records[i]
            worker?.send(.loading(i, location: record.location))
            do throws(FormwrightError) {
                BatchWorkerChannel.debugTrap(record: record.index, phase: "load")
                let value = try record.load(in: package, limits: dataLimits)
                var names: [[String?]] = []
                for renderer in renderers {
                    var row: [String?] = []
                    for delivery in deliveries {
                        let source: OutputFormat
                        if case .package(let format) = delivery { source = format } else { source = printSource }
                        let context = OutputNaming.Context(
                            locale: renderer.compiled.locale, delivery: delivery, source: source, index: record.index,
                            file: record.fileStem, template: package.definition.id)
                        row.append(try naming.name(for: value, context: context))
                    }
                    names.append(row)
                }
                state.plans.withLock { $0[i] = Plan(value: value, names: names) }
                worker?.send(.loaded(i, failed: false))
            } catch {
                fail(record: i, BatchFailure(location: record.location, error: error, documentCount: perRecord))
                worker?.send(.loaded(i, failed: true))
            }
        }
        var planned = state.plans.withLock { $0 }

        // Names used twice: the first record in batch order keeps the name.
        var owners: [String: String] = [:]
        // Subfolders (relative, `/`-separated) that names put documents in; "" is the folder itself.
        var directories: Set<String> = [""]
        for (i, plan) in planned.enumerated() {
            guard var plan else { continue }
            for (l, row) in plan.names.enumerated() {
                for (f, name) in row.enumerated() {
                    guard let name else { continue }
                    let key = name.lowercased()
                    if let owner = owners[key] {
                        plan.names[l][f] = nil
                        fail(record: i, BatchFailure(
                            location: records[i].location, output: name,
                            error: FormwrightError(.usage, "the output name \(name) is already the name of \(owner)'s document\n  hint: make --name unique for every record, locale and format, e.g. with {index}")))
                    } else {
                        owners[key] = records[i].location
                        directories.insert(name.split(separator: "/").dropLast().joined(separator: "/"))
                    }
                }
            }
            planned[i] = plan
        }

        // Leftovers of an interrupted run; this run's own temporary files are not there yet.
        var removed: [String] = []
        // A subfolder that is a symbolic link is not entered: its documents fail when written.
        for directory in directories.sorted() {
            let components = directory.split(separator: "/").map(String.init)
            guard let folder = try? output.subdirectory(components, create: true) else { continue }
            removed += AtomicFile.removeStaleTemporaryFiles(in: folder).map { directory.isEmpty ? $0 : directory + "/" + $0 }
        }

        // Phase 2: render each record once per locale and write it in every format.
        let work = planned
        ParallelWorkers.forEach(work.count, workers: jobs) { i in
            guard let plan = work[i], worker?.plan.planOnly.contains(i) != true else { return }
            let record = records[i]
            worker?.send(.rendering(i))
            defer { worker?.send(.rendered(i)) }
            BatchWorkerChannel.debugTrap(record: record.index, phase: "render")
            for (l, renderer) in renderers.enumerated() {
                // Documents an earlier worker of this batch wrote before it died are not made again.
                let alreadyWritten = worker?.plan.written[i] ?? []
                let targets = plan.names[l].enumerated().compactMap { f, name in
                    alreadyWritten.contains(l * deliveries.count + f) ? nil : name.map { (deliveries[f], $0, l * deliveries.count + f) }
                }
                guard !targets.isEmpty else { continue }
                guard !state.diskFull.load(ordering: .relaxed) else {
                    state.notAttempted.add(targets.count, ordering: .relaxed)
                    continue
                }
                let document: Rendition
                do throws(FormwrightError) {
                    document = try renderer.rendition(for: plan.value)
                } catch {
                    fail(BatchFailure(location: record.location, output: targets.count == 1 ? targets[0].1 : nil, error: error,
                                      documentCount: targets.count))
                    continue
                }
                var printTargets: [DeliveryFormat: URL] = [:]
                for (delivery, name, slot) in targets {
                    let url = outputDirectory.appendingPathComponent(name)
                    guard case .package(let format) = delivery else {
                        printTargets[delivery] = url
                        continue
                    }
                    do throws(FormwrightError) {
                        let bytes = try renderer.package(document, format: format)
                        try limits.checkOutput(bytes, for: name)
                        let replacing = try output.write(bytes, to: name)
                        if replacing { state.replaced.add(1, ordering: .relaxed) }
                        state.written.add(1, ordering: .relaxed)
                        if let worker {
                            worker.send(.written(record: i, slot: slot, replacing: replacing, path: TemplatePackage.displayPath(url)))
                        } else {
                            events(.written(url))
                        }
                    } catch {
                        if error.isDiskFull { state.diskFull.store(true, ordering: .relaxed) }
                        fail(BatchFailure(location: record.location, output: name, error: error))
                    }
                }
                guard let printQueue, !printTargets.isEmpty else { continue }
                do throws(FormwrightError) {
                    let bytes = try renderer.package(document, format: printSource)
                    try printQueue.stage(bytes, format: printSource, targets: printTargets, tag: i * renderers.count + l)
                } catch {
                    fail(BatchFailure(location: record.location, output: printTargets.count == 1 ? targets.first { $0.0.needsConverter }?.1 : nil,
                                      error: error, documentCount: printTargets.count))
                }
            }
        }

        // Phase 3: PDF, PDF/A and PNG through LibreOffice, a few processes for the whole batch.
        var starts = 0
        if let printQueue, printQueue.count > 0 {
            let directory = outputDirectory
            starts = printQueue.run { event in
                switch event {
                case .written(let url, _):
                    state.written.add(1, ordering: .relaxed)
                    events(.written(url))
                case .failed(let tag, let outputs, let error):
                    let names = outputs.map { String($0.path.dropFirst(directory.path.count + 1)) }
                    fail(BatchFailure(location: records[tag / renderers.count].location, output: names.count == 1 ? names[0] : nil,
                                      error: error, documentCount: max(1, outputs.count)))
                case .fontSubstituted(let font, _):
                    events(.warning("the documents ask for the font \(font), which is not installed; LibreOffice used another one, so lines and pages may break differently\n  hint: install the font (fc-list shows the installed ones) or use another one in the template's styles"))
                }
            }
        }
        let notAttempted = state.notAttempted.load(ordering: .relaxed)
        if notAttempted > 0 {
            fail(BatchFailure(
                location: TemplatePackage.displayPath(outputDirectory),
                error: FormwrightError(.io, "the disk is full: the batch stopped early; \(notAttempted) more document(s) were not attempted\n  hint: free some space (or raise the quota) and run the batch again; complete documents are kept"),
                documentCount: notAttempted))
        }
        return BatchSummary(
            written: state.written.load(ordering: .relaxed), failures: state.failures.withLock { $0 },
            replaced: state.replaced.load(ordering: .relaxed), removedTemporaryFiles: removed, duration: ContinuousClock.now - started,
            converterStarts: starts)
    }

    /// The number of documents a batch of `records` records makes.
    public func documentCount(records: Int) -> Int { records * renderers.count * deliveries.count }
}

/// What a batch did.
public struct BatchSummary: Sendable, CustomStringConvertible {
    /// Documents written.
    public let written: Int
    /// Everything that failed, in the order it was found.
    public let failures: [BatchFailure]
    /// Documents that replaced a file of the same name from an earlier run.
    public let replaced: Int
    /// Temporary files of an interrupted earlier run that were removed.
    public let removedTemporaryFiles: [String]
    public let duration: Duration
    /// LibreOffice processes started for PDF, PDF/A and PNG.
    public let converterStarts: Int

    /// Documents not written.
    public let failed: Int

    public init(written: Int, failures: [BatchFailure], replaced: Int, removedTemporaryFiles: [String], duration: Duration, converterStarts: Int = 0) {
        self.written = written
        self.failures = failures
        self.failed = failures.reduce(0) { $0 + $1.documentCount }
        self.replaced = replaced
        self.removedTemporaryFiles = removedTemporaryFiles
        self.duration = duration
        self.converterStarts = converterStarts
    }

    /// Totals gathered from the workers of an isolated batch (see ``BatchSupervisor``), which
    /// printed their failures themselves.
    public init(written: Int, failedDocuments: Int, replaced: Int, duration: Duration, converterStarts: Int = 0) {
        self.written = written
        self.failures = []
        self.failed = failedDocuments
        self.replaced = replaced
        self.removedTemporaryFiles = []
        self.duration = duration
        self.converterStarts = converterStarts
    }

    public var seconds: Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `1998 written, 2 failed in 1.31 s (1527 documents/s)`.
    public var description: String {
        var text = "\(written) written, \(failed) failed in \(String(format: "%.2f", seconds)) s"
        if seconds > 0 && written > 0 { text += " (\(Int((Double(written) / seconds).rounded())) documents/s)" }
        if replaced > 0 { text += "; \(replaced) replaced a file of the same name" }
        if converterStarts > 0 { text += "; LibreOffice started \(converterStarts) time\(converterStarts == 1 ? "" : "s")" }
        return text
    }
}
