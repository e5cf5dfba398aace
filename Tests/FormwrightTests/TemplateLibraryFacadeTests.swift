import Foundation
import Formwright
import Localization
import TemplateData
import TestSupport
import Testing
import ZipSupport

/// The one entry point: `TemplateLibrary` renders, validates and batches through the same
/// compiled templates, and reports problems as `Diagnostic`s.
@Suite struct TemplateLibraryFacadeTests {
    static let templatesURL = TestSupport.repositoryRoot.appendingPathComponent("templates")
    static let localesURL = TestSupport.repositoryRoot.appendingPathComponent("locales")
    static let consent = templatesURL.appendingPathComponent("consent-data-sharing")

    /// The three lines of the DocC getting-started article (Formwright.docc/GettingStarted.md), as written there.
    @Test func gettingStartedExampleRendersADOCX() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (templatesURL, localesURL) = (Self.templatesURL, Self.localesURL)
        let dataURL = Self.consent.appendingPathComponent("example.bg.json")
        let outputURL = dir.appendingPathComponent("consent.docx")

        let library = try TemplateLibrary(templates: templatesURL, locales: localesURL)
        let document = try library.render("consent-data-sharing", data: .file(dataURL), locale: "bg", format: .package(.docx))
        try document.write(to: outputURL)

