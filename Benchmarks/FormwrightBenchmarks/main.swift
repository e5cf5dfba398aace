// Formwright benchmarks. Run in release, from the repository root:
//
//   swift run -c release formwright-bench [NAME ...] [--count N]
//
// Each benchmark prints one line: name, iterations, time per operation. The document
// benchmarks (w1-*, w2-*) render the workloads of ../shared/bench with the templates in
// Benchmarks/templates, the way the peers were measured: the template compiled once, then per
// document parse the JSON bytes (already in memory), validate, render and build the zipped
// package in memory; the median over the documents after a warm-up. `--count N` renders
// exactly N documents and prints nothing else (for a profiler: valgrind --tool=callgrind).
// Figures and the machine they were measured on are in docs/PERFORMANCE.md. Speed targets
// live here, never in timed unit tests.
import Foundation
import Formwright
import Localization
import Synchronization
import TemplateData

struct Benchmark {
    let name: String
    let summary: String
    let run: () -> Void
}

/// Runs `body` repeatedly for at least `minimum` seconds (after a warm-up) and returns the
/// median of five timed batches, in nanoseconds per call.
func measure(iterations: Int, _ body: () -> Void) -> Double {
    for _ in 0..<min(iterations, 1000) { body() }
    var samples: [Double] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { body() }
        let end = DispatchTime.now().uptimeNanoseconds
        samples.append(Double(end - start) / Double(iterations))
    }
    return samples.sorted()[2]
}

func report(_ name: String, _ nanoseconds: Double, iterations: Int) {
    let per = nanoseconds >= 1_000_000 ? String(format: "%.2f ms", nanoseconds / 1_000_000)
        : nanoseconds >= 1_000 ? String(format: "%.3f µs", nanoseconds / 1_000) : String(format: "%.0f ns", nanoseconds)
    print("\(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(iterations).padding(toLength: 9, withPad: " ", startingAt: 0)) \(per) per op")
}

/// Formatting an already-parsed message with two arguments, one of them a plural.
let messageBenchmark = Benchmark(name: "message-format", summary: "ICU message, 2 arguments, 1 plural (ro)") {
    let message = try! MessageFormat("{name} are {count, plural, one {# copil} few {# copii} other {# de copii}} în grijă.")
    let counts: [Decimal] = [1, 3, 20, 101]
    var i = 0
    var sink = 0
    let iterations = 200_000
    let ns = measure(iterations: iterations) {
        let text = try! message.format(["name": .string("Ana"), "count": .number(counts[i & 3])], locale: .ro)
        sink &+= text.utf8.count
        i &+= 1
    }
    report("message-format", ns, iterations: iterations)
    // The same with the argument dictionaries built beforehand: the formatter's own cost.
    let prebuilt: [[String: MessageValue]] = counts.map { ["name": .string("Ana"), "count": .number($0)] }
    let formatOnly = measure(iterations: iterations) {
        let text = try! message.format(prebuilt[i & 3], locale: .ro)
        sink &+= text.utf8.count
        i &+= 1
    }
    report("  without building args", formatOnly, iterations: iterations)
    if sink == 42 { print("") }  // keeps the work observable
}

/// Where the benchmark templates and workloads are: the repository root at or above the
/// current folder (it has Benchmarks/templates) and ../shared/bench next to it.
let repositoryRoot: URL = {
    var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Benchmarks/templates").path) {
        let parent = directory.deletingLastPathComponent()
        if parent.path == directory.path {
            FileHandle.standardError.write(Data("run formwright-bench from the Formwright repository\n".utf8))
            exit(2)
        }
        directory = parent
    }
    return directory
}()

/// The benchmark templates and the bundled catalogs, through the same entry point as the CLI.
let benchmarkLibrary = TemplateLibrary(project: Project(
    templates: repositoryRoot.appendingPathComponent("Benchmarks/templates"), locales: repositoryRoot.appendingPathComponent("locales")))

/// `--count N`: render exactly N documents, no warm-up, no report (for profiling).
nonisolated(unsafe) var fixedCount: Int?

