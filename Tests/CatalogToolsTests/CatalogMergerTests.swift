import CatalogTools
import Foundation
import Localization
import Testing
import TestSupport

@Suite struct CatalogMergerTests {
    let project: CatalogProject
    let merged: POFile

    init() throws {
        project = try CatalogFixtures.projectCopy()
        let pots = try CatalogExtractor.extract(project.loadTemplates())
        for (domain, pot) in pots { try pot.write(to: project.templateCatalogURL(domain: domain)) }
        let ro = try project.readCatalog(project.catalogURL(locale: .ro, domain: "sample"))
        merged = CatalogMerger.merge(pots["sample"]!, into: ro, addingNewEntries: true)
    }

    func entry(_ id: String) -> POEntry? { merged.entries.first { $0.context == id } }

    @Test func untouchedEntryKeepsTranslationCommentsAndPlace() throws {
        let title = try #require(entry("sample.title"))
        #expect(title.translation == "Revizuirea cazului")
        #expect(title.translatorComments == ["Translator: keep it short."])
        #expect(!title.isFuzzy)
        #expect(merged.entries[1].context == "sample.title")
        #expect(merged.entries.first?.translatorComments == ["Romanian translation of the sample template.", "Reviewed by hand."])
    }

    @Test func changedSourceBecomesFuzzyWithPreviousSource() throws {
        let heading = try #require(entry("sample.heading"))
        #expect(heading.id == "Review of the case")
        #expect(heading.previousID == "Review of a case")
        #expect(heading.isFuzzy)
        #expect(heading.translation == "Revizuirea unui caz")
        #expect(heading.extractedComments == ["Main heading of the form."])
    }

    @Test func newEntryIsUntranslatedAfterItsPredecessor() throws {
        let date = try #require(entry("sample.date"))
        #expect(date.translation.isEmpty)
        #expect(!date.isFuzzy)
        let ids = merged.messages.map(\.context)
        #expect(ids == ["sample.title", "sample.heading", "sample.children", "sample.date"])
    }

    @Test func removedEntryBecomesObsoleteAndUntranslatedOneIsDropped() throws {
        let removed = try #require(entry("sample.removed"))
        #expect(removed.isObsolete)
        #expect(removed.translation == "Text vechi")
        #expect(merged.entries.last?.context == "sample.removed")
        #expect(entry("sample.removed-untranslated") == nil)
        #expect(merged.serialized().contains("#~ msgctxt \"sample.removed\""))
    }

    @Test func mergingAgainChangesNothing() throws {
        let pot = try CatalogExtractor.extract(project.loadTemplates())["sample"]!
        let twice = CatalogMerger.merge(pot, into: merged, addingNewEntries: true)
        #expect(twice.serialized() == merged.serialized())
        // Also after a write and read, as `catalog update` does.
        let reread = try POFile.parse(merged.serialized(), path: merged.path)
        #expect(CatalogMerger.merge(pot, into: reread, addingNewEntries: true).serialized() == merged.serialized())
    }

    @Test func anObsoleteEntryComesBackWhenExtractedAgain() throws {
        var pot = try CatalogExtractor.extract(project.loadTemplates())["sample"]!
        pot.entries.append(POEntry(context: "sample.removed", id: "Old text"))
        let revived = CatalogMerger.merge(pot, into: merged, addingNewEntries: true)
        let entry = try #require(revived.entries.first { $0.context == "sample.removed" })
        #expect(!entry.isObsolete)
        #expect(entry.translation == "Text vechi")
        #expect(!entry.isFuzzy)
    }

    @Test func updatePlanCreatesFilesForFullLocalesOnlyAndIsIdempotent() throws {
        let changes = try CatalogUpdate.plan(project: project)
        let paths = Set(changes.map { project.relativePath($0.url) })
        #expect(paths.contains("locales/ro/sample.po"))
        #expect(paths.contains("locales/it/sample.po"))
        #expect(paths.contains("locales/bg/common.po"))
        // ro-MD holds differences only: its file is merged but gets no new entries.
        #expect(!paths.contains("locales/ro-MD/common.po"))
        if let md = changes.first(where: { project.relativePath($0.url) == "locales/ro-MD/sample.po" }) {
            #expect(md.file.messages.map(\.context) == ["sample.title"])
        }
        let created = try #require(changes.first { project.relativePath($0.url) == "locales/it/sample.po" }?.file)
        #expect(created.header?.language == "it")
        #expect(created.messages.count == 4)
        #expect(created.messages.allSatisfy { $0.translation.isEmpty })

        try CatalogWriter.write(changes.map { ($0.url, $0.file.serialized()) }, project: project)
        #expect(try CatalogUpdate.plan(project: project).isEmpty)

        // GNU gettext accepts what update wrote.
        for change in changes {
            let check = try TestSupport.run(CatalogFixtures.tool("msgfmt"), ["--check-format", "-o", "/dev/null", change.url.path])
            #expect(check.status == 0, "\(change.url.lastPathComponent): \(check.stderr)")
            let cat = try TestSupport.run(CatalogFixtures.tool("msgcat"), ["--no-wrap", change.url.path])
            #expect(cat.status == 0)
            #expect(cat.stdout == change.file.serialized(), "msgcat --no-wrap rewrites \(project.relativePath(change.url))")
        }
    }

    @Test func updateWithoutTemplatesFails() throws {
        let empty = try CatalogFixtures.projectCopy()
        let error = #expect(throws: CatalogToolError.self) { try CatalogUpdate.plan(project: empty) }
        #expect(error?.diagnostics.first?.suggestion?.contains("catalog extract") == true)
    }

    @Test func updateOfShippedCatalogsIsIdempotent() throws {
        let shipped = try CatalogFixtures.shippedCopy()
        let pots = try CatalogExtractor.extract(shipped.loadTemplates())
        try CatalogWriter.write(pots.map { (shipped.templateCatalogURL(domain: $0.key), $0.value.serialized()) }, project: shipped)
        let first = try CatalogUpdate.plan(project: shipped)
        try CatalogWriter.write(first.map { ($0.url, $0.file.serialized()) }, project: shipped)
        #expect(try CatalogUpdate.plan(project: shipped).isEmpty)
        // No translation is lost: every shipped translation is still there (active or obsolete).
        for change in first {
            let before = try CatalogFixtures.shipped.readCatalog(CatalogFixtures.shipped.localesDirectory
                .appendingPathComponent(change.url.deletingLastPathComponent().lastPathComponent).appendingPathComponent(change.url.lastPathComponent))
            for entry in before.messages where !entry.translation.isEmpty {
                #expect(change.file.entries.contains { $0.context == entry.context && $0.translation == entry.translation }, "\(entry.context ?? "")")
            }
        }
    }
}
