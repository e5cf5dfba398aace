import Foundation
import Localization
import TestSupport
import Testing

@Suite("CatalogSet")
struct CatalogSetTests {
    @Test func loadsOnlyTheLocalesAndDomainsAsked() throws {
        let locales = TestSupport.repositoryRoot.appendingPathComponent("locales")
        let all = try CatalogSet(directory: locales)
        let some = try CatalogSet(directory: locales, locales: Set(LocaleID.roMD.fallbackChain), domains: ["common"])
        #expect(all.domains.count > 1)
        #expect(some.domains == ["common"])
        #expect(Set(some.locales).isSubset(of: [.roMD, .ro, .en]))
        #expect(some.lookup(id: "common.page-of", domains: ["common"], locale: .roMD)?.text
            == all.lookup(id: "common.page-of", domains: ["common"], locale: .roMD)?.text)
    }

    /// Writes `files` (relative path → text) under a fresh temporary `locales/` directory.
    static func makeLocales(_ files: [String: String]) throws -> URL {
        let root = try TestSupport.temporaryDirectory().appendingPathComponent("locales")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func remove(_ locales: URL) { try? FileManager.default.removeItem(at: locales.deletingLastPathComponent()) }

    /// A project where ro-MD overrides one message, has a fuzzy one, and en refines the source.
    static let project: [String: String] = [
        "en/common.po": POFixtures.catalog(language: "en", [
            ("common.page-of", "Page {page} of {pages}", "Page {page} of {pages}", false),
        ]),
        "ro/common.po": POFixtures.catalog(language: "ro", [
            ("common.page-of", "Page {page} of {pages}", "Pagina {page} din {pages}", false),
            ("common.date", "Date", "Data", false),
            ("common.signature", "Signature", "", false),
        ]),
        "ro/consent.po": POFixtures.catalog(language: "ro", [
            ("consent.title", "Consent", "Consimțământ", false),
            ("common.date", "Date", "Data semnării", false),
        ]),
        "ro_MD/consent.po": POFixtures.catalog(language: "ro_MD", [
            ("consent.title", "Consent", "Acord", false),
            ("common.date", "Date", "Data (MD)", true),
        ]),
        "bg/common.po": POFixtures.catalog(language: "bg", [
            ("common.page-of", "Page {page} of {pages}", "Страница {page} от {pages}", false),
        ]),
        "it/common.po": POFixtures.catalog(language: "it", []),
        "consent.pot": "not read: templates are ignored\n",
        "ro/notes.txt": "not read either\n",
        ".git/x.po": "msgid broken\n",
    ]

    struct Lookup: Sendable, CustomTestStringConvertible {
        let id: String
        let locale: LocaleID
        let text: String?
        let from: LocaleID?
        let file: String?
        var testDescription: String { "\(id) in \(locale)" }
    }

    static let lookups: [Lookup] = [
        Lookup(id: "consent.title", locale: .roMD, text: "Acord", from: .roMD, file: "ro_MD/consent.po"),
        Lookup(id: "consent.title", locale: .ro, text: "Consimțământ", from: .ro, file: "ro/consent.po"),
        // Fuzzy in ro-MD, so ro's; the template's own domain comes before common.
        Lookup(id: "common.date", locale: .roMD, text: "Data semnării", from: .ro, file: "ro/consent.po"),
        Lookup(id: "common.page-of", locale: .roMD, text: "Pagina {page} din {pages}", from: .ro, file: "ro/common.po"),
        Lookup(id: "common.page-of", locale: .bg, text: "Страница {page} от {pages}", from: .bg, file: "bg/common.po"),
        Lookup(id: "common.page-of", locale: .it, text: "Page {page} of {pages}", from: .en, file: "en/common.po"),
        // Empty in ro and absent from en: the caller uses the template source.
        Lookup(id: "common.signature", locale: .roMD, text: nil, from: nil, file: nil),
        Lookup(id: "consent.title", locale: .bg, text: nil, from: nil, file: nil),
        Lookup(id: "nowhere", locale: .en, text: nil, from: nil, file: nil),
    ]

    @Test(arguments: lookups)
    func lookupWalksTheFallbackChain(_ expected: Lookup) throws {
        let locales = try Self.makeLocales(Self.project)
        defer { Self.remove(locales) }
        let catalogs = try CatalogSet(directory: locales)
        let message = catalogs.lookup(id: expected.id, domains: ["consent", "common"], locale: expected.locale)
        #expect(message?.text == expected.text)
        #expect(message?.locale == expected.from)
        #expect(message?.requestedLocale == (expected.text == nil ? nil : expected.locale))
        #expect(message?.isFallback == (expected.text == nil ? nil : expected.from != expected.locale))
        if let file = expected.file {
            let message = try #require(message)
            #expect(message.path == locales.appendingPathComponent(file).path)
            #expect(message.location == "\(message.path):\(message.line)")
            #expect(message.line > 0)
            #expect(message.domain == (file.hasSuffix("consent.po") ? "consent" : "common"))
        }
    }

    @Test func domainOrderDecides() throws {
        let locales = try Self.makeLocales(Self.project)
        defer { Self.remove(locales) }
        let catalogs = try CatalogSet(directory: locales)
        #expect(catalogs.lookup(id: "common.date", domains: ["common", "consent"], locale: .ro)?.text == "Data")
        #expect(catalogs.lookup(id: "common.date", domains: ["consent"], locale: .ro)?.text == "Data semnării")
        #expect(catalogs.lookup(id: "common.date", domains: [], locale: .ro) == nil)
    }

    @Test func localesAndDomainsAreKnown() throws {
        let locales = try Self.makeLocales(Self.project)
        defer { Self.remove(locales) }
        let catalogs = try CatalogSet(directory: locales)
        #expect(catalogs.locales == [.bg, .en, .it, .ro, .roMD])
        #expect(catalogs.domains == ["common", "consent"])
        #expect(catalogs.locales(forDomain: "common") == [.bg, .en, .it, .ro])
        #expect(catalogs.locales(forDomain: "consent") == [.ro, .roMD])
        #expect(catalogs.locales(forDomain: "plan").isEmpty)
        #expect(catalogs.catalog(locale: .roMD, domain: "consent")?.count == 1)
        #expect(catalogs.catalog(locale: .it, domain: "common")?.count == 0)
    }

    @Test func everyProblemOfEveryFileIsReportedAtOnce() throws {
        var files = Self.project
        files["bg/common.po"] = "msgctxt \"a\"\nmsgid \"A\nmsgstr \"\"\n\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"\\q\"\n"
        files["it/common.po"] = POFixtures.catalog(language: "ro", [])
        files["ro/consent.po"] = "msgctxt \"x\"\nmsgid \"X\"\nmsgstr \"\"\n\nmsgctxt \"x\"\nmsgid \"X changed\"\nmsgstr \"\"\n"
        files["fr/common.po"] = POFixtures.catalog(language: "fr", [])
        let locales = try Self.makeLocales(files)
        defer { Self.remove(locales) }
        let error = try #require(throws: CatalogErrors.self) { try CatalogSet(directory: locales) }
        let found = error.errors.map { "\($0.file.dropFirst(locales.path.count + 1)):\($0.line):\($0.column) \($0.code)" }
        #expect(found == [
            "bg/common.po:2:7 unterminated-string",
            "bg/common.po:7:9 invalid-escape",
            "fr:0:0 wrong-locale",
            "it/common.po:1:1 wrong-locale",
            "ro/consent.po:5:1 duplicate-entry",
        ])
        #expect(error.description.split(separator: "\n").filter { !$0.hasPrefix("  ") }.count == 5)
    }

    @Test func nonUTF8FileIsReported() throws {
        let locales = try Self.makeLocales(["bg/common.po": ""])
        defer { Self.remove(locales) }
        try Data([0x6D, 0x73, 0x67, 0x69, 0x64, 0x20, 0x22, 0xC8, 0x22, 0x0A]).write(to: locales.appendingPathComponent("bg/common.po"))
        let error = try #require(throws: CatalogErrors.self) { try CatalogSet(directory: locales) }
        #expect(error.errors.map(\.code) == [.unsupportedCharset])
        #expect(error.errors.first?.line == 1)
        #expect(error.errors.first?.column == 8)
    }

    @Test func missingDirectoryIsAnError() throws {
        let error = try #require(throws: CatalogErrors.self) {
            try CatalogSet(directory: URL(fileURLWithPath: "no-such-locales-\(UUID().uuidString)"))
        }
        #expect(error.errors.map(\.code) == [.io])
    }

    @Test func catalogsBuiltInCodeResolveTheSameWay() throws {
        let ro = Catalog(file: try POFile.parse(POFixtures.canonical, path: "ro.po"), locale: .ro, domain: "common")
        let set = CatalogSet(catalogs: [ro])
        #expect(set.lookup(id: "consent.title", domains: ["common"], locale: .roMD)?.locale == .ro)
        // Fuzzy in the fixture.
        #expect(set.lookup(id: "consent.intro", domains: ["common"], locale: .roMD) == nil)
        #expect(set.lookup(id: "escapes", domains: ["common"], locale: .ro)?.entry.source == "Tab\there, \"quoted\", back\\slash, octal é, hex A")
    }
}