/// Renders one workload: compile once, then per document load + validate + render + package.
func documentBenchmark(_ name: String, template: String, data: String, format: OutputFormat, documents: Int) -> Benchmark {
    Benchmark(name: name, summary: "\(template) with \(data), \(format.rawValue), median of \(documents) documents") {
        do {
            // Compiled once by the first render, then taken from the library's cache.
            _ = try benchmarkLibrary.compile(template, locale: .en)
            let original = try String(contentsOf: repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/\(data)"), encoding: .utf8)
            // Every document, warm-up included, gets data no other document has (its case code
            // and first name), so no cache of a compressed part can stand in for rendering and
            // deflating it. The variants are made before the clock starts.
            let total = fixedCount ?? (max(3, documents / 10) + documents)
            let variants: [[UInt8]] = (0..<total).map { i in
                Array(original.replacingOccurrences(of: "\"case_code\": \"", with: "\"case_code\": \"V\(i)-")
                    .replacingOccurrences(of: "\"first_name\": \"", with: "\"first_name\": \"N\(i) ").utf8)
            }
            var next = 0
            func renderOne() throws -> Int {
                let bytes = variants[next]
                next += 1
                return try benchmarkLibrary.render(
                    template, data: .bytes(Data(bytes), format: .json, name: data), locale: .en, format: .package(format)).bytes.count
            }
            if let fixedCount {
                var sink = 0
                for _ in 0..<fixedCount { sink &+= try renderOne() }
                if sink == 42 { print("") }
                return
            }
            var size = 0
            for _ in 0..<max(3, documents / 10) { size = try renderOne() }
            var samples: [Double] = []
            for _ in 0..<documents {
                let start = DispatchTime.now().uptimeNanoseconds
                size = try renderOne()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start))
            }
            let median = samples.sorted()[samples.count / 2]
            let perSecond = 1e9 / median
            print("\(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(documents).padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%.3f ms", median / 1e6)) per doc, \(String(format: "%.0f", perSecond)) docs/s, \(size) bytes")
        } catch {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            exit(1)
        }
    }
}


