import Foundation
import Formwright
import Localization
import TestSupport
import Testing

/// The bundled templates written in LibreOffice (`template.docx`, `template.odt`): their
/// examples render in every locale through the command line, validate, open in LibreOffice
/// with the locale's text, and their broken examples give located errors.
@Suite struct OfficeTemplateLibraryTests {
    static let workspace = Workspace(
        templatesDirectory: TestSupport.repositoryRoot.appendingPathComponent("templates"),
        localesDirectory: TestSupport.repositoryRoot.appendingPathComponent("locales"))

    static let templates: [String] = ((try? workspace.templates()) ?? []).filter { $0.office != nil }.map(\.definition.id)

    static var cases: [(String, LocaleID)] { templates.flatMap { id in LocaleID.supported.map { (id, $0) } } }

    @Test func bothKindsAreBundled() throws {
        let packages = try Self.workspace.templates().filter { $0.office != nil }
        #expect(Set(packages.map { $0.formats }) == [[.docx], [.odt]])
    }

    @Test("renders, validates and opens in LibreOffice with the locale's text", arguments: cases)
    func renders(_ id: String, _ locale: LocaleID) throws {
        let package = try TemplatePackage(directory: Self.workspace.templatesDirectory.appendingPathComponent(id))
        let format = package.formats[0]
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("\(id)-\(locale).\(format.rawValue)")
        let r = try TestSupport.formwright(["render", "templates/\(id)", "--data", "templates/\(id)/example.json", "--locale", locale.identifier, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let validation = try TestSupport.runSharedTool("validate-\(format.rawValue)", [out.path])
        #expect(validation.status == 0, "\(validation.output)")
        let roundtrip = try TestSupport.runSharedTool("office-roundtrip", [out.path, "--outdir", dir.path])
        #expect(roundtrip.status == 0, "\(roundtrip.output)")
        let line = try #require(roundtrip.stdout.split(separator: "\n").first { $0.contains("TEXT") })
        let text = try String(contentsOfFile: String(line.split(separator: " ", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces), encoding: .utf8)
        let normalized = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!normalized.contains("{{") && !normalized.contains("{%"), "a tag was left in the document")
        // Every message of the template is there as the locale has it (first words of each).
        let catalogs = try Self.workspace.catalogs()
        var missing: [String] = []
        for message in package.definition.messages where !message.source.contains("{") {
            let expected = locale == .en ? message.source : (catalogs.lookup(id: message.id, domains: [id, "common"], locale: locale)?.text ?? message.source)
            let words = expected.split(whereSeparator: \.isWhitespace).prefix(3).joined(separator: " ")
            if !normalized.contains(words) { missing.append("\(message.id): \(words)") }
        }
        // A message inside a condition that the example does not take is absent: allow a few.
        #expect(missing.count <= package.definition.messages.count / 4, "\(missing)")
    }

    @Test("the broken example is refused with located errors and no output", arguments: templates)
    func broken(_ id: String) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let format = try TemplatePackage(directory: Self.workspace.templatesDirectory.appendingPathComponent(id)).formats[0]
        let out = dir.appendingPathComponent("x.\(format.rawValue)")
        let r = try TestSupport.formwright(["render", "templates/\(id)", "--data", "templates/\(id)/tests/broken.json", "--locale", "bg", "-o", out.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("broken.json:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anotherFormatIsRefusedWithTheReason() throws {
        let r = try TestSupport.formwright(["render", "templates/office-referral-mobile-team", "--data", "templates/office-referral-mobile-team/example.json", "--locale", "ro", "--format", "odt", "-o", "never-written.odt"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("renders to .docx only"), "\(r.stderr)")
        #expect(r.stderr.contains("--format docx"))
        #expect(!FileManager.default.fileExists(atPath: TestSupport.repositoryRoot.appendingPathComponent("never-written.odt").path))
    }

    @Test func aBatchOfRecordsInEveryLocale() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = try String(contentsOfFile: TestSupport.repositoryRoot.appendingPathComponent("templates/office-session-minutes/example.json").path, encoding: .utf8)
        let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(example.utf8)))
        let line = String(decoding: compact, as: UTF8.self)
        let records = dir.appendingPathComponent("minutes.ndjson")
        try (line + "\n" + line + "\n{\"session\": 42}\n").write(to: records, atomically: true, encoding: .utf8)
        let r = try TestSupport.formwright(["render", "templates/office-session-minutes", "--data", records.path, "--locale", "all", "--out-dir", dir.appendingPathComponent("out").path, "--jobs", "2"])
        #expect(r.status == 1, "the third record is invalid")
        #expect(r.stderr.contains("minutes.ndjson:3:"), "\(r.stderr)")
        let written = r.stdout.split(separator: "\n")
        #expect(written.count == 2 * LocaleID.supported.count)
        #expect(written.allSatisfy { $0.hasSuffix(".odt") })
    }

    @Test func sameInputSameBytes() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for (i, tz) in ["UTC", "Asia/Tokyo"].enumerated() {
            let out = dir.appendingPathComponent("r\(i).docx")
            let r = try TestSupport.run(TestSupport.formwrightExecutable, ["render", "templates/office-referral-mobile-team", "--data", "templates/office-referral-mobile-team/example.json", "--locale", "bg", "-o", out.path],
                                        currentDirectory: TestSupport.repositoryRoot, environment: ["TZ": tz])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: out))
        }
        #expect(outputs[0] == outputs[1])
    }
}

