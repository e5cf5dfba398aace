import Foundation
import Formwright
import Localization
import TestSupport
import Testing
import ZipSupport

/// Example data per locale: `example.<locale>.json` found along the locale chain, checked by
/// `formwright check`, and used by `formwright demo`.
@Suite struct ExampleDataTests {
    /// A folder with example.json, example.ro.json and example.bg.yaml (and a stray file).
    static func folder() throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        for name in ["example.json", "example.ro.json", "example.bg.yaml", "example.bg.yml", "example.fr.json", "example.ro.txt"] {
            try "{}\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    static let expected: [(LocaleID, String)] = [
        (.en, "example.json"), (.bg, "example.bg.yaml"), (.ro, "example.ro.json"),
        (.roMD, "example.ro.json"), (.it, "example.json"), (.pseudo, "example.json"),
    ]

    @Test(arguments: expected)
    func lookupFallsBackAlongTheLocaleChain(locale: LocaleID, file: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let examples = ExampleFiles(directory: dir)
        #expect(examples.file(for: locale)?.lastPathComponent == file)
    }

    @Test func aLocaleOfItsOwnWinsOverItsParent() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{}\n".write(to: dir.appendingPathComponent("example.ro-MD.json"), atomically: true, encoding: .utf8)
        let examples = ExampleFiles(directory: dir)
        #expect(examples.file(for: .roMD)?.lastPathComponent == "example.ro-MD.json")
        #expect(examples.file(for: .ro)?.lastPathComponent == "example.ro.json")
        #expect(examples.all.map(\.lastPathComponent) == ["example.json", "example.bg.yaml", "example.ro.json", "example.ro-MD.json"])
        #expect(examples.unrecognized.map(\.lastPathComponent) == ["example.fr.json"])
    }

    @Test func withoutExampleJSONOnlyTheLocalesWithDataHaveSome() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{}\n".write(to: dir.appendingPathComponent("example.it.json"), atomically: true, encoding: .utf8)
        let examples = ExampleFiles(directory: dir)
        #expect(examples.file(for: .it)?.lastPathComponent == "example.it.json")
        #expect(examples.file(for: .en) == nil)
        #expect(examples.file(for: .bg) == nil)
    }

    static let templateIDs: [String] = {
        let root = TestSupport.repositoryRoot.appendingPathComponent("templates")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Every bundled template has English example data and its own for every other locale,
    /// and each file validates against the schema.
    @Test(arguments: templateIDs)
    func everyBundledTemplateHasValidDataForEveryLocale(id: String) throws {
        let package = try TemplatePackage(directory: TestSupport.repositoryRoot.appendingPathComponent("templates/\(id)"))
        #expect(package.exampleData?.lastPathComponent == "example.json", "\(id): no example.json")
        for locale in LocaleID.supported where locale != .en {
            #expect(package.examples.byLocale[locale] != nil, "\(id): no example.\(locale.identifier).json")
        }
        #expect(package.examples.unrecognized.isEmpty)
        let problems = package.checkExamples()
        #expect(problems.isEmpty, "\(id):\n\(problems.map(\.description).joined(separator: "\n"))")
    }

    /// `check` reports an example file that does not match the schema, and one whose name is
    /// not a locale.
    @Test func checkReportsEveryExampleFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = try Self.copyOfTemplate("consent-participation", into: dir)
        let template = root.appendingPathComponent("templates/consent-participation")
        try "{\n  \"child\": 42\n}\n".write(to: template.appendingPathComponent("example.it.json"), atomically: true, encoding: .utf8)
        try "{}\n".write(to: template.appendingPathComponent("example.fr.json"), atomically: true, encoding: .utf8)
        let r = try TestSupport.formwright(["check", template.path])
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("example.it.json:2:"), "\(r.output)")
        #expect(r.output.contains("example.fr.json: error: not a supported locale"), "\(r.output)")
    }

    /// `check` renders each locale with its example data and warns, at `widths`, about a
    /// declared column too narrow for an amount, with the width it needs; the bundled
    /// templates have none.
    @Test func checkWarnsAboutAColumnTooNarrowForAnAmount() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = try Self.copyOfTemplate("personalised-budget", into: dir)
        let file = root.appendingPathComponent("templates/personalised-budget/template.xml")
        let source = try String(contentsOf: file, encoding: .utf8)
        let declared = "widths=\"9mm * 26mm 17mm 28mm 14mm 13mm 28mm\""
        try #require(source.contains(declared))
        try source.replacingOccurrences(of: declared, with: "widths=\"9mm * 26mm 17mm 28mm 14mm 13mm 20mm\"")
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try TestSupport.formwright(["check", file.deletingLastPathComponent().path])
        #expect(r.status == 0, "warnings only: \(r.output)")
        #expect(r.output.contains("template.xml:52:22: warning: column 8 of this table is 20mm wide, too narrow for \u{201C}"), "\(r.output)")
        #expect(r.output.contains("hint: declare at least 28mm for column 8 in widths"), "\(r.output)")

        let bundled = try TestSupport.formwright(["check", TestSupport.repositoryRoot.appendingPathComponent("templates").path])
        #expect(!bundled.output.contains("too narrow"), "\(bundled.output)")
    }

    /// `demo` renders each locale with that locale's data: ro and ro-MD (falling back to ro)
    /// with example.ro.json, en with example.json.
    @Test func demoRendersEachLocaleWithItsOwnData() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = try Self.copyOfTemplate("consent-participation", into: dir)
        let template = root.appendingPathComponent("templates/consent-participation")
        for name in try FileManager.default.contentsOfDirectory(atPath: template.path) where name.hasPrefix("example.") && name != "example.json" {
            try FileManager.default.removeItem(at: template.appendingPathComponent(name))
        }
        let english = try String(contentsOf: template.appendingPathComponent("example.json"), encoding: .utf8)
        let childName = try #require(english.firstMatch(of: /"child":\s*\{\s*"name":\s*"([^"]+)"/)).1
        let romanian = english.replacingOccurrences(of: "\"\(childName)\"", with: "\"Ioana Probescu\"")
        #expect(romanian != english)
        try romanian.write(to: template.appendingPathComponent("example.ro.json"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try TestSupport.formwright(["demo", "--root", root.path, "--locale", "en", "--locale", "ro", "--locale", "ro-MD", "--format", "docx", "--out", out.path])
        #expect(r.status == 0, "\(r.output)")
        for (locale, expectsRomanian) in [("en", false), ("ro", true), ("ro-MD", true)] {
            let file = out.appendingPathComponent("consent-participation/consent-participation-\(locale).docx")
            let text = try RenderedText.of(Array(try Data(contentsOf: file)))
            #expect(text.contains("Ioana Probescu") == expectsRomanian, "\(locale)")
            #expect(text.contains(String(childName)) == !expectsRomanian, "\(locale)")
        }
    }

    /// A folder with templates/<id> (a copy) and locales/ (a copy), as `--root` expects.
    static func copyOfTemplate(_ id: String, into dir: URL) throws -> URL {
        let root = dir.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("templates/\(id)"),
                                         to: root.appendingPathComponent("templates/\(id)"))
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("locales"),
                                         to: root.appendingPathComponent("locales"))
        return root
    }
}

/// The visible text of a rendered `.docx` or `.odt`: body, headers and footers, one line per
/// paragraph.
enum RenderedText {
    static func of(_ bytes: [UInt8]) throws -> String {
        let entries = try ZipReader.entries(of: bytes)
        let parts = entries.filter { entry in
            entry.path == "content.xml" || entry.path == "styles.xml" && entries.contains { $0.path == "content.xml" }
                || entry.path.hasPrefix("word/") && (entry.path.hasSuffix("document.xml") || entry.path.contains("/header") || entry.path.contains("/footer") || entry.path.hasSuffix("footnotes.xml"))
        }
        return parts.map { text(ofXML: String(decoding: $0.data, as: UTF8.self)) }.joined(separator: "\n")
    }

    static func text(ofXML xml: String) -> String {
        var s = xml
        for (pattern, replacement) in [
            (#"</(w:p|text:p|text:h)>"#, "\n"), (#"<(w:br|text:line-break)[^>]*/>"#, "\n"),
            (#"<(w:tab|text:tab|text:s)[^>]*/>"#, " "), (#"<w:instrText[^>]*>[^<]*</w:instrText>"#, ""), (#"<[^>]+>"#, ""),
        ] {
            s = s.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: character)
        }
        return s
    }
}