/// PDF through LibreOffice: 200 W1 documents (case_code varied) rendered to ODT, then
/// converted by one print queue with 1 and 2 converter processes, next to one
/// `soffice --convert-to pdf` start per document (measured on `baselineDocuments` of them, in
/// one warm profile, which favours the baseline). Wall-clock documents per second.
func pdfBatchBenchmark(documents: Int, baselineDocuments: Int) -> Benchmark {
    Benchmark(name: "w1-pdf-batch", summary: "\(documents) W1 documents to PDF: a batch with --jobs 1 and 2, and one soffice start per document") {
        do {
            let bytes = Array(try Data(contentsOf: repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/w1-consent.json")))
            guard case .object(var fields) = try DataLoader().load(bytes, path: "w1-consent.json").value else { throw FormwrightError(.data, "W1 is not an object") }
            var packages: [[UInt8]] = []
            for i in 0..<documents {
                fields["case_code"] = .string(String(format: "CP-2024-%05d", i))
                packages.append(try benchmarkLibrary.render("w1-consent", data: .value(.object(fields)), locale: .en, format: .package(.odt)).bytes)
            }
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-bench-pdf-\(getpid())")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: out) }

            func line(_ label: String, _ count: Int, _ seconds: Double, _ extra: String = "") {
                print("\(label.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(count).padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%.2f s", seconds)), \(String(format: "%.1f", Double(count) / seconds)) docs/s\(extra)")
            }
            var batchRates: [Int: Double] = [:]
            for jobs in [1, 2] {
                var settings = PrintSettings()
                settings.converterJobs = jobs
                settings.restartAfter = documents
                let queue = try PrintQueue(settings: settings)
                for (i, bytes) in packages.enumerated() {
                    try queue.stage(bytes, format: .odt, targets: [.pdf: out.appendingPathComponent("b\(jobs)-\(i).pdf")], tag: i)
                }
                let failures = Atomic<Int>(0)
                let start = DispatchTime.now().uptimeNanoseconds
                let starts = queue.run { event in if case .failed = event { failures.add(1, ordering: .relaxed) } }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                batchRates[jobs] = Double(documents) / seconds
                line("  batch, jobs \(jobs)", documents, seconds, ", \(starts) LibreOffice start(s), \(failures.load(ordering: .relaxed)) failed")
            }

            // The baseline: what a script calling soffice once per document does.
            guard let soffice = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
                .map({ "\($0)/soffice" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
                throw FormwrightError(.usage, "soffice is not on PATH")
            }
            let profile = out.appendingPathComponent("baseline-profile")
            func convertAlone(_ i: Int) throws {
                let source = out.appendingPathComponent("one-\(i).odt")
                try Data(packages[i]).write(to: source)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: soffice)
                process.arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore", "--nologo",
                                     "--convert-to", "pdf", "--outdir", out.path, source.path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                guard FileManager.default.fileExists(atPath: out.appendingPathComponent("one-\(i).pdf").path) else {
                    throw FormwrightError(.io, "soffice wrote no PDF for document \(i)")
                }
            }
            try convertAlone(0)  // makes the profile, so the timed starts are warm
            let start = DispatchTime.now().uptimeNanoseconds
            for i in 1...baselineDocuments { try convertAlone(i) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let rate = Double(baselineDocuments) / seconds
            line("  one soffice per document", baselineDocuments, seconds)
            print("  speed-up: jobs 1 \(String(format: "%.1f", batchRates[1]! / rate))×, jobs 2 \(String(format: "%.1f", batchRates[2]! / rate))× (target ≥ 5×)")
        } catch {
            FileHandle.standardError.write(Data("w1-pdf-batch: \(error)\n".utf8))
            exit(1)
        }
    }
}

var benchmarks = [messageBenchmark]
for format in OutputFormat.allCases {
    benchmarks.append(documentBenchmark("w1-\(format.rawValue)", template: "w1-consent", data: "w1-consent.json", format: format, documents: 2000))
}
for (rows, documents) in [(100, 200), (1000, 50), (10000, 7)] {
    for format in OutputFormat.allCases {
        benchmarks.append(documentBenchmark("w2-\(rows)-\(format.rawValue)", template: "w2-case-plan", data: "w2-\(rows).json", format: format, documents: documents))
    }
}

// The same workloads as Word templates (Benchmarks/templates/*-docx, made by
// make-office-workloads): the office-template front end, compile once, render many.
benchmarks.append(documentBenchmark("w1-docx-template", template: "w1-consent-docx", data: "w1-consent.json", format: .docx, documents: 2000))
for (rows, documents) in [(100, 200), (1000, 50), (10000, 7)] {
    benchmarks.append(documentBenchmark("w2-\(rows)-docx-template", template: "w2-case-plan-docx", data: "w2-\(rows).json", format: .docx, documents: documents))
}
// Needs LibreOffice and minutes, so only when named.
let pdfBenchmark = pdfBatchBenchmark(documents: 200, baselineDocuments: 20)

var arguments = Array(CommandLine.arguments.dropFirst())
if let flag = arguments.firstIndex(of: "--count"), flag + 1 < arguments.count, let count = Int(arguments[flag + 1]) {
    fixedCount = count
    arguments.removeSubrange(flag...(flag + 1))
}
let wanted = Set(arguments)
if wanted.contains("--help") || wanted.contains("-h") {
    print("usage: formwright-bench [NAME ...]\n")
    for b in benchmarks + [pdfBenchmark] { print("  \(b.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(b.summary)") }
    print("\n  --count N            render exactly N documents, print nothing (for profiling)")
    exit(0)
}
let unknown = wanted.subtracting((benchmarks + [pdfBenchmark]).map(\.name))
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("unknown benchmark(s): \(unknown.sorted().joined(separator: ", "))\n".utf8))
    exit(2)
}
#if DEBUG
FileHandle.standardError.write(Data("warning: debug build; run with `swift run -c release formwright-bench`\n".utf8))
#endif
for benchmark in benchmarks where wanted.isEmpty || wanted.contains(benchmark.name) {
    benchmark.run()
}
if wanted.contains(pdfBenchmark.name) { pdfBenchmark.run() }
