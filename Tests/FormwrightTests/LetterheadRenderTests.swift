import DocumentModel
import Foundation
import Formwright
import LetterheadReader
import Localization
import TestSupport
import Testing

/// `<document letterhead="…">` and `--letterhead`: the letterhead is read once with the
/// template and applied to every rendered document; bad references are located errors.
@Suite struct LetterheadRenderTests {
    static let regional = TestSupport.repositoryRoot.appendingPathComponent("letterheads/regional-administration.docx")
    static let municipality = TestSupport.repositoryRoot.appendingPathComponent("letterheads/municipality.odt")

    func scratch(letterhead: String?) throws -> ScratchTemplate {
        let attribute = letterhead.map { " letterhead=\"\($0)\"" } ?? ""
        let t = try ScratchTemplate(rawTemplate: """
            <document xmlns="urn:formwright:template:1" id="t" schema="schema.json"\(attribute)>
            <header><p style="header"><t id="t.reg" code="case.code">Reg. {code}</t></p></header>
            <footer><p style="footer"><t id="t.page" page="$page" pages="$pages">Page {page} of {pages}</t></p></footer>
            <body><p><t id="t.text" code="case.code">Case {code}</t></p></body>
            </document>
            """)
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("out"), withIntermediateDirectories: true)
        try t.write("ok.json", #"{"case": {"code": "A-1"}}"#)
        return t
    }

    func document(_ package: TemplatePackage, root: URL) throws -> Document {
        let catalogs = try Workspace.loadCatalogs(root.appendingPathComponent("locales"))
        let renderer = try Renderer(package: package, catalogs: catalogs, locale: LocaleID("ro")!)
        return try #require(try renderer.rendition(for: package.loadData(root.appendingPathComponent("ok.json"))).document)
    }

