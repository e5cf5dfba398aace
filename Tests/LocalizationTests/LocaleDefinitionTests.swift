import Foundation
import Localization
import TestSupport
import Testing

/// The locale registry: every definition complete and consistent with its catalogs.
@Suite struct LocaleDefinitionTests {
    static let definitions: [String] = LocaleDefinition.all.map(\.tag.description)

    @Test func registryListsEachLocaleOnceSourceFirst() {
        #expect(Self.definitions == ["en", "bg", "ro", "ro-MD", "it", "uk", "qps"])
        #expect(Set(Self.definitions).count == Self.definitions.count)
        #expect(LocaleID.supported.map(\.identifier) == ["en", "bg", "ro", "ro-MD", "it"])
        #expect(LocaleID.registered.map(\.identifier) == ["en", "bg", "ro", "ro-MD", "it", "uk"])
        #expect(LocaleID.renderable.last == .pseudo)
    }

    @Test(arguments: definitions)
    func definitionIsComplete(tag: String) throws {
        let locale = try #require(LocaleID(tag))
        let definition = locale.definition
        #expect(definition.id == locale)
        #expect(definition.tag.description == tag)
        #expect(!definition.englishName.isEmpty)
        // An office document needs a language with a region.
        #expect(definition.documentLanguage.region != nil, "\(tag): \(definition.documentLanguage)")
        #expect(definition.documentLanguage.language == locale.language || locale == .pseudo)
        #expect(definition.hyphenationLanguage.region != nil)
        #expect(!definition.sealMark.isEmpty)
        #expect(definition.quotes.open != definition.quotes.close || definition.quotes.open == "\"")
        #expect(definition.gettextPluralForms?.hasPrefix("nplurals=") == true)
        #expect(definition.pluralCategories.last == .other)
        // Every locale formats every style and every accepted skeleton.
        let formatter = LocaleFormatter(locale: locale)
        let day = try #require(CalendarDate(iso: "2026-12-03"))
        for style in DateStyle.allCases {
            #expect(formatter.date(day, style: style).contains("3"), "\(tag) \(style)")
        }
        for skeleton in ["yMMMd", "yMMMM", "MMMMd", "yMd", "Hm", "jm", "yMMMMEEEEd"] {
            let text = try MessageFormat("{d, date, ::\(skeleton)}").format(["d": .date(day)], locale: locale)
            #expect(!text.isEmpty && !text.contains("{"), "\(tag) ::\(skeleton): \(text)")
        }
        #expect(formatter.number(Decimal(string: "1234.5")!).contains("234"))
    }

    @Test(arguments: definitions)
    func fallbackChainEndsInTheSourceLocale(tag: String) throws {
        let locale = try #require(LocaleID(tag))
        let chain = locale.fallbackChain
        #expect(chain.first == locale)
        #expect(chain.last == .en)
        #expect(Set(chain).count == chain.count)
    }

    @Test func regionalLocaleFallsBackToItsLanguage() {
        #expect(LocaleID.roMD.fallbackChain == [.roMD, .ro, .en])
        #expect(LocaleID.uk.fallbackChain == [.uk, .en])
        #expect(LocaleID.pseudo.fallbackChain == [.pseudo, .en])
        #expect(LocaleID.en.parent == nil)
        // ro-MD inherits Romanian plural rules and quotes, and has its own seal mark.
        #expect(PluralRules.cardinal(.roMD) == PluralRules.cardinal(.ro))
        #expect(LocaleID.roMD.definition.quotes == LocaleID.ro.definition.quotes)
        #expect(LocaleID.roMD.definition.sealMark == "L.Ș.")
    }

    @Test(arguments: [("en", "en-GB"), ("bg", "bg-BG"), ("ro", "ro-RO"), ("ro-MD", "ro-MD"), ("it", "it-IT"), ("uk", "uk-UA"), ("qps", "en-XA")])
    func documentLanguage(tag: String, expected: String) throws {
        #expect(try #require(LocaleID(tag)).documentLanguage == expected)
    }

    @Test(arguments: [("en", "dd/MM/y"), ("bg", "dd.MM.y\u{202F}'г'."), ("ro", "dd.MM.y"), ("it", "dd/MM/y"), ("uk", "dd.MM.y")])
    func numericDateForm(tag: String, pattern: String) throws {
        #expect(try #require(LocaleID(tag)).definition.numericDatePattern == pattern)
    }

    /// The catalogs translate `common.seal-mark` to the registry's seal mark (the renderer
    /// prints the catalog's; this test keeps the two from drifting apart).
    @Test(arguments: LocaleID.registered.filter { $0 != .en })
    func catalogSealMarkIsTheRegistrys(locale: LocaleID) throws {
        let directory = TestSupport.repositoryRoot.appendingPathComponent("locales")
        let catalogs = try CatalogSet(directory: directory, locales: [locale], domains: ["common"])
        let resolved = try #require(catalogs.lookup(id: "common.seal-mark", domains: ["common"], locale: locale))
        #expect(resolved.text == locale.definition.sealMark, "\(resolved.location)")
        #expect(LocaleID.en.definition.sealMark == "L.S.")
    }
}
