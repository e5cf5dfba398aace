import Foundation
@testable import Formwright
import TestSupport
import Testing
import ZipSupport

/// A batch killed with SIGKILL half-way leaves only complete documents; every path it printed
/// names one of them (a path is printed only after its file is complete, and straight away:
/// nothing printed sits in a buffer that dies with the process); its temporary files are
/// hidden, never named like a document, and removed by the next batch into the folder.
@Suite struct InterruptedBatchTests {
    @Test func killedBatchLeavesOnlyCompleteDocuments() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let items = (1...40).map { "\"item \($0)\"" }.joined(separator: ", ")
        let lines = (1...3000).map { #"{"case": {"code": "K\#($0)"}, "child": {"name": "Child \#($0)", "age": 9}, "items": [\#(items)]}"# }
        try t.write("big.ndjson", lines.joined(separator: "\n"))

        let process = Process()
        process.executableURL = TestSupport.formwrightExecutable
        process.arguments = ["render", t.templateDirectory.path, "--data", "big.ndjson", "--locale", "all", "--format", "both",
                             "--out-dir", "out", "--jobs", "2"]
        process.currentDirectoryURL = t.root
        let standardOutput = Pipe()
        process.standardOutput = standardOutput
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = t.root.appendingPathComponent("out")
        func documents() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { !$0.hasPrefix(".") }
        }
        // Kill it once it is well into writing (30 000 documents: far from done).
        while process.isRunning && documents().count < 60 { usleep(10_000) }
        let pid = process.processIdentifier
        kill(pid, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the batch finished before it could be interrupted")
        // The pipe holds what was printed before the kill (a few kilobytes: far below its buffer).
        let printedText = String(decoding: standardOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let written = names.filter { !$0.hasPrefix(".") }
        #expect(written.count >= 60)
        #expect(written.count < 30_000)
        for name in written {
            #expect(name.hasSuffix(".odt") || name.hasSuffix(".docx"), "\(name)")
            let entries = try ZipReader.entries(of: Array(try Data(contentsOf: out.appendingPathComponent(name))))
            let main = name.hasSuffix(".odt") ? "content.xml" : "word/document.xml"
            let part = try #require(entries.first { $0.path == main }, "\(name) lacks \(main)")
            #expect(String(decoding: part.data, as: UTF8.self).contains("item 40"), "\(name) is incomplete")
        }
        // Every printed line is a whole path of a complete document; at most one document per
        // worker thread was complete but not yet printed when the process died (a worker
        // waits for its supervisor to print each path before it goes on).
        #expect(printedText.isEmpty || printedText.hasSuffix("\n"), "a printed path was cut: \(printedText.suffix(80))")
        let printed = printedText.split(separator: "\n").map(String.init)
        #expect(printed.count >= 58, "only \(printed.count) paths printed for \(written.count) documents")
        #expect(Set(printed).count == printed.count, "a path was printed twice")
        for path in printed {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : t.root.appendingPathComponent(path)
            #expect(url.deletingLastPathComponent().standardizedFileURL.path == out.standardizedFileURL.path, "\(path)")
            #expect(written.contains(url.lastPathComponent), "printed \(path), which is not a complete document in out/")
        }
        #expect(written.count - printed.count <= 2, "\(written.count) documents but \(printed.count) printed paths")
        // Left by the batch's worker process, which died with its supervisor.
        for name in names where name.hasPrefix(".") {
            let writer = try #require(AtomicFile.writerProcess(ofTemporaryFile: name), "unexpected file \(name)")
            #expect(writer != pid && !AtomicFile.isRunning(writer), "\(name): its writer is still running")
        }
        let leftovers = names.filter { $0.hasPrefix(".") }.count

        // The next batch into the folder removes what the killed one left.
        try t.write("one.json", #"{"case": {"code": "ONE"}}"#)
        let next = try t.render(["--data", "one.json", "--locale", "en", "--locale", "it", "--out-dir", "out"])
        #expect(next.status == 0, "\(next.stderr)")
        if leftovers > 0 {
            #expect(next.stderr.contains("removed \(leftovers) temporary file(s) left by an interrupted run"), "\(next.stderr)")
        }
        let after = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(after.filter { $0.hasPrefix(".") }.isEmpty, "\(after.filter { $0.hasPrefix(".") })")
    }
}
