import CatalogTools
import Foundation
import Testing
import TestSupport

/// The `formwright catalog …` and `formwright check` commands, run as a translator would.
/// Needs the `formwright` executable built next to the tests (`swift build` or a full `swift test`).
@Suite struct CatalogCommandTests {
    func formwright(_ arguments: [String], in project: CatalogProject) throws -> TestSupport.ProcessResult {
        try #require(FileManager.default.isExecutableFile(atPath: TestSupport.formwrightExecutable.path), "build the formwright executable first")
        return try TestSupport.formwright(arguments, in: project.rootDirectory)
    }

    @Test(arguments: [
        ["catalog", "extract"], ["catalog", "update"], ["catalog", "status"], ["catalog", "check"],
        ["catalog", "export"], ["catalog", "import"], ["check"],
    ])
    func helpHasExamples(_ command: [String]) throws {
        let result = try formwright(command + ["--help"], in: CatalogFixtures.shipped)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("formwright " + command.joined(separator: " ")))
    }

    @Test func translatorWorkflow() throws {
        let project = try CatalogFixtures.projectCopy()
        let extract = try formwright(["catalog", "extract"], in: project)
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stdout.contains("locales/sample.pot"))
        let update = try formwright(["catalog", "update"], in: project)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("locales/it/sample.po"))
        let again = try formwright(["catalog", "update"], in: project)
        #expect(again.stdout.isEmpty && again.stderr.contains("0 catalog(s) updated"))

        let status = try formwright(["catalog", "status", "--json"], in: project)
        #expect(status.status == 0)
        let rows = try JSONDecoder().decode([CatalogStatus].self, from: Data(status.stdout.utf8))
        #expect(rows.contains { $0.locale == "ro" && $0.domain == "sample" && $0.fuzzy == 1 })

        let export = try formwright(["catalog", "export", "--format", "xliff", "--locale", "ro", "-o", "ro.xlf"], in: project)
        #expect(export.status == 0, "\(export.stderr)")
        let before = try CatalogFixtures.snapshot(project.localesDirectory)
        let imported = try formwright(["catalog", "import", "ro.xlf"], in: project)
        #expect(imported.status == 0)
        #expect(try CatalogFixtures.snapshot(project.localesDirectory) == before)

        let check = try formwright(["check", "templates/sample"], in: project)
        #expect(check.status == 0, "\(check.stdout)")   // every id is in every catalog now; only warnings
        #expect(check.stdout.contains("templates/sample/template.xml:15:8: warning: literal text"))
    }

    @Test func templateCheckFailsBeforeUpdate() throws {
        let project = try CatalogFixtures.projectCopy()
        let result = try formwright(["check", "templates/sample"], in: project)
        #expect(result.status == 1)
        #expect(result.stdout.contains("templates/sample/template.xml:14:8: error: message 'sample.date' is not in locales/ro/sample.po"))
    }

    @Test func checkFailsOnABrokenCatalog() throws {
        let project = try CatalogFixtures.projectCopy()
        try FileManager.default.copyItem(at: CatalogFixtures.directory.appendingPathComponent("broken/ro-invalid.po"),
                                         to: project.catalogURL(locale: .ro, domain: "broken"))
        let result = try formwright(["catalog", "check"], in: project)
        #expect(result.status == 1)
        #expect(result.stdout.contains("locales/ro/broken.po:8: error: the translation of 'b.syntax' is not valid ICU MessageFormat"))
        let shipped = try formwright(["catalog", "check"], in: CatalogFixtures.shipped)
        #expect(shipped.status == 0, "\(shipped.stdout)")
    }
}
