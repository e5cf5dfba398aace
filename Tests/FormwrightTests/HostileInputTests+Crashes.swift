import Foundation
import TestSupport
import Testing

/// Input that used to end the process by a signal (SIGILL, SIGSEGV): each must be a located
/// error with exit status 1 — not a signal — and no file left behind.
extension HostileInputTests {
    /// Runs a single render that must fail with status 1 (a signal shows as another status).
    func refusedWithStatusOne(_ t: ScratchTemplate, data: String, extra: [String] = []) throws -> String {
        let r = try t.render(["--data", data, "--locale", "en", "-o", "out/x.odt"] + extra)
        #expect(r.status == 1, "status \(r.status): \(r.stderr.prefix(500))")
        #expect(t.files(in: "out").isEmpty, "left \(t.files(in: "out"))")
        return r.stderr
    }

    // MARK: Exact decimal arithmetic

    @Test(arguments: [
        ("{a * b}", #"{"case": {"code": "A"}, "a": 1e-100, "b": 1e-100}"#, "the result is smaller than 1e-128"),
        ("{a * b}", #"{"case": {"code": "A"}, "a": 1e-65, "b": 1e-64}"#, "the result is smaller than 1e-128"),
        ("{a * b * c}", #"{"case": {"code": "A"}, "a": 0.01, "b": 1e-127, "c": 1}"#, "the result is smaller than 1e-128"),
        ("{a * b}", #"{"case": {"code": "A"}, "a": 1e100, "b": -1e100}"#, "the result is 1e165 or more"),
        ("{m * b}", #"{"case": {"code": "A"}, "m": {"amount": 1e-100, "currency": "EUR"}, "b": 1e-100}"#, "the result is smaller than 1e-128"),
        (#"{xs | sum:"amount * n"}"#, #"{"case": {"code": "A"}, "xs": [{"amount": 1e-100, "n": 1e-100}]}"#, "the result is smaller than 1e-128"),
        ("{a + b}", #"{"case": {"code": "A"}, "a": 1e-128, "b": 1e127}"#, "the result needs more than 38 significant digits"),
    ])
    func arithmeticOutOfRangeIsALocatedError(expression: String, data: String, reason: String) throws {
        let t = try scratch(body: "<p>\(expression)</p>")
        defer { t.remove() }
        try t.write("tiny.json", data)
        let stderr = try refusedWithStatusOne(t, data: "tiny.json")
        #expect(stderr.contains("template.xml:3:"), "\(stderr)")
        #expect(stderr.contains(reason), "\(stderr)")
    }

    /// The bundled budget's schema accepts a tiny quantity; its line total must fail as an error.
    @Test func personalisedBudgetWithATinyQuantityIsAnError() throws {
        let example = TestSupport.repositoryRoot.appendingPathComponent("templates/personalised-budget/example.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: example)) as? [String: Any])
        var lines = try #require(object["lines"] as? [[String: Any]])
        lines[0]["unit_cost"] = ["amount": "0.01", "currency": object["currency"] ?? "MDL"]
        lines[0]["quantity"] = "TINY"  // JSONSerialization cannot write 1e-127 exactly
        object["lines"] = lines
        var text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        text = text.replacingOccurrences(of: #""TINY""#, with: "1e-127")
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent("budget.json"))
        let r = try TestSupport.formwright([
            "render", "templates/personalised-budget", "--data", folder.appendingPathComponent("budget.json").path,
            "--locale", "ro", "-o", folder.appendingPathComponent("b.odt").path,
        ])
        #expect(r.status == 1, "status \(r.status): \(r.stderr.prefix(500))")
        #expect(r.stderr.contains("template.xml:"), "\(r.stderr)")
        #expect(r.stderr.contains("is smaller than 1e-128"), "\(r.stderr)")
    }

    // MARK: MessageFormat nesting

    static func nestedMessage(_ kind: String, levels: Int) -> String {
        String(repeating: "{a, \(kind), other {", count: levels) + "x" + String(repeating: "}}", count: levels)
    }

    @Test(arguments: [("select", 3_000), ("plural", 3_000), ("selectordinal", 500), ("select", 65)])
    func deeplyNestedMessageInATemplateIsALocatedError(kind: String, levels: Int) throws {
        let t = try scratch(body: #"<p><t id="t.deep" a="case.code">\#(Self.nestedMessage(kind, levels: levels))</t></p>"#)
        defer { t.remove() }
        let stderr = try refusedWithStatusOne(t, data: "ok.json")
        #expect(stderr.contains("template.xml:3:"), "\(stderr.prefix(300))")
        #expect(stderr.contains("arguments are nested more than 64 levels deep"), "\(stderr.prefix(300))")
    }

    static func catalog(_ translation: String) -> String {
        """
        msgid ""
        msgstr ""
        "Language: ro\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"

        msgctxt "t.deep"
        msgid "Case {a}"
        msgstr "\(translation)"

        """
    }

    @Test(arguments: [("select", 3_000), ("plural", 10_000)])
    func deeplyNestedTranslationIsALocatedErrorInRenderAndCatalogCheck(kind: String, levels: Int) throws {
        let t = try scratch(body: #"<p><t id="t.deep" a="case.code">Case {a}</t></p>"#)
        defer { t.remove() }
        try t.write("locales/ro/t.po", Self.catalog(Self.nestedMessage(kind, levels: levels)))
        let r = try t.render(["--data", "ok.json", "--locale", "ro", "-o", "out/x.odt"])
        #expect(r.status == 1, "status \(r.status): \(r.stderr.prefix(300))")
        #expect(r.stderr.contains("t.po:6:"), "\(r.stderr.prefix(300))")
        #expect(r.stderr.contains("nested more than 64 levels deep"), "\(r.stderr.prefix(300))")
        let check = try TestSupport.formwright(["catalog", "check", "--root", t.root.path], in: t.root)
        #expect(check.status == 1, "status \(check.status): \(check.output.prefix(300))")
        #expect(check.output.contains("t.po:8: error:"), "\(check.output.prefix(300))")
        #expect(check.output.contains("nested more than 64 levels deep"), "\(check.output.prefix(300))")
    }

    // MARK: Data nesting and --max-depth

    static func deepData(_ format: String, levels: Int) -> String {
        let list = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        return format == "json" ? #"{"case": {"code": "A"}, "items": \#(list)}"# : "case: {code: A}\nitems: \(list)\n"
    }

    @Test(arguments: [("json", 10_000), ("json", 50_000), ("yaml", 10_000), ("yaml", 50_000), ("json", 1_000)])
    func deepDataWithTheHighestMaxDepthIsRefused(format: String, levels: Int) throws {
        let t = try scratch(body: "<p>{items}</p>")
        defer { t.remove() }
        try t.write("deep.\(format)", Self.deepData(format, levels: levels))
        let stderr = try refusedWithStatusOne(t, data: "deep.\(format)", extra: ["--max-depth", "1000"])
        #expect(stderr.contains("deep.\(format):\(format == "json" ? 1 : 2):"), "\(stderr.prefix(300))")
        #expect(stderr.contains("nesting is deeper than 1000 levels"), "\(stderr.prefix(300))")
    }

    /// At the highest --max-depth, data that fits is loaded, checked, rendered and freed.
    @Test(arguments: ["json", "yaml"])
    func dataAtTheHighestMaxDepthRenders(format: String) throws {
        let t = try scratch(body: #"<p if="items == items">{items} {items | join:"-"}</p>"#)
        defer { t.remove() }
        try t.write("deep.\(format)", Self.deepData(format, levels: 998))
        let r = try t.render(["--data", "deep.\(format)", "--locale", "en", "-o", "out/x.odt", "--max-depth", "1000"])
        #expect(r.status == 0, "status \(r.status): \(r.stderr.prefix(300))")
    }

    @Test(arguments: ["1001", "10000", "50000", "9223372036854775807"])
    func maxDepthBeyondWhatTheCodeHandlesIsRefused(value: String) throws {
        let t = try scratch()
        defer { t.remove() }
        let stderr = try refusedWithStatusOne(t, data: "ok.json", extra: ["--max-depth", value])
        #expect(stderr.contains("--max-depth \(value) is deeper than Formwright can load and render safely; the most is 1000"), "\(stderr)")
    }
}
