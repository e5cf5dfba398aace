import CatalogTools
import Foundation
import Localization
import Testing

@Suite struct TemplateCatalogCheckTests {
    @Test func reportsMissingIdsUnusedEntriesAndLiteralText() throws {
        let project = try CatalogFixtures.projectCopy()
        let templates = try project.loadTemplates()
        let findings = try TemplateCatalogCheck.check(templates: templates, allTemplates: templates, project: project)
        // sample.date is in no ro catalog; it and bg have no sample.po at all.
        #expect(findings.contains { $0.severity == .error && $0.message == "message 'sample.date' is not in locales/ro/sample.po" && $0.location == "templates/sample/template.xml:14:8" })
        #expect(findings.contains { $0.severity == .error && $0.message.contains("'sample.title' is not in locales/it/sample.po") })
        // ro-MD holds differences only.
        #expect(!findings.contains { $0.message.contains("ro-MD") })
        #expect(findings.contains { $0.severity == .warning && $0.message == "message 'sample.removed' is not used by any template" && $0.location == "locales/ro/sample.po:29" })
        #expect(findings.contains { $0.severity == .warning && $0.message.contains("was translated from another English source") && $0.file == "locales/ro/sample.po" })
        #expect(findings.contains { $0.severity == .warning && $0.message.contains("literal text \"Ref:") && $0.file == "templates/sample/template.xml" && $0.line == 15 })
    }

    @Test func cleanAfterExtractAndUpdateExceptUntranslatedText() throws {
        let project = try CatalogFixtures.projectCopy()
        let templates = try project.loadTemplates()
        let pots = try CatalogExtractor.extract(templates)
        for (domain, pot) in pots { try pot.write(to: project.templateCatalogURL(domain: domain)) }
        try CatalogWriter.write(try CatalogUpdate.plan(project: project).map { ($0.url, $0.file.serialized()) }, project: project)
        let findings = try TemplateCatalogCheck.check(templates: templates, allTemplates: templates, project: project)
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings)")
        #expect(!findings.contains { $0.message.contains("not used by any template") })
    }

    @Test func shippedTemplatesHaveAllTheirIdsInTheCatalogs() throws {
        let project = CatalogFixtures.shipped
        let templates = try project.loadTemplates()
        try #require(templates.count >= 2 && project.catalogLocales().count >= 4)
        let errors = try TemplateCatalogCheck.check(templates: templates, allTemplates: templates, project: project).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }
}