/// The translator tools see an office template's messages like any other.
@Suite struct OfficeTemplateCatalogTests {
    @Test func extractPutsTheDocumentsMessagesIntoThePOT() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("locales"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("templates/office-session-minutes"),
                                         to: templates.appendingPathComponent("office-session-minutes"))
        let r = try TestSupport.formwright(["catalog", "extract"], in: dir)
        #expect(r.status == 0, "\(r.output)")
        let pot = try String(contentsOf: dir.appendingPathComponent("locales/office-session-minutes.pot"), encoding: .utf8)
        #expect(pot.contains("#: templates/office-session-minutes/template.odt:content.xml:1\nmsgctxt \"office-minutes.title\"\nmsgid \"MINUTES No. {number}\""), "\(pot.prefix(800))")
        let status = try TestSupport.formwright(["inspect", "templates/office-session-minutes"], in: dir)
        #expect(status.status == 0)
        #expect(status.stdout.contains("attendees[].name"))
        let schema = try TestSupport.formwright(["inspect", "templates/office-session-minutes", "--schema"], in: dir)
        #expect(schema.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(schema.stdout.utf8))) != nil, "the draft schema is JSON")
    }

    @Test func inspectListsTheDataPathsOfAnXMLTemplateToo() throws {
        let r = try TestSupport.formwright(["inspect", "templates/session-minutes"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Data paths ("))
        #expect(r.stdout.contains("attendees[].name"), "\(r.stdout)")
        #expect(r.stdout.contains("minutes.title"))
    }
}

/// `formwright templates` prints ids: the other commands take them as well as folders.
@Suite struct TemplateIDArgumentTests {
    @Test func aBundledTemplateByItsID() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("m.odt")
        let r = try TestSupport.formwright(["render", "office-session-minutes", "--data", "templates/office-session-minutes/example.json", "--locale", "it", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aMisspeltIDGetsASuggestion() throws {
        let r = try TestSupport.formwright(["render", "sesion-minutes", "--data", "templates/session-minutes/example.json", "--locale", "it", "-o", "never-written.odt"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no template folder or bundled template 'sesion-minutes'"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'session-minutes'?"))
        #expect(!FileManager.default.fileExists(atPath: TestSupport.repositoryRoot.appendingPathComponent("never-written.odt").path))
    }
}
