import CatalogTools
import Foundation
import Localization
import Testing
import TestSupport
import XMLSupport

@Suite struct XLIFFTests {
    static let schema = CatalogFixtures.directory.appendingPathComponent("xliff/xliff_core_2.0.xsd")

    func export(_ project: CatalogProject, _ locale: LocaleID) throws -> [UInt8] {
        let catalogs = try project.domains(locale: locale).map { ($0, try project.readCatalog(project.catalogURL(locale: locale, domain: $0))) }
        return XLIFFExporter.export(catalogs, locale: locale)
    }

    /// Export → import leaves every catalog of every shipped locale byte for byte the same.
    @Test(arguments: [LocaleID.bg, .ro, .roMD, .it])
    func roundTripIsByteIdentical(_ locale: LocaleID) throws {
        let project = try CatalogFixtures.shippedCopy()
        let before = try CatalogFixtures.snapshot(project.localesDirectory)
        let url = project.rootDirectory.appendingPathComponent("\(locale).xlf")
        try Data(export(project, locale)).write(to: url)
        #expect(try XLIFFImporter.plan(Array(Data(contentsOf: url)), path: "x.xlf", project: project).isEmpty)
        try XLIFFImporter.importFile(at: url, project: project)
        #expect(try CatalogFixtures.snapshot(project.localesDirectory) == before)
    }

    @Test func fuzzyAndUntranslatedStatesRoundTrip() throws {
        let project = try CatalogFixtures.projectCopy()
        let pots = try CatalogExtractor.extract(project.loadTemplates())
        for (domain, pot) in pots { try pot.write(to: project.templateCatalogURL(domain: domain)) }
        try CatalogWriter.write(try CatalogUpdate.plan(project: project).map { ($0.url, $0.file.serialized()) }, project: project)
        let before = try CatalogFixtures.snapshot(project.localesDirectory)
        let xliff = String(decoding: try export(project, .ro), as: UTF8.self)
        #expect(xliff.contains(#"<segment state="initial" subState="gettext:fuzzy">"#))
        #expect(xliff.contains(#"<note category="developer">Main heading of the form.</note>"#))
        #expect(xliff.contains(#"<note category="translator">Translator: keep it short.</note>"#))
        let url = project.rootDirectory.appendingPathComponent("ro.xlf")
        try xliff.write(to: url, atomically: true, encoding: .utf8)
        try XLIFFImporter.importFile(at: url, project: project)
        #expect(try CatalogFixtures.snapshot(project.localesDirectory) == before)
    }

