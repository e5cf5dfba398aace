import Localization
import Testing

/// BCP 47 tags read into language, script and region.
@Suite struct LocaleTagTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let language: String
        let script: String?
        let region: String?
        let canonical: String
        var testDescription: String { text }
    }

    static let valid: [Case] = [
        Case(text: "sr-Cyrl-RS", language: "sr", script: "Cyrl", region: "RS", canonical: "sr-Cyrl-RS"),
        Case(text: "sr_cyrl_rs", language: "sr", script: "Cyrl", region: "RS", canonical: "sr-Cyrl-RS"),
        Case(text: "SR-LATN", language: "sr", script: "Latn", region: nil, canonical: "sr-Latn"),
        Case(text: "ro-MD", language: "ro", script: nil, region: "MD", canonical: "ro-MD"),
        Case(text: "ro_md", language: "ro", script: nil, region: "MD", canonical: "ro-MD"),
        Case(text: "uk", language: "uk", script: nil, region: nil, canonical: "uk"),
        Case(text: "uk-UA", language: "uk", script: nil, region: "UA", canonical: "uk-UA"),
        Case(text: "es-419", language: "es", script: nil, region: "419", canonical: "es-419"),
        Case(text: "qps", language: "qps", script: nil, region: nil, canonical: "qps"),
        Case(text: "ca-ES-valencia", language: "ca", script: nil, region: "ES", canonical: "ca-ES-valencia"),
    ]

    @Test(arguments: valid)
    func readsSubtags(_ c: Case) throws {
        let tag = try #require(LocaleTag(c.text))
        #expect(tag.language == c.language)
        #expect(tag.script == c.script)
        #expect(tag.region == c.region)
        #expect(tag.description == c.canonical)
    }

    @Test(arguments: ["", "u", "ukrainian", "uk-", "-uk", "uk--UA", "uk-U", "uk-UA-x-private", "ro MD", "12", "uk-UAA-1"])
    func refusesWhatIsNotATag(_ text: String) {
        #expect(LocaleTag(text) == nil)
    }

    @Test func truncatesAsCLDRFallbackDoes() {
        let tag: LocaleTag = "sr-Cyrl-RS"
        #expect(tag.truncated == "sr-Cyrl")
        #expect(tag.truncated?.truncated == "sr")
        #expect(tag.truncated?.truncated?.truncated == nil)
        #expect((LocaleTag("ca-ES-valencia") as LocaleTag?)?.truncated == "ca-ES")
    }

    /// The bug of issue 16: the region was everything after the first dash.
    @Test func localeIDReadsScriptAndRegionFromTheTag() throws {
        let md = try #require(LocaleID("RO_md"))
        #expect(md == .roMD)
        #expect(md.region == "MD")
        #expect(md.script == nil)
        #expect(LocaleID.uk.region == nil)
        #expect(LocaleID("sr-Cyrl-RS") == nil, "not registered")
        #expect(LocaleID("uk-UA") == nil, "only registered tags are locales")
    }
}
