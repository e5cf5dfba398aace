import CatalogTools
import Foundation
import Localization
import Template
import Testing
import TestSupport

/// `catalog check` on rich-text tags: a translation keeps the source's tags (it may move
/// them), located at the PO file and line of the msgstr. GNU gettext accepts such files.
@Suite struct CatalogTagCheckTests {
    static let file = "ro-tags.po"
    let findings: [CatalogDiagnostic]

    init() throws {
        findings = CatalogChecker.check(try CatalogFixtures.broken(Self.file), locale: .ro)
    }

    func findings(_ id: String) -> [CatalogDiagnostic] { findings.filter { $0.message.contains("'\(id)'") } }

    @Test(arguments: ["t.good", "t.moved", "t.plural"])
    func keptOrMovedTagsAreFine(id: String) {
        #expect(findings(id).isEmpty, "\(findings(id))")
    }

    @Test(arguments: [
        ("t.missing", CatalogDiagnostic.Severity.error, "lacks the tag <b> of the source", 23),
        ("t.extra", .error, "has the tag <u>, which the source does not have", 27),
        ("t.renamed", .error, "has the tag <link> where the source has <a>", 31),
        ("t.nesting", .error, "the tag <i> in the translation of 't.nesting' is nested as <i>, in the source as <b><i>", 35),
        ("t.plural-lost", .error, "lacks the tag <b> of the source", 43),
        ("t.unclosed", .error, "the tag <b> is never closed", 47),
        ("t.fuzzy", .warning, "lacks the tag <b> of the source", 52),
    ])
    func tagMismatchesAreLocated(id: String, severity: CatalogDiagnostic.Severity, fragment: String, line: Int) throws {
        let match = try #require(findings(id).first { $0.message.contains(fragment) }, "\(findings(id))")
        #expect(match.severity == severity)
        #expect(match.file == "broken/\(Self.file)")
        #expect(match.line == line)
        #expect(match.description.hasPrefix("broken/\(Self.file):\(line): \(severity.rawValue): "))
        #expect(match.suggestion != nil)
    }

    @Test func renamedTagSuggestsTheSourceName() throws {
        let renamed = try #require(findings("t.renamed").first)
        #expect(renamed.suggestion == "tag names are not translated: write <a>…</a>")
        #expect(findings("t.renamed").count == 1)
    }

    /// gettext sees tags as text: `msgfmt --check` accepts the file (the tags are ours to check).
    @Test func msgfmtAcceptsCatalogsWithTags() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        let msgfmt = try #require((path.split(separator: ":").map(String.init) + ["/usr/bin"])
            .map { URL(fileURLWithPath: $0).appendingPathComponent("msgfmt") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }, "GNU gettext (msgfmt) must be installed")
        let fixture = CatalogFixtures.directory.appendingPathComponent("broken").appendingPathComponent(Self.file)
        let result = try TestSupport.run(msgfmt, ["--check", "-o", "/dev/null", fixture.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}

/// What `catalog extract` writes for a message with tags: the msgid with the tags, and a
/// comment telling translators what they mean.
@Suite struct CatalogExtractTagTests {
    @Test func extractKeepsTagsAndExplainsThem() throws {
        let source = #"""
            <document xmlns="urn:formwright:template:1" id="rich">
            <body><p><t id="rich.m" name="n">I, <b>{name}</b>, read <a href="https://example.org">this</a> and <a href="tel:+40210000000">call</a>.</t></p></body>
            </document>
            """#
        let definition = try TemplateParser.parse(source: Array(source.utf8), file: "templates/rich/template.xml")
        let pot = try #require(try CatalogExtractor.extract([definition])["rich"])
        let entry = try #require(pot.messages.first { $0.context == "rich.m" })
        #expect(entry.id == "I, <b>{name}</b>, read <a1>this</a1> and <a2>call</a2>.")
        #expect(entry.extractedComments.last == "Tags: <a1>…</a1> link (its address is in the template); <a2>…</a2> link (its address is in the template); <b>…</b> bold. Keep every tag and move it with the words it marks; do not translate, drop or add tags.")
    }
}
