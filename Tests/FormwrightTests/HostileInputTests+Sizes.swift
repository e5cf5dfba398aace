import Foundation
import TestSupport
import Testing

/// Size limits that must hold after YAML aliases are expanded and before a document's parts
/// are compressed: a small file must not become a large document.
extension HostileInputTests {
    /// `s: &s <text>` and then the alias used `uses` times, in the shape given.
    static func aliasedText(bytes: Int, uses: Int, shape: String) -> String {
        let text = "case: {code: A}\ns: &s " + String(repeating: "x", count: bytes) + "\n"
        switch shape {
        case "list": return text + "items: [" + Array(repeating: "*s", count: uses).joined(separator: ", ") + "]\n"
        case "mapping":
            return "case: {code: A}\nm: &m {k: " + String(repeating: "x", count: bytes) + "}\nitems: ["
                + Array(repeating: "*m", count: uses).joined(separator: ", ") + "]\n"
        default:  // merge keys: each item merges the big mapping
            return "case: {code: A}\nm: &m {k: " + String(repeating: "x", count: bytes) + "}\nitems:\n"
                + String(repeating: "  - {<<: *m}\n", count: uses)
        }
    }

    @Test(arguments: [
        (1 << 20, 1000, "list", [String]()),
        (100_000, 20, "list", ["--max-data-size", "1M"]),
        (100_000, 20, "mapping", ["--max-data-size", "1M"]),
        (100_000, 20, "merge", ["--max-data-size", "1M"]),
    ])
    func aliasedTextIsCountedExpandedAgainstTheDataSizeLimit(bytes: Int, uses: Int, shape: String, extra: [String]) throws {
        let t = try scratch()
        defer { t.remove() }
        try t.write("aliases.yaml", Self.aliasedText(bytes: bytes, uses: uses, shape: shape))
        let started = ContinuousClock.now
        let stderr = try refused(t, data: "aliases.yaml", extra: extra)
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(stderr.contains("aliases.yaml:"), "\(stderr.prefix(300))")
        #expect(stderr.contains("bytes of text (aliases count each time they are used)"), "\(stderr.prefix(300))")
        #expect(stderr.contains("--max-data-size"), "\(stderr.prefix(300))")
    }

    @Test func aliasedTextUnderTheLimitStillLoads() throws {
        let t = try scratch(body: #"<p each="x in items">{x.k}</p>"#)
        defer { t.remove() }
        try t.write("aliases.yaml", Self.aliasedText(bytes: 1000, uses: 20, shape: "merge"))
        let r = try t.render(["--data", "aliases.yaml", "--locale", "en", "-o", "out/x.odt"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test(arguments: [
        "items: !!python/object:os.system {x: 1}", "items: !!python/tuple [1, 2]",
        "items: !!python/object/apply:os.system [ls]", "items: !foo {x: 1}", "items: !foo [1]", "items: !!set {x: 1}",
        "items: !!omap [a: 1]", "items: [!!python/str x]",
    ])
    func languageAndLocalTagsOnListsAndMappingsAreRefused(line: String) throws {
        let t = try scratch()
        defer { t.remove() }
        try t.write("tags.yaml", "case: {code: A}\n\(line)\n")
        let stderr = try refused(t, data: "tags.yaml")
        #expect(stderr.contains("tags.yaml:2:"), "\(stderr)")
        #expect(stderr.contains("unsupported tag !"), "\(stderr)")
    }

    @Test(arguments: ["items: !!seq [1, 2]", "items: ! [1]", "items: []\nchild: !!map {name: x}"])
    func coreTagsOnListsAndMappingsAreAccepted(line: String) throws {
        let t = try scratch()
        defer { t.remove() }
        try t.write("tags.yaml", "case: {code: A}\n\(line)\n")
        let r = try t.render(["--data", "tags.yaml", "--locale", "en", "-o", "out/x.odt"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    // MARK: Output

    /// A loop repeating one value builds text far beyond the limit: rendering stops early.
    @Test(arguments: [("odt", 200), ("docx", 200), ("odt", 5_000)])
    func repeatedTextIsStoppedByTheOutputLimitWhileRendering(format: String, copies: Int) throws {
        let t = try scratch(body: #"<p each="x in items">{child.name}</p>"#)
        defer { t.remove() }
        let items = Array(repeating: "1", count: copies).joined(separator: ",")
        try t.write("big.json", #"{"case": {"code": "A"}, "child": {"name": "\#(String(repeating: "y", count: 10_000))"}, "items": [\#(items)]}"#)
        let stderr = try refused(t, data: "big.json", format: format, extra: ["--max-output-size", "1M"])
        #expect(stderr.contains("the document holds more than 1048576 bytes of text"), "\(stderr.prefix(300))")
        #expect(stderr.contains("--max-output-size"), "\(stderr.prefix(300))")
    }

    /// Text within the limit that the XML makes larger (`<` is written `&lt;`): the parts'
    /// uncompressed size is what is bounded, not the small compressed file.
    @Test(arguments: ["odt", "docx"])
    func uncompressedPartsAreBoundedNotOnlyTheFile(format: String) throws {
        let t = try scratch(body: "<p>{child.name}</p>")
        defer { t.remove() }
        try t.write("lt.json", #"{"case": {"code": "A"}, "child": {"name": "\#(String(repeating: "<", count: 600_000))"}}"#)
        let stderr = try refused(t, data: "lt.json", format: format, extra: ["--max-output-size", "1M"])
        #expect(stderr.contains("bytes uncompressed; the limit is 1048576 bytes"), "\(stderr.prefix(300))")
        #expect(stderr.contains("--max-output-size"), "\(stderr.prefix(300))")
    }
}