    @Test func theTemplatesLetterheadIsReadOnceAndAppliedToTheDocument() throws {
        let t = try scratch(letterhead: "letterhead.docx")
        defer { t.remove() }
        try FileManager.default.copyItem(at: Self.regional, to: t.templateDirectory.appendingPathComponent("letterhead.docx"))
        let package = try TemplatePackage(directory: t.templateDirectory)
        let letterhead = try #require(package.letterhead)
        #expect(letterhead.file.hasSuffix("templates/t/letterhead.docx"))
        let doc = try document(package, root: t.root)
        #expect(doc.page == letterhead.letterhead.page)
        #expect(doc.styles.fontFamily == "Liberation Sans")
        #expect(doc.styles[.body].fontSize == 10)
        // Page 1: the letterhead with the emblem; later pages: the running header, then the template's.
        let first = try #require(doc.firstPageHeader)
        #expect(first == letterhead.letterhead.firstPageHeader)
        #expect(doc.header.count == letterhead.letterhead.header.count + 1)
        // The code keeps its hyphen on one line (Typography's no-break rules).
        #expect(doc.header.last == .paragraph(Paragraph([.text("Reg. A\u{2011}1")], style: .header)))
        // The letterhead numbers the pages ("Pagina X din Y"), so the template's "Page X of Y" is left out.
        #expect(doc.footer == letterhead.letterhead.footer)
        for format in ["odt", "docx"] {
            let r = try t.render(["--data", "ok.json", "--locale", "ro", "-o", "out/x.\(format)"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(t.files(in: "out") == ["x.docx", "x.odt"])
    }

    @Test func theFlagWinsOverTheTemplatesLetterhead() throws {
        let t = try scratch(letterhead: "letterhead.odt")
        defer { t.remove() }
        try FileManager.default.copyItem(at: Self.municipality, to: t.templateDirectory.appendingPathComponent("letterhead.odt"))
        let own = try document(try TemplatePackage(directory: t.templateDirectory), root: t.root)
        #expect(own.styles.fontFamily == "Liberation Serif")
        #expect(own.footer.count == 2)  // the municipality's footer has no page numbers: the template's stays
        let flagged = try document(try TemplatePackage(directory: t.templateDirectory, letterhead: Self.regional), root: t.root)
        #expect(flagged.styles.fontFamily == "Liberation Sans")
        #expect(flagged.hasDistinctFirstPage)
    }

    @Test(arguments: [
        ("../x.docx", "is not a file name inside the template folder"),
        ("/etc/letterhead.docx", "is not a file name inside the template folder"),
        ("https://example.org/letterhead.docx", "is read from the template folder, not from"),
        ("missing.docx", "no letterhead 'missing.docx' in the template folder"),
        ("linked.docx", "is a symbolic link"),
        ("logo.png", "a letterhead is a .docx or .odt file"),
        ("broken.docx", "cannot use the letterhead:"),
        ("", "names no file"),
    ])
    func aBadLetterheadReferenceIsALocatedErrorAndNothingIsWritten(reference: String, message: String) throws {
        let t = try scratch(letterhead: reference)
        defer { t.remove() }
        try FileManager.default.createSymbolicLink(at: t.templateDirectory.appendingPathComponent("linked.docx"), withDestinationURL: Self.regional)
        try t.write("templates/t/broken.docx", "not a zip")
        try t.write("templates/t/logo.png", "x")
        let r = try t.render(["--data", "ok.json", "--locale", "ro", "-o", "out/x.odt"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("templates/t/template.xml:1:"), "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(t.files(in: "out").isEmpty)
        if reference == "broken.docx" { #expect(r.stderr.contains("broken.docx: error: cannot read the file as a Word document")) }
    }

    @Test func aLetterheadFileThatIsNotOneIsRefusedWithItsName() throws {
        let t = try scratch(letterhead: nil)
        defer { t.remove() }
        let bad = try t.write("bad.odt", "PK not really")
        let r = try t.render(["--data", "ok.json", "--locale", "ro", "-o", "out/x.odt", "--letterhead", bad])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.odt: error: cannot read the file as an OpenDocument text (.odt)"), "\(r.stderr)")
        #expect(t.files(in: "out").isEmpty)
    }

    @Test func anOfficeTemplateRefusesTheFlag() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.odt")
        let r = try TestSupport.formwright(["render", "templates/office-session-minutes", "--data", "templates/office-session-minutes/example.json",
                                            "--locale", "ro", "-o", out.path, "--letterhead", Self.municipality.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("already is its own letterhead"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func demoPutsEveryTemplateXMLOnTheGivenLetterhead() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TestSupport.formwright(["demo", "--letterhead", Self.municipality.path, "--locale", "it", "--format", "docx", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let written = r.stdout.split(separator: "\n").map(String.init)
        #expect(written.contains { $0.hasSuffix("/operational-protocol/operational-protocol-it.docx") })
        #expect(!written.contains { $0.contains("/office-") })
        #expect(!written.contains { $0.contains("/on-letterhead/") })
        #expect(r.stderr.contains("office-session-minutes is made in Word or Writer (its own letterhead); skipped with --letterhead"))
        let docx = try TestSupport.runSharedTool("validate-docx", ["--strict"] + written)
        #expect(docx.status == 0, "\(docx.output)")
    }

    @Test func aBatchPutsEveryRecordOnTheLetterhead() throws {
        let t = try scratch(letterhead: nil)
        defer { t.remove() }
        try t.write("cases.ndjson", "{\"case\": {\"code\": \"A\"}}\n{\"case\": {\"code\": \"B\"}}\n")
        let r = try t.render(["--data", "cases.ndjson", "--locale", "ro", "--format", "both", "--out-dir", "out", "--letterhead", Self.regional.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(t.files(in: "out").count == 4)
    }

    @Test(arguments: ["render", "demo"])
    func helpExplainsTheFlag(command: String) throws {
        let r = try TestSupport.formwright([command, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--letterhead <file>"))
        #expect(r.stdout.contains("letterhead"))
    }
}
