import Foundation
import Formwright
import Localization
import TemplateData
import TestSupport
import Synchronization
import Testing
import ZipSupport

/// Batches: several data files, record files, locales and formats; output names; partial
/// failure; progress and summary.
@Suite struct BatchTests {
    // MARK: Output names

    @Test(arguments: [
        ("../../etc/passwd", "_._.._etc_passwd"),
        ("a/b\\c", "a_b_c"),
        ("..", "__"),
        (".hidden", "_hidden"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("tab\there\u{0}nul", "tab_here_nul"),
        ("what?<>:\"|*", "what_______"),
        ("trailing. ", "trailing._"),
        ("", "_"),
        ("Ștefănescu Иванова", "Ștefănescu Иванова"),
    ])
    func sanitizeMakesOneSafeFileName(text: String, expected: String) {
        let safe = OutputNaming.sanitize(text)
        #expect(safe == expected)
        #expect(!safe.contains("/") && safe != "." && safe != ".." && !safe.hasPrefix("."))
    }

    @Test func sanitizeKeepsLongNamesUnder200BytesWithTheirExtension() {
        let name = OutputNaming.sanitize(String(repeating: "ж", count: 300) + ".odt")
        #expect(name.utf8.count <= 200)
        #expect(name.hasSuffix(".odt"))
    }

    static let data: Value = ["case": ["code": "BG/../14"], "child": ["age": 9]]

    func name(_ pattern: String, _ format: OutputFormat = .odt, data: Value = BatchTests.data) throws -> String {
        try OutputNaming(pattern: pattern).name(
            for: data, context: .init(locale: .bg, format: format, index: 7, file: "cases", template: "t"))
    }

    @Test func namesComeFromDataAndContextAndFollowTheFormat() throws {
        #expect(try name("{case.code}-{locale}.odt") == "BG_.._14-bg.odt")
        #expect(try name("{case.code}-{locale}.odt", .docx) == "BG_.._14-bg.docx")
        #expect(try name("{file}-{index}-{child.age}") == "cases-7-9.odt")
        #expect(try name("{template}/{locale}/{ case.code }.{format}", .docx) == "t/bg/BG_.._14.docx")
        #expect(try name("{{x}}-{index}") == "{x}-7.odt")
    }

    @Test func aMissingOrNonTextValueInANameIsAnErrorNamingThePlaceholder() throws {
        let missing = try #require(throws: FormwrightError.self) { try name("{child.name}") }
        #expect(missing.description.contains("{child.name} has no value"))
        let object = try #require(throws: FormwrightError.self) { try name("{case}") }
        #expect(object.description.contains("a list or an object"))
    }

    @Test(arguments: ["", "{", "}", "{}", "../{index}", "a/../{index}", "/abs/{index}", "{a{b}}"])
    func badPatternsAreRefused(pattern: String) {
        #expect(throws: FormwrightError.self) { try OutputNaming(pattern: pattern) }
    }

    // MARK: Progress and temporary files

    @Test func staleTemporaryFilesOfDeadProcessesAreRemovedOthersKept() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ownPID = ProcessInfo.processInfo.processIdentifier
        // A pid above the kernel's pid_max cannot be a running process.
        let names = [".a.odt.99999999.0A1B2C3D.tmp", ".b.docx.\(ownPID).DEADBEEF.tmp", "c.odt", ".notes.tmp", ".x.1.nothex!!.tmp"]
        for name in names { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        #expect(AtomicFile.writerProcess(ofTemporaryFile: names[0]) == 99_999_999)
        #expect(AtomicFile.writerProcess(ofTemporaryFile: "c.odt") == nil)
        let removed = AtomicFile.removeStaleTemporaryFiles(in: dir)
        #expect(removed == [names[0]])
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == names.dropFirst().sorted())
    }

    // MARK: The render command

    @Test func severalDataFilesEveryLocaleBothFormatsAllOpenAndValidate() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let a = try t.write("a.json", #"{"case": {"code": "BG-1"}, "child": {"name": "Ana", "age": 9}, "items": ["x", "y"]}"#)
        let b = try t.write("b.yaml", "case:\n  code: RO-2\nchild:\n  name: Ion\n")
        let r = try t.render(["--data", a, b, "--locale", "all", "--format", "both", "--out-dir", "out"])
        #expect(r.status == 0, "\(r.stderr)")
        let expected = ["a", "b"].flatMap { file in
            LocaleID.supported.flatMap { ["\(file)-\($0.identifier).docx", "\(file)-\($0.identifier).odt"] }
        }.sorted()
        #expect(t.files(in: "out") == expected)
        #expect(r.stdout.split(separator: "\n").count == expected.count)
        #expect(r.stderr.contains("\(expected.count) written, 0 failed in "), "\(r.stderr)")
        #expect(!r.stderr.contains("\r"), "no progress bar when standard error is not a terminal")
        let out = t.root.appendingPathComponent("out")
        for file in expected {
            let entries = try ZipReader.entries(of: Array(try Data(contentsOf: out.appendingPathComponent(file))))
            #expect(entries.count > 3)
        }
        let odt = try TestSupport.runSharedTool("validate-odt", ["--strict"] + expected.filter { $0.hasSuffix(".odt") }.map { out.appendingPathComponent($0).path })
        #expect(odt.status == 0, "\(odt.output)")
        let docx = try TestSupport.runSharedTool("validate-docx", ["--strict"] + expected.filter { $0.hasSuffix(".docx") }.map { out.appendingPathComponent($0).path })
        #expect(docx.status == 0, "\(docx.output)")
    }

