import Localization
import Testing

@Suite("Catalog")
struct CatalogTests {
    static let text = """
        msgid ""
        msgstr "Language: ro\\n"

        msgctxt "consent.title"
        msgid "Consent"
        msgstr "Consimțământ"

        #, fuzzy
        msgctxt "consent.intro"
        msgid "I agree."
        msgstr "Sunt de acord."

        msgctxt "plan.empty"
        msgid "No activities."
        msgstr ""

        msgid "No context"
        msgstr "Fără context"

        msgctxt "legacy"
        msgid "%d file"
        msgid_plural "%d files"
        msgstr[0] "%d fișier"
        msgstr[1] "%d fișiere"

        #~ msgctxt "old"
        #~ msgid "Old"
        #~ msgstr "Vechi"

        """

    let catalog: Catalog

    init() throws {
        catalog = Catalog(file: try POFile.parse(Self.text, path: "locales/ro/consent.po"), locale: .ro, domain: "consent")
    }

    @Test func translatedEntryCarriesSourceAndLocation() throws {
        let entry = try #require(catalog.translation(for: "consent.title"))
        #expect(entry == CatalogEntry(id: "consent.title", source: "Consent", translation: "Consimțământ", line: 4, path: "locales/ro/consent.po"))
        #expect(entry.location == "locales/ro/consent.po:4")
        #expect(catalog.locale == .ro)
        #expect(catalog.domain == "consent")
        #expect(catalog.path == "locales/ro/consent.po")
    }

    @Test(arguments: ["consent.intro", "plan.empty", "No context", "legacy", "old", ""])
    func unusableEntriesCountAsMissing(id: String) {
        #expect(catalog.translation(for: id) == nil)
    }

    @Test func onlyUsableIdsAreListed() {
        #expect(catalog.ids == ["consent.title"])
        #expect(catalog.count == 1)
    }

    @Test func staleTranslationIsDetectedFromTheSource() throws {
        let entry = try #require(catalog.translation(for: "consent.title"))
        #expect(!entry.isStale(comparedTo: "Consent"))
        #expect(entry.isStale(comparedTo: "Consent to share information"))
    }

    @Test func firstOfTwoEntriesWithOneIdWins() throws {
        let text = "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"first\"\n\nmsgctxt \"a\"\nmsgid \"A changed\"\nmsgstr \"second\"\n"
        let catalog = Catalog(file: try POFile.parse(text, path: "t.po"), locale: .bg, domain: "common")
        #expect(catalog.translation(for: "a")?.translation == "first")
    }
}
