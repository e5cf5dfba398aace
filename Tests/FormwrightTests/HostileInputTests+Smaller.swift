import Foundation
import TestSupport
import Testing
import ZipSupport

/// The smaller findings of the hostile-input probe: flags without bounds, output names that
/// do not say the format, lenient dates, line breaks written differently per format, a full disk.
extension HostileInputTests {
    @Test(arguments: ["x.txt", "document", "out/x.odt.bak", "x.doc"])
    func anOutputFileThatDoesNotNameTheFormatIsRefused(output: String) throws {
        let t = try scratch()
        defer { t.remove() }
        let r = try t.render(["--data", "ok.json", "--locale", "en", "-o", output])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("-o \(output): "), "\(r.stderr)")
        #expect(r.stderr.contains("name the output file .odt, .docx, .pdf or .png"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.root.appendingPathComponent(output).path))
    }

    @Test(arguments: ["257", "100000", "9223372036854775807"])
    func jobsHasAnUpperBound(jobs: String) throws {
        let t = try scratch()
        defer { t.remove() }
        try t.write("cases.ndjson", #"{"case": {"code": "A"}}"# + "\n")
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--out-dir", "out", "--jobs", jobs])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("--jobs \(jobs) is more than 256"), "\(r.stderr)")
        #expect(t.files(in: "out").isEmpty)
    }

    @Test(arguments: ["2026-11-22garbage", "2026-11-22 ", "2026-11-22T", "2026-11-22T10", "2026-11-22T10:30+2", "2026-11-22T10:30Zx", "2026-11-2"])
    func theDateFilterRefusesTextAfterTheDate(text: String) throws {
        let t = try scratch(body: "<p>{child.name | date}</p>")
        defer { t.remove() }
        try t.write("d.json", #"{"case": {"code": "A"}, "child": {"name": "\#(text)"}}"#)
        let stderr = try refused(t, data: "d.json")
        #expect(stderr.contains("date needs an ISO date such as 2026-11-22"), "\(stderr)")
    }

    @Test(arguments: ["2026-11-22", "2026-11-22T10:30", "2026-11-22T10:30:00Z", "2026-11-22t10:30:00.250+02:00", "2026-11-22 10:30:00-05:00"])
    func theDateFilterAcceptsDatesAndDateTimes(text: String) throws {
        let t = try scratch(body: "<p>{child.name | date}</p>")
        defer { t.remove() }
        try t.write("d.json", #"{"case": {"code": "A"}, "child": {"name": "\#(text)"}}"#)
        let r = try t.render(["--data", "d.json", "--locale", "en", "-o", "out/x.odt"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// NEL, VT, FF and the Unicode separators are line breaks in ODT; DOCX wrote some raw.
    @Test(arguments: ["\\u0085", "\\u000b", "\\u000c", "\\u2028", "\\u2029", "\\r\\n"])
    func lineBreaksInDataAreTheSameInBothFormats(separator: String) throws {
        let t = try scratch(body: "<p>{child.name}</p>")
        defer { t.remove() }
        try t.write("nel.json", #"{"case": {"code": "A"}, "child": {"name": "one\#(separator)two"}}"#)
        for (format, part, lineBreak) in [("odt", "content.xml", "<text:line-break/>"), ("docx", "word/document.xml", "<w:br/>")] {
            let r = try t.render(["--data", "nel.json", "--locale", "en", "-o", "out/x.\(format)"])
            #expect(r.status == 0, "\(r.stderr)")
            let entries = try ZipReader.entries(of: Array(try Data(contentsOf: t.root.appendingPathComponent("out/x.\(format)"))))
            let xml = String(decoding: try #require(entries.first { $0.path == part }).data, as: UTF8.self)
            #expect(xml.components(separatedBy: lineBreak).count - 1 == 1, "\(format): \(xml.suffix(600))")
            #expect(!xml.unicodeScalars.contains { [0x85, 0x0B, 0x0C, 0x2028, 0x2029].contains($0.value) }, "\(format)")
        }
    }

    /// On a full disk the batch stops at the first failed write instead of trying every
    /// remaining record. Needs root to mount a small tmpfs; skipped elsewhere.
    @Test func aBatchOnAFullDiskStopsEarlyWithOneClearMessage() throws {
        let t = try scratch()
        defer { t.remove() }
        let disk = t.root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard geteuid() == 0, (try? TestSupport.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=48k", "tmpfs", disk.path]))?.status == 0 else { return }
        defer { _ = try? TestSupport.run(URL(fileURLWithPath: "/bin/umount"), [disk.path]) }
        let records = (1...200).map { #"{"case": {"code": "C\#($0)"}, "child": {"name": "\#(String(repeating: "n", count: 3000))\#($0)"}}"# }
        try t.write("cases.ndjson", records.joined(separator: "\n") + "\n")
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--out-dir", disk.path, "--jobs", "1"])
        #expect(r.status == 1, "\(r.stderr.prefix(500))")
        #expect(r.stderr.contains("No space left on device"), "\(r.stderr.prefix(500))")
        #expect(r.stderr.contains("the disk is full: the batch stopped early"), "\(r.stderr.suffix(500))")
        #expect(r.stderr.components(separatedBy: "No space left on device").count - 1 <= 2, "\(r.stderr.prefix(800))")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: disk.path)).contains { $0.hasSuffix(".tmp") })
    }
}
