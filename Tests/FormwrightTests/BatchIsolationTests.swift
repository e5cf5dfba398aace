import Foundation
@testable import Formwright
import TestSupport
import Testing
import ZipSupport

/// A record that stops the batch's process with a signal fails alone: the batch runs in a
/// worker process, and its supervisor renders the rest without that record. The crashes are
/// made with the debug builds' `FORMWRIGHT_DEBUG_TRAP` switch, since no input is known to
/// crash Formwright (each class found was fixed at its root, see HostileInputTests).
@Suite struct BatchIsolationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let trap: String
        let jobs: Int
        /// Records (from 1) that must fail, with the signal and phase named in the error.
        let failing: [(record: Int, signal: String, phase: String)]
        var testDescription: String { "\(trap) with --jobs \(jobs)" }
    }

    static let cases: [Case] = [
        Case(trap: "render:3", jobs: 1, failing: [(3, "SIGILL", "rendering")]),
        Case(trap: "render:3", jobs: 2, failing: [(3, "SIGILL", "rendering")]),
        Case(trap: "load:2", jobs: 2, failing: [(2, "SIGSEGV", "loading")]),
        Case(trap: "render:1,render:2,load:7", jobs: 2, failing: [(1, "SIGILL", "rendering"), (2, "SIGILL", "rendering"), (7, "SIGSEGV", "loading")]),
        Case(trap: "render:8", jobs: 3, failing: [(8, "SIGILL", "rendering")]),
    ]

    @Test(arguments: cases)
    func aCrashingRecordFailsAloneAndTheOthersAreWritten(_ c: Case) throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let lines = (1...8).map { #"{"case": {"code": "K\#($0)"}, "child": {"name": "Child \#($0)", "age": 9}}"# }
        try t.write("cases.ndjson", lines.joined(separator: "\n"))
        let result = try TestSupport.run(
            TestSupport.formwrightExecutable,
            ["render", t.templateDirectory.path, "--data", "cases.ndjson", "--locale", "en", "--locale", "bg",
             "--out-dir", "out", "--jobs", "\(c.jobs)"],
            currentDirectory: t.root, environment: ["FORMWRIGHT_DEBUG_TRAP": c.trap])

        #expect(result.status == 1, "\(result.stderr)")
        let failing = Set(c.failing.map(\.record))
        for (record, signal, phase) in c.failing {
            #expect(result.stderr.contains("error: cases.ndjson:\(record): not rendered\nFormwright stopped with \(signal) while \(phase) this record"),
                    "\(result.stderr)")
        }
        let files = t.files(in: "out")
        #expect(files.filter { $0.hasPrefix(".") }.isEmpty, "temporary files left: \(files)")
        let expected = (1...8).filter { !failing.contains($0) }.flatMap { ["cases-\($0)-en.odt", "cases-\($0)-bg.odt"] }
        #expect(files == expected.sorted())
        for name in files {
            let entries = try ZipReader.entries(of: Array(try Data(contentsOf: t.root.appendingPathComponent("out/\(name)"))))
            let content = try #require(entries.first { $0.path == "content.xml" })
            let record = name.split(separator: "-")[1]
            #expect(String(decoding: content.data, as: UTF8.self).contains("Child \(record)"), "\(name)")
        }
        // Every written path printed once; one summary with every document counted.
        #expect(result.stdout.split(separator: "\n").sorted() == expected.map { "out/\($0)" }.sorted())
        #expect(result.stderr.contains("\(expected.count) written, \(failing.count * 2) failed in"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: " written, ").count == 2, "one summary line: \(result.stderr)")
    }

    @Test func withoutIsolationACrashStopsTheBatch() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        try t.write("cases.ndjson", (1...4).map { #"{"case": {"code": "K\#($0)"}}"# }.joined(separator: "\n"))
        let result = try TestSupport.run(
            TestSupport.formwrightExecutable,
            ["render", t.templateDirectory.path, "--data", "cases.ndjson", "--locale", "en", "--out-dir", "out", "--jobs", "1", "--no-isolation"],
            currentDirectory: t.root, environment: ["FORMWRIGHT_DEBUG_TRAP": "render:2"])
        // What isolation prevents: the process dies by the signal and record 3 and 4 are never written.
        #expect(result.status != 0 && result.status != 1)
        #expect(!t.files(in: "out").contains("cases-4-en.odt"))
    }

    @Test func aUsageErrorIsPrintedOnceWithTheWorkersStatus() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        try t.write("cases.ndjson", #"{"case": {"code": "K1"}}"#)
        let result = try t.render(["--data", "cases.ndjson", "--locale", "xx", "--out-dir", "out"])
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "unknown locale 'xx'").count == 2, "\(result.stderr)")
        #expect(!result.stderr.contains("written,"), "no summary for a batch that never started: \(result.stderr)")
    }

    static let rangeCases: [(Set<Int>, String)] = [
        ([], ""), ([0], "0"), ([0, 1, 2, 5, 7, 8], "0-2,5,7-8"), ([3, 1], "1,3"), (Set(0..<10_000), "0-9999"),
    ]

    @Test(arguments: rangeCases)
    func recordSetsTravelAsRanges(_ set: Set<Int>, _ text: String) throws {
        #expect(BatchWorkerPlan.ranges(set) == text)
        #expect(BatchWorkerPlan.parseRanges(text) == set)
        let plan = BatchWorkerPlan(reportDescriptor: 3, planOnly: set, skip: [42], isRerun: true, written: [42: set, 7: [1]])
        #expect(BatchWorkerPlan(environmentValue: plan.environmentValue) == plan)
    }

    @Test(arguments: ["", "fd=2 rerun=0 plan= skip=", "fd=3 plan=5-1 skip=", "fd=3 plan=a skip=", "fd=x plan= skip=", "fd=3 plan=0-999999999 skip="])
    func malformedPlansAreIgnored(_ text: String) {
        #expect(BatchWorkerPlan(environmentValue: text) == nil)
    }

    @Test(arguments: [
        BatchWorkerReport.batch(records: 12, documentsPerRecord: 4), .loading(7, location: "cases.ndjson:8"), .loaded(3, failed: true),
        .loaded(3, failed: false), .rendering(9), .rendered(9), .written(record: 4, slot: 1, replacing: true, path: "out/a b.odt"),
        .written(record: 0, slot: 0, replacing: false, path: "x\\y\u{1}.docx"), .written(record: nil, slot: nil, replacing: false, path: "out/ü.pdf"),
        .failed(documents: 2, description: "error: a.ndjson:3: not rendered\nline two \\u{41}\t"), .warning("font\r\nX"), .converterStarts(1),
    ])
    func reportsRoundTrip(_ report: BatchWorkerReport) {
        #expect(BatchWorkerReport(line: Substring(report.line)) == report)
    }

    @Test func aLocationIsOneLineInTheReport() {
        let report = BatchWorkerReport.loading(1, location: "evil\nS 1 2\u{1B}[31m.ndjson:2")
        #expect(!report.line.contains("\n") && !report.line.contains("\u{1B}"))
    }
}
