import Foundation
import Localization
import TemplateData
import TestSupport
import Testing
import WebForms

/// `locales/forms.pot` lists every message the bundled templates' forms use, and the
/// translations load and are used by the pages.
@Suite struct FormCatalogTests {
    static let potURL = Fixtures.localesDirectory.appendingPathComponent("forms.pot")

    static func generated() throws -> String {
        WebForm.catalogTemplate(templates: try Fixtures.templateIDs.map { ($0, try Fixtures.schema($0)) })
    }

    @Test func thePotIsUpToDate() throws {
        let expected = try Self.generated()
        if TestSupport.isRecording { try expected.write(to: Self.potURL, atomically: true, encoding: .utf8) }
        let actual = try String(contentsOf: Self.potURL, encoding: .utf8)
        #expect(actual == expected, "locales/forms.pot is stale: RECORD_GOLDEN=1 swift test --filter FormCatalogTests")
    }

    @Test func everyMessageSourceIsAValidPattern() throws {
        for id in Fixtures.templateIDs {
            for message in WebForm.messageSources(templateID: id, schema: try Fixtures.schema(id)) {
                #expect(throws: Never.self, "\(message.id)") { try MessageFormat(message.source) }
            }
        }
    }

    @Test(arguments: [LocaleID.bg, .ro, .it])
    func theFormsOwnWordsAreTranslated(_ locale: LocaleID) throws {
        for message in WebForm.messageSources(templateID: "consent-data-sharing", schema: try Fixtures.schema("consent-data-sharing"))
        where message.id.hasPrefix("form.ui.") || message.id.hasPrefix("form.id.") {
            let resolved = Fixtures.catalogs.lookup(id: message.id, domains: [WebForm.catalogDomain], locale: locale)
            #expect(resolved?.locale == locale, "\(message.id) is not translated into \(locale)")
            #expect(resolved?.entry.isStale(comparedTo: message.source) == false, "\(message.id) in \(locale) was translated from another English text")
            if let text = resolved?.text { #expect(throws: Never.self) { try MessageFormat(text) } }
        }
    }

    @Test(arguments: [LocaleID.bg, .ro, .roMD, .it])
    func everyTranslationIsOfACurrentMessage(_ locale: LocaleID) throws {
        let sources = Dictionary(
            try Fixtures.templateIDs.flatMap { WebForm.messageSources(templateID: $0, schema: try Fixtures.schema($0)) }.map { ($0.id, $0.source) },
            uniquingKeysWith: { a, _ in a })
        let catalog = try #require(Fixtures.catalogs.catalog(locale: locale, domain: WebForm.catalogDomain))
        _ = catalog
        let file = try POFile.read(contentsOf: Fixtures.localesDirectory.appendingPathComponent("\(locale.identifier)/forms.po"))
        for entry in file.messages where !entry.translation.isEmpty {
            let id = try #require(entry.context)
            #expect(sources[id] == entry.id, "\(locale): \(id) is not a current message (or its English changed)")
        }
    }

    @Test func thePageSpeaksTheLanguageOfTheCatalog() throws {
        let schema = try Fixtures.schema("consent-data-sharing")
        let bg = WebForm.page(Fixtures.request("consent-data-sharing", schema: schema, locale: .bg))
        let ro = WebForm.page(Fixtures.request("consent-data-sharing", schema: schema, locale: .ro))
        let en = WebForm.page(Fixtures.request("consent-data-sharing", schema: schema, locale: .en))
        #expect(en.contains("Fields marked * are required."))
        #expect(!bg.contains("Fields marked * are required."))
        #expect(!ro.contains("Fields marked * are required."))
        #expect(en.contains(">Date of birth<"))
        #expect(!ro.contains(">Date of birth<"))
        // Plain-text descriptions pass through the message formatter unchanged (apostrophes kept).
        #expect(en.contains("Monitoring and case review at the mechanism's meetings (case code only)."))
        #expect(en.contains("'unanswered' prints two empty boxes."))
    }
}

extension FormCatalogTests {
    @Test func englishFallbacksAreMarkedAsEnglish() throws {
        let schema = try Fixtures.schema("consent-data-sharing")
        let all = try Fixtures.parse(WebForm.page(Fixtures.request("consent-data-sharing", schema: schema, locale: .bg))).descendants
        // Translated label: no lang; help not translated yet: lang="en".
        let label = try #require(all.first { $0.name == "label" && $0["for"] == "f.child.date_of_birth" })
        #expect(label["lang"] == nil)
        #expect(label.textContent.hasPrefix("Дата на раждане"))
        let help = try #require(all.first { $0["id"] == "h.child.date_of_birth" })
        #expect(help["lang"] == (Fixtures.catalogs.lookup(id: "form.help.consent-data-sharing.child.date_of_birth", domains: ["forms"], locale: .bg) == nil ? "en" : nil))
        let english = try Fixtures.parse(WebForm.page(Fixtures.request("consent-data-sharing", schema: schema, locale: .en))).descendants
        #expect(!english.contains { $0["lang"] == "en" && $0.name != "html" && $0.name != "a" })
    }
}