        let written = try Data(contentsOf: outputURL)
        #expect(Array(written) == document.bytes)
        #expect(written.starts(with: [0x50, 0x4B]))
        #expect(document.suggestedFileName == "consent-data-sharing-bg.docx")
        #expect(document.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(document.document?.metadata.language.description == LocaleID.bg.documentLanguage)
        #expect(!document.diagnostics.contains { $0.code == "translation.missing" }, "\(document.diagnostics)")
    }

    @Test func aFileBytesAndAValueRenderTheSameDocument() throws {
        let library = try TemplateLibrary(templates: Self.templatesURL, locales: Self.localesURL)
        let url = Self.consent.appendingPathComponent("example.ro.json")
        let bytes = try Data(contentsOf: url)
        let value = try DataLoader().load(Array(bytes), path: "example.ro.json").value
        let fromFile = try library.render("consent-data-sharing", data: .file(url), locale: "ro")
        let fromBytes = try library.render("consent-data-sharing", data: .bytes(bytes, format: .json), locale: "ro")
        let fromValue = try library.render("consent-data-sharing", data: .value(value), locale: "ro")
        #expect(fromFile.bytes == fromBytes.bytes)
        #expect(fromFile.bytes == fromValue.bytes)
        #expect(fromFile.format == .package(.odt))
        #expect(fromFile.mediaType == "application/vnd.oasis.opendocument.text")
    }

    @Test func templatesListIdsTitlesLocalesAndFormats() throws {
        let library = try TemplateLibrary(templates: Self.templatesURL, locales: Self.localesURL)
        let templates = try library.templates
        let consent = try #require(templates.first { $0.id == "consent-data-sharing" })
        #expect(consent.locales.first == .en)
        #expect(consent.locales.contains(.bg) && consent.locales.contains(.ro))
        #expect(consent.formats == [.odt, .docx])
        #expect(consent.schema != nil)
        #expect(consent.title[.en] != nil)
        #expect(consent.title[.bg] != nil && consent.title[.bg] != consent.title[.en], "\(consent.title)")
        #expect(templates.map(\.id) == templates.map(\.id).sorted())
    }

    @Test func validateReportsDataProblemsAtTheirJSONPointer() throws {
        let library = try TemplateLibrary(templates: Self.templatesURL, locales: Self.localesURL)
        let good = library.validate("consent-data-sharing", data: .file(Self.consent.appendingPathComponent("example.json")), locale: "bg")
        #expect(good.isEmpty, "\(good)")
        let broken = library.validate("consent-data-sharing", data: .file(Self.consent.appendingPathComponent("tests/broken.json")))
        let date = try #require(broken.first { $0.location.jsonPointer == "/child/date_of_birth" }, "\(broken)")
        #expect(date.code == "data.format")
        #expect(date.severity == .error)
        #expect(date.location.line == 20 && date.location.column == 22)
        #expect(date.suggestion == "did you mean \"2016-09-23\"?")
        #expect(broken.contains { $0.code == "data.required" })
    }

    @Test func aMisspeltTemplateIdSuggestsTheRightOne() throws {
        let library = try TemplateLibrary(templates: Self.templatesURL, locales: Self.localesURL)
        let error = try #require(throws: FormwrightError.self) {
            try library.render("consent-data-shairng", data: .value(.object([:])), locale: "bg")
        }
        #expect(error.diagnostics.first?.code == "project.unknown-template")
        #expect(error.diagnostics.first?.suggestion == "did you mean 'consent-data-sharing'?")
    }

    @Test func anUnknownLocaleIsADiagnosticWithASuggestion() throws {
        let library = try TemplateLibrary(templates: Self.templatesURL, locales: Self.localesURL)
        let error = try #require(throws: FormwrightError.self) { try library.compile("consent-data-sharing", locale: "bgg") }
        #expect(error.kind == .locale)
        #expect(error.diagnostics.first?.code == "locale.unknown")
        #expect(error.diagnostics.first?.suggestion == "did you mean 'bg'?")
    }

    /// Two libraries in one process keep their own compiled templates and limits.
    @Test func twoLibrariesDoNotShareCompiledTemplatesOrLimits() throws {
        var tight = Limits()
        tight.maxLoopIterations = 1
        let strict = try TemplateLibrary(templates: Self.templatesURL, locales: Self.localesURL, limits: tight)
        let normal = try TemplateLibrary(templates: Self.templatesURL, locales: Self.localesURL)
        let data = TemplateLibrary.DataSource.file(Self.consent.appendingPathComponent("example.json"))
        _ = try normal.render("consent-data-sharing", data: data, locale: "en")
        let error = try #require(throws: FormwrightError.self) { try strict.render("consent-data-sharing", data: data, locale: "en") }
        #expect(error.kind == .limit)
        #expect(error.diagnostics.contains { $0.limit == .maxLoopIterations && $0.code == "limit.loop-iterations" }, "\(error)")
        #expect(try normal.render("consent-data-sharing", data: data, locale: "en").bytes.count > 1000)
    }

    @Test func aTemplateErrorKeepsItsLineColumnAndCaret() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("templates/bad")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("locales"), withIntermediateDirectories: true)
        try """
            <document xmlns="urn:formwright:template:1" id="bad">
              <body>
                <p>{name | uper}</p>
              </body>
            </document>
            """.write(to: folder.appendingPathComponent("template.xml"), atomically: true, encoding: .utf8)
        let library = try TemplateLibrary(templates: dir.appendingPathComponent("templates"), locales: dir.appendingPathComponent("locales"))
        let error = try #require(throws: FormwrightError.self) { try library.package("bad") }
        let diagnostic = try #require(error.diagnostics.first { $0.message.contains("unknown filter") }, "\(error)")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == 16)
        #expect(diagnostic.code.hasPrefix("expression.") || diagnostic.code.hasPrefix("template."), "\(diagnostic.code)")
        #expect(diagnostic.sourceLine?.contains("uper") == true)
        #expect(diagnostic.description.contains("^"))
        #expect(diagnostic.suggestion?.contains("upper") == true, "\(diagnostic)")
    }

    @Test func aDiagnosticIsOneJSONLineWithItsLocation() throws {
        let diagnostic = Diagnostic(
            code: "data.format", location: .init(file: "case.json", line: 3, column: 7, jsonPointer: "/child/birth_date"),
            message: "expected a date", suggestion: "did you mean \"2016-09-23\"?")
        #expect(!diagnostic.jsonLine.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diagnostic.jsonLine.utf8)) as? [String: Any])
        #expect(object["severity"] as? String == "error")
        #expect(object["code"] as? String == "data.format")
        #expect(object["file"] as? String == "case.json")
        #expect(object["line"] as? Int == 3)
        #expect(object["pointer"] as? String == "/child/birth_date")
        #expect(object["part"] == nil)
        #expect(diagnostic.description == "case.json:3:7: error: /child/birth_date: expected a date\n  hint: did you mean \"2016-09-23\"?")
    }

    @Test func aBatchIsAnAsyncSequenceOfProgressAndResults() async throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let library = try TemplateLibrary(templates: Self.templatesURL, locales: Self.localesURL)
        let examples = ["example.json", "example.bg.json"].map { Self.consent.appendingPathComponent($0) }
        let run = try library.renderBatch("consent-data-sharing", .init(
            data: examples, locales: [.bg, .ro], formats: [.package(.odt), .package(.docx)],
            naming: try OutputNaming(pattern: "{file}-{locale}"), outputDirectory: dir, jobs: 2))
        var started = 0, written: [URL] = [], lastProgress = (0, 0)
        var summary: BatchSummary?
        for await event in run {
            switch event {
            case .started(let documents): started = documents
            case .written(let url): written.append(url)
            case .progress(let done, let total): lastProgress = (done, total)
            case .finished(let result): summary = result
            case .failed(let failure): Issue.record("\(failure)")
            case .warning: break
            }
        }
        #expect(started == 8)
        #expect(written.count == 8)
        #expect(lastProgress == (8, 8))
        #expect(summary?.written == 8 && summary?.failed == 0)
        for url in written { #expect(FileManager.default.fileExists(atPath: url.path)) }
    }

    @Test func aProjectIsFoundFromAFolderInsideIt() throws {
        let project = try Project.found(from: Self.consent)
        #expect(project.templatesDirectory.standardizedFileURL == Self.templatesURL.standardizedFileURL)
        #expect(project.templateIDs.contains("consent-data-sharing"))
        #expect(project.catalogProject.localesDirectory == project.localesDirectory)
        let error = try #require(throws: FormwrightError.self) { try Project.found(from: URL(fileURLWithPath: "/")) }
        #expect(error.diagnostics.first?.code == "project.not-found")
    }
}
