import CatalogTools
import Foundation
import Localization
import Testing

@Suite struct CatalogStatusTests {
    @Test func countsAgainstTheExtractedMessages() throws {
        let project = try CatalogFixtures.projectCopy()
        let pots = try CatalogExtractor.extract(project.loadTemplates())
        let rows = try CatalogStatus.compute(project: project, templates: pots)
        let ro = try #require(rows.first { $0.locale == "ro" && $0.domain == "sample" })
        // title translated; heading counts as translated until update marks it fuzzy; children
        // translated; date missing. The removed entries are not counted.
        #expect(ro.total == 4)
        #expect(ro.translated == 3)
        #expect(ro.missing == 1)
        #expect(ro.percent == 75)
        let it = try #require(rows.first { $0.locale == "it" && $0.domain == "sample" })
        #expect(it.total == 4 && it.translated == 0 && it.missing == 4 && it.percent == 0)
        let md = try #require(rows.first { $0.locale == "ro-MD" && $0.domain == "sample" })
        #expect(md.total == 1 && md.translated == 1)
        #expect(!rows.contains { $0.locale == "ro-MD" && $0.domain == "common" })
    }

    @Test func fuzzyAndObsoleteAfterUpdate() throws {
        let project = try CatalogFixtures.projectCopy()
        let pots = try CatalogExtractor.extract(project.loadTemplates())
        for (domain, pot) in pots { try pot.write(to: project.templateCatalogURL(domain: domain)) }
        let changes = try CatalogUpdate.plan(project: project)
        try CatalogWriter.write(changes.map { ($0.url, $0.file.serialized()) }, project: project)
        let rows = try CatalogStatus.compute(project: project, templates: pots)
        let ro = try #require(rows.first { $0.locale == "ro" && $0.domain == "sample" })
        #expect(ro == CatalogStatus(locale: "ro", domain: "sample", total: 4, translated: 2, fuzzy: 1, missing: 1, obsolete: 1, percent: 50))
        let table = CatalogStatus.table(rows)
        #expect(table.hasPrefix("locale  domain  total  translated  fuzzy  missing  obsolete  percent"))
        #expect(table.contains("ro      sample      4           2      1        1         1     50 %"))
        let json = try JSONEncoder().encode(rows)
        let decoded = try JSONDecoder().decode([CatalogStatus].self, from: json)
        #expect(decoded == rows)
    }
}