    @Test func aFailingNDJSONRecordIsLocatedAndTheOthersAreWritten() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let records = try t.write("cases.ndjson", """
            {"case": {"code": "BG-1"}}
            {"case": {"code": "BG-2"}}

            {"case": {"code": 3}}
            {"case": {"code": "BG-4"}
            {"case": {"code": "BG-5"}}
            """)
        let r = try t.render(["--data", records, "--locale", "bg", "--out-dir", "out", "--name", "{case.code}"])
        #expect(r.status == 1)
        #expect(t.files(in: "out") == ["BG-1.odt", "BG-2.odt", "BG-5.odt"])
        #expect(r.stderr.contains("error: cases.ndjson:4: not rendered"), "\(r.stderr)")
        #expect(r.stderr.contains("cases.ndjson:4:19: error: /case/code: expected a string"), "\(r.stderr)")
        #expect(r.stderr.contains("error: cases.ndjson:5: not rendered"), "\(r.stderr)")
        #expect(r.stderr.contains("3 written, 2 failed in "), "\(r.stderr)")
    }

    @Test func csvRecordsAreTypedByTheSchemaAndNamedFromData() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let csv = try t.write("district.csv", "case.code,child.name,child.age\nBG-1,\"Ionescu, Ana\",9\nBG-2,Ion,ten\nBG-3,Maria,11\n")
        let r = try t.render(["--data", csv, "--locale", "ro", "--format", "docx", "--out-dir", "out", "--name", "{case.code}-{locale}.odt"])
        #expect(r.status == 1)
        #expect(t.files(in: "out") == ["BG-1-ro.docx", "BG-3-ro.docx"])
        #expect(r.stderr.contains("district.csv:3:10: error: /child/age: expected a whole number"), "\(r.stderr)")
        let entries = try ZipReader.entries(of: Array(try Data(contentsOf: t.root.appendingPathComponent("out/BG-1-ro.docx"))))
        let document = String(decoding: try #require(entries.first { $0.path == "word/document.xml" }).data, as: UTF8.self)
        #expect(document.contains("Ionescu, Ana (9)"))
    }

    @Test func dataDirRendersEveryDataFileInTheFolder() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        try t.write("in/one.json", #"{"case": {"code": "A"}}"#)
        try t.write("in/two.yml", "case: {code: B}\n")
        try t.write("in/more.csv", "case.code\nC\nD\n")
        try t.write("in/notes.txt", "not data")
        try t.write("in/.hidden.json", "{")
        let r = try t.render(["--data-dir", "in", "--locale", "it", "--out-dir", "out", "--name", "{case.code}"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(t.files(in: "out") == ["A.odt", "B.odt", "C.odt", "D.odt"])
    }

    @Test func aNameUsedTwiceIsReportedAndNeverOverwritten() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let records = try t.write("r.ndjson", """
            {"case": {"code": "SAME"}, "child": {"name": "first"}}
            {"case": {"code": "same"}, "child": {"name": "second"}}
            {"case": {"code": "OTHER"}}
            """)
        let r = try t.render(["--data", records, "--locale", "en", "--format", "docx", "--out-dir", "out", "--name", "{case.code}"])
        #expect(r.status == 1)
        #expect(t.files(in: "out") == ["OTHER.docx", "SAME.docx"])
        #expect(r.stderr.contains("error: r.ndjson:2: not rendered (same.docx)"), "\(r.stderr)")
        #expect(r.stderr.contains("already the name of r.ndjson:1's document"), "\(r.stderr)")
        let entries = try ZipReader.entries(of: Array(try Data(contentsOf: t.root.appendingPathComponent("out/SAME.docx"))))
        let text = String(decoding: try #require(entries.first { $0.path == "word/document.xml" }).data, as: UTF8.self)
        #expect(text.contains("first") && !text.contains("second"))
    }

    @Test func namesFromHostileDataStayInTheOutputFolder() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let records = try t.write("r.ndjson", """
            {"case": {"code": "../../escaped"}}
            {"case": {"code": "/etc/passwd"}}
            {"case": {"code": ".."}}
            {"case": {"code": "a\\u0000b\\nc"}}
            """)
        let r = try t.render(["--data", records, "--locale", "en", "--out-dir", "out", "--name", "{case.code}"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(t.files(in: "out") == ["_._.._escaped.odt", "__.odt", "_etc_passwd.odt", "a_b_c.odt"])
        let outside = try FileManager.default.contentsOfDirectory(atPath: t.root.path).sorted()
        #expect(outside == ["locales", "out", "r.ndjson", "templates"])
    }

    @Test func parallelAndSerialBatchesWriteTheSameBytes() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let lines = (1...24).map { #"{"case": {"code": "C\#($0)"}, "items": [\#($0), "x"]}"# }.joined(separator: "\n")
        let records = try t.write("r.jsonl", lines)
        for (jobs, folder) in [("1", "serial"), ("3", "parallel")] {
            let r = try t.render(["--data", records, "--locale", "bg", "--locale", "ro", "--out-dir", folder, "--jobs", jobs])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let serial = t.files(in: "serial")
        #expect(serial.count == 48)
        #expect(serial == t.files(in: "parallel"))
        for file in serial {
            let a = try Data(contentsOf: t.root.appendingPathComponent("serial/\(file)"))
            let b = try Data(contentsOf: t.root.appendingPathComponent("parallel/\(file)"))
            #expect(a == b, "\(file) differs")
        }
    }

    @Test func rerunningReplacesEarlierOutputAndSaysSo() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let a = try t.write("a.json", #"{"case": {"code": "A"}}"#)
        _ = try t.render(["--data", a, "--locale", "en", "--locale", "it", "--out-dir", "out"])
        let again = try t.render(["--data", a, "--locale", "en", "--locale", "it", "--out-dir", "out"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("2 written, 0 failed"), "\(again.stderr)")
        #expect(again.stderr.contains("2 replaced a file of the same name"), "\(again.stderr)")
    }

    @Test(arguments: [
        (["--locale", "bg", "--locale", "xx"], "unknown locale 'xx'"),
        (["--locale", "bg", "--format", "xls", "--format", "odt"], "unknown format 'xls'; use odt, docx, both, pdf, pdfa or png"),
        (["--locale", "bg", "--format", "odt,pdfa", "--pdfa-level", "4u"], "--pdfa-level 4u: use 1b, 2b or 3b"),
        (["--locale", "all", "-o", "one-file.odt"], "-o names one file, but this render makes several documents"),
        (["--locale", "bg", "--format", "both", "--jobs", "0"], "--jobs must be a positive number"),
        (["--format", "both"], "missing --locale"),
    ])
    func batchUsageErrorsWriteNothing(arguments: [String], message: String) throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let a = try t.write("a.json", #"{"case": {"code": "A"}}"#)
        let r = try t.render(["--data", a] + arguments)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(t.files(in: ".").filter { $0.hasSuffix(".odt") || $0.hasSuffix(".docx") }.isEmpty)
    }

    @Test func oneDataFileInSeveralLocalesUsesTheSingleRenderNames() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let a = try t.write("a.json", #"{"case": {"code": "A"}}"#)
        let r = try t.render(["--data", a, "--locale", "bg", "--locale", "it", "-o", "out/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(t.files(in: "out") == ["t-bg.odt", "t-it.odt"])
    }

    @Test func renderHelpDescribesBatchesAndLimits() throws {
        let r = try TestSupport.formwright(["render", "--help"])
        for text in ["--data-dir", "--out-dir", "--name", "--jobs", "--max-data-size", "--max-depth", "--max-loop-iterations",
                     "--max-output-size", "--max-template-size", "Examples:", "{case.code}",
                     "pdfa", "--pdfa-level", "--pdf-from", "--dpi", "--pages", "--soffice", "--convert-timeout", "--convert-restart-after"] {
            #expect(r.stdout.contains(text), "help lacks \(text)")
        }
        let demo = try TestSupport.formwright(["demo", "--help"])
        for text in ["--format", "pdfa", "--dpi", "--soffice"] { #expect(demo.stdout.contains(text), "demo help lacks \(text)") }
    }

    // MARK: The library

    @Test func batchRendererSharesOneCompiledTemplatePerLocale() throws {
        let t = try ScratchTemplate()
        defer { t.remove() }
        let package = try TemplatePackage(directory: t.templateDirectory)
        let catalogs = try Workspace.loadCatalogs(t.root.appendingPathComponent("locales"))
        let out = t.root.appendingPathComponent("lib-out")
        let batch = try BatchRenderer(
            package: package, catalogs: catalogs, locales: [.bg, .it], formats: [.odt, .docx],
            naming: try OutputNaming(pattern: "{case.code}-{locale}"), outputDirectory: out)
        #expect(batch.renderers.map(\.compiled.locale) == [.bg, .it])
        let file = try t.write("r.csv", "case.code\nK1\nK2\nK3\n")
        let (records, failures) = BatchRecord.collect(files: [URL(fileURLWithPath: file)], limits: DataLimits())
        #expect(failures.isEmpty)
        #expect(records.map(\.index) == [1, 2, 3])
        #expect(records[2].location.hasSuffix("r.csv:4"))
        let events = EventLog()
        let summary = batch.run(records, jobs: 2) { events.append($0) }
        #expect(summary.written == 12)
        #expect(summary.failed == 0)
        #expect(events.count == 12)
        #expect(batch.documentCount(records: 3) == 12)
    }
}

/// Collects batch events from the worker threads.
final class EventLog: Sendable {
    private let events = Mutex<[BatchRenderer.Event]>([])
    func append(_ event: BatchRenderer.Event) { events.withLock { $0.append(event) } }
    var count: Int { events.withLock { $0.count } }
}
