import Foundation
import TestSupport
import Testing

/// A batch survives every kind of failing record: each is reported with its place, the
/// others are written, and the exit status is 1 — never a signal that takes the batch down.
extension HostileInputTests {
    static let hostileRecords = [
        #"{"case": {"code": "tiny"}, "a": 1e-100, "b": 1e-100}"#,                      // arithmetic underflow
        #"{"case": {"code": "huge"}, "a": 1e100, "b": 1e100}"#,                        // arithmetic overflow
        #"{"case": {"code": "deep"}, "items": "# + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}",
        #"{"case": {"code": "date"}, "d": "2026-11-22garbage"}"#,                       // bad date
        #"{"case": {"code": "link"}}"#,                                                 // its folder is a symbolic link
        #"{"case": {"code": "\u001b[2J"}, "a": 1, "b": 2, "d": "2026-11-22"}"#,        // control characters in its name
        #"{"case": {"code": 12}"#,                                                      // broken JSON
        #"{"case": {"code": "big"}, "a": 1, "b": 2, "d": "2026-11-22", "s": ""# + String(repeating: "x", count: 300_000) + #""}"#,
    ]

    @Test(arguments: [1, 2])
    func aBatchWritesEveryGoodRecordWhateverTheOthersDo(jobs: Int) throws {
        let t = try scratch(body: #"<p>{a * b} {d | date} {s}</p>"#)
        defer { t.remove() }
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: t.root.appendingPathComponent("out/link"), withDestinationURL: t.root.appendingPathComponent("elsewhere"))
        var lines: [String] = []
        for (i, hostile) in Self.hostileRecords.enumerated() {
            lines.append(#"{"case": {"code": "good\#(i)"}, "a": 2, "b": 3, "d": "2026-11-22"}"#)
            lines.append(hostile)
        }
        try t.write("cases.ndjson", lines.joined(separator: "\n") + "\n")
        let r = try t.render([
            "--data", "cases.ndjson", "--locale", "en", "--out-dir", "out", "--name", "{case.code}/{index}",
            "--jobs", "\(jobs)", "--max-output-size", "200K",
        ])
        #expect(r.status == 1, "status \(r.status): \(r.stderr.prefix(500))")
        let good = (0..<Self.hostileRecords.count).map { "good\($0)/\(2 * $0 + 1).odt" }
        let written = t.files(in: "out")
        for name in good { #expect(written.contains(name), "\(name) missing: \(written)") }
        // The control-character record is written under a cleaned name; all others fail.
        #expect(written.count == good.count + 1, "\(written)")
        #expect(r.stderr.contains("\(good.count + 1) written, \(Self.hostileRecords.count - 1) failed"), "\(r.stderr.suffix(300))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.root.appendingPathComponent("elsewhere").path).isEmpty)
        let printed = r.stdout.split(separator: "\n")
        #expect(printed.count == good.count + 1, "\(r.stdout)")
        #expect(!r.stderr.contains("\u{1B}"))
    }
}