    @Test func importAppliesTargetsAndStates() throws {
        let project = try CatalogFixtures.projectCopy()
        var xliff = String(decoding: try export(project, .ro), as: UTF8.self)
        xliff = xliff.replacingOccurrences(of: "<target>Revizuirea cazului</target>", with: "<target>Analiza cazului</target>")
        xliff = xliff.replacingOccurrences(
            of: #"<segment state="translated">"# + "\n        <source>Review of a case</source>",
            with: #"<segment state="initial">"# + "\n        <source>Review of a case</source>")
        let changes = try XLIFFImporter.plan(Array(xliff.utf8), path: "ro.xlf", project: project)
        let file = try #require(changes.first?.file)
        #expect(file.entries.first { $0.context == "sample.title" }?.translation == "Analiza cazului")
        #expect(file.entries.first { $0.context == "sample.heading" }?.isFuzzy == true)
        #expect(file.entries.first { $0.context == "sample.title" }?.translatorComments == ["Translator: keep it short."])
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String
        let edit: @Sendable (String) -> String
        let message: String
        let line: Int?
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadCase(name: "not well-formed", edit: { $0.replacingOccurrences(of: "</notes>", with: "</note>") }, message: "not a well-formed XML file", line: nil),
        BadCase(name: "wrong root", edit: { $0.replacingOccurrences(of: "urn:oasis:names:tc:xliff:document:2.0", with: "urn:oasis:names:tc:xliff:document:1.2") }, message: "not an XLIFF 2.0", line: 2),
        BadCase(name: "unknown language", edit: { $0.replacingOccurrences(of: #"trgLang="ro""#, with: #"trgLang="fr""#) }, message: "trgLang is 'fr'", line: 2),
        BadCase(name: "changed source", edit: { $0.replacingOccurrences(of: "<source>Case review</source>", with: "<source>Case reviews</source>") }, message: "English source of 'sample.title' differs", line: nil),
        BadCase(name: "unknown unit", edit: { $0.replacingOccurrences(of: #"name="sample.title""#, with: #"name="sample.nope""#) }, message: "message 'sample.nope' is not in", line: nil),
        BadCase(name: "invalid message", edit: { $0.replacingOccurrences(of: "<target>Revizuirea cazului</target>", with: "<target>Revizuirea {cazului</target>") }, message: "not valid ICU MessageFormat", line: nil),
        BadCase(name: "inline markup", edit: { $0.replacingOccurrences(of: "<target>Revizuirea cazului</target>", with: #"<target>Revizuirea <ph id="1"/></target>"#) }, message: "<ph> inside a message is not supported", line: nil),
    ])
    func badXLIFFIsLocatedAndChangesNothing(_ bad: BadCase) throws {
        let project = try CatalogFixtures.projectCopy()
        let before = try CatalogFixtures.snapshot(project.localesDirectory)
        var xliff = String(decoding: try export(project, .ro), as: UTF8.self)
        // A valid edit next to the bad one: it must not be written either.
        xliff = xliff.replacingOccurrences(of: "<target>Revizuirea unui caz</target>", with: "<target>Altceva</target>")
        let url = project.rootDirectory.appendingPathComponent("bad.xlf")
        try bad.edit(xliff).write(to: url, atomically: true, encoding: .utf8)
        let error = #expect(throws: CatalogToolError.self) { try XLIFFImporter.importFile(at: url, project: project) }
        let problem = try #require(error?.diagnostics.first)
        #expect(problem.message.contains(bad.message), "\(problem)")
        #expect(problem.file == "bad.xlf")
        #expect(problem.line > 0 && problem.column > 0)
        if let line = bad.line { #expect(problem.line == line) }
        #expect(try CatalogFixtures.snapshot(project.localesDirectory) == before)
    }

    /// The schema constraints the export relies on, checked on the shipped catalogs.
    @Test(arguments: [LocaleID.bg, .ro, .roMD, .it])
    func exportFollowsTheCoreStructure(_ locale: LocaleID) throws {
        let bytes = try export(CatalogFixtures.shipped, locale)
        let root = try XMLReader().parse(bytes, file: "x.xlf")
        #expect(root.name == "xliff" && root.namespace == XLIFFExporter.namespace)
        #expect(root["version"] == "2.0" && root["srcLang"] == "en" && root["trgLang"] == locale.identifier)
        let nmtoken = /^[\p{L}\p{N}._:\-]+$/
        for file in root.elements {
            #expect(file.name == "file")
            #expect(file["id"].map { $0.wholeMatch(of: nmtoken) != nil } == true)
            var ids = Set<String>()
            for unit in file.elements {
                #expect(unit.name == "unit")
                let id = try #require(unit["id"])
                #expect(id.wholeMatch(of: nmtoken) != nil)
                #expect(ids.insert(id).inserted, "duplicate unit id \(id)")
                let children = unit.elements.map(\.name)
                #expect(children == ["segment"] || children == ["notes", "segment"])
                let segment = try #require(unit.elements.last)
                #expect(["initial", "translated"].contains(segment["state"] ?? ""))
                if let sub = segment["subState"] { #expect(sub == "gettext:fuzzy" && segment["state"] == "initial") }
                let parts = segment.elements.map(\.name)
                #expect(parts == ["source"] || parts == ["source", "target"])
                if parts == ["source"] { #expect(segment["state"] == "initial") }
            }
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: XLIFFTests.schema.path), "xliff_core_2.0.xsd is not vendored; see Fixtures/xliff/SOURCE.md"),
          arguments: [LocaleID.bg, .ro, .roMD, .it])
    func exportValidatesAgainstTheCoreSchema(_ locale: LocaleID) throws {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent("\(locale).xlf")
        try Data(export(CatalogFixtures.shipped, locale)).write(to: url)
        let result = try TestSupport.run(CatalogFixtures.tool("xmllint"), ["--noout", "--schema", Self.schema.path, url.path])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
