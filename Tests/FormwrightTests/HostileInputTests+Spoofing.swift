import Foundation
import Formwright
import TestSupport
import Testing

/// Terminal and file-name spoofing: control characters from data never reach the terminal
/// raw, and output names carry no invisible or reordering characters.
extension HostileInputTests {
    static let raw: [Character] = ["\u{1B}", "\u{07}", "\r", "\u{9B}", "\u{85}", "\u{202E}", "\u{200B}", "\u{2066}"]

    /// `stderr` holds none of the raw characters, and shows each one given as an escape.
    static func expectEscaped(_ stderr: String, shows escapes: [String]) {
        for c in raw { #expect(!stderr.contains(c), "raw U+\(String(c.unicodeScalars.first!.value, radix: 16)) in \(stderr)") }
        for e in escapes { #expect(stderr.contains(e), "no \(e) in \(stderr)") }
    }

    @Test(arguments: [
        // A value the date filter refuses is quoted in the message.
        ("<p>{child.name | date}</p>", "bad.json", #"{"case": {"code": "A"}, "child": {"name": "x\u001b[2J\u0007\r\u009b31m\u202eevil"}}"#,
         ["\\u{1B}[2J\\u{7}\\u{D}\\u{9B}31m\\u{202E}evil"]),
        // A value of the wrong type is quoted by the schema check.
        (ScratchTemplate.body, "type.json", #"{"case": {"code": "A"}, "child": {"age": "n\u001b]0;pwned\u0007"}}"#, ["n\\u{1B}]0;pwned\\u{7}"]),
        // A duplicate key, found by the parser.
        (ScratchTemplate.body, "dup.json", #"{"case": {"code": "A"}, "\u200bk\u0085": 1, "\u200bk\u0085": 2}"#, ["\\u{200B}k\\u{85}"]),
        // A YAML string where the schema wants an object.
        (ScratchTemplate.body, "bad.yaml", "case: \"\\e[31mred\\r\\u2066\"\n", ["\\u{1B}[31mred\\u{D}\\u{2066}"]),
    ])
    func controlCharactersFromDataAreEscapedInErrors(body: String, file: String, data: String, escapes: [String]) throws {
        let t = try scratch(body: body)
        defer { t.remove() }
        try t.write(file, data)
        let stderr = try refused(t, data: file)
        Self.expectEscaped(stderr, shows: escapes)
    }

    @Test func controlCharactersInABatchFailureAreEscaped() throws {
        let t = try scratch(body: "<p>{child.name | date}</p>")
        defer { t.remove() }
        try t.write("cases.ndjson", #"{"case": {"code": "A"}, "child": {"name": "\u001b[2J\u202e"}}"# + "\n" + #"{"case": {"code": "B"}}"# + "\n")
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--out-dir", "out"])
        #expect(r.status == 1, "\(r.stderr)")
        Self.expectEscaped(r.stderr, shows: ["\\u{1B}[2J\\u{202E}"])
        #expect(r.stderr.contains("1 written, 1 failed"), "\(r.stderr)")
    }

    @Test(arguments: [
        ("\u{202E}fdo.exe", "fdo.exe"), ("a\u{200B}b\u{200D}c", "abc"), ("\u{FEFF}bom", "bom"), ("\u{2066}x\u{2069}", "x"),
        ("-rf", "rf"), ("--help", "help"), ("  lead", "lead"), (" - -x", "x"), ("\u{3000}wide", "wide"),
        ("---", "_"), (" .hidden", "_hidden"), ("a\u{2028}b", "ab"), ("x-y", "x-y"),
    ])
    func fileNamesLoseBidiFormatCharactersLeadingSpacesAndDashes(text: String, expected: String) {
        #expect(OutputNaming.sanitize(text) == expected)
    }

    @Test func batchNamesFromDataAreCleanedInEveryFolder() throws {
        let t = try scratch()
        defer { t.remove() }
        try t.write("cases.ndjson", [
            #"{"case": {"code": "\u202Efdo.exe"}, "child": {"name": "-rf"}}"#,
            #"{"case": {"code": " -n\u200B"}, "child": {"name": "  x"}}"#,
        ].joined(separator: "\n") + "\n")
        let r = try t.render(["--data", "cases.ndjson", "--locale", "en", "--out-dir", "out", "--name", "{child.name}/{case.code}"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(t.files(in: "out") == ["rf/fdo.exe.odt", "x/n.odt"])
        for c in Self.raw { #expect(!r.stdout.contains(c)) }
    }
}
