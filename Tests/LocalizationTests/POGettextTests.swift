import Foundation
import Localization
import TestSupport
import Testing

/// Checks files written by `serialized()` with GNU gettext itself, the reference for what
/// Poedit, Weblate and Lokalize accept.
@Suite("PO files against GNU gettext")
struct POGettextTests {
    /// A gettext program from PATH (`/usr/bin` on Linux, Homebrew on macOS).
    static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin"])
            .map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Catalogs as Formwright writes them: MessageFormat in msgstr, every locale's header.
    static let written: [(name: String, file: POFile)] = {
        var files: [(String, POFile)] = []
        for (language, plural) in [
            ("bg", "nplurals=2; plural=(n != 1);"),
            ("ro", "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);"),
            ("it", "nplurals=2; plural=(n != 1);"),
        ] {
            var file = POFile(path: "\(language).po")
            var header = POHeader()
            header["Project-Id-Version"] = "formwright"
            header["PO-Revision-Date"] = "2026-01-12 14:31+0200"
            header["Last-Translator"] = "Ana Popescu <ana@example.org>"
            header["Language-Team"] = "Formwright \(language)"
            header["Language"] = language
            header["MIME-Version"] = "1.0"
            header["Content-Type"] = "text/plain; charset=UTF-8"
            header["Content-Transfer-Encoding"] = "8bit"
            header["Plural-Forms"] = plural
            file.header = header
            file.entries += [
                POEntry(
                    context: "consent.title", id: "Consent to share information", translation: "Превод «\(language)» ăîșț",
                    extractedComments: ["Title"], references: (1...12).map { "templates/consent-data-sharing/template.xml:\($0 * 7)" }),
                POEntry(
                    context: "plan.days", id: "{count, plural, one {# day} other {# days}}",
                    translation: "{count, plural, one {# x} other {# y}}", flags: ["fuzzy"], previousID: "{count} days"),
                POEntry(context: "escapes", id: "Tab\t\"q\" \\ a\nb\n", translation: "Tab\t\"q\" \\ a\nb\n"),
                POEntry(context: "empty", id: "Not yet translated"),
                POEntry(context: "old", id: "Gone", translation: "Dus", isObsolete: true),
            ]
            files.append((language, file))
        }
        return files
    }()

    @Test(arguments: written.map(\.name))
    func msgfmtAcceptsSerializedCatalogs(language: String) throws {
        let file = try #require(Self.written.first { $0.name == language }?.file)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("\(language).po")
        try file.write(to: url)

        let msgfmt = try #require(Self.tool("msgfmt"), "GNU gettext (msgfmt) must be installed")
        let check = try TestSupport.run(msgfmt, ["--check-format", "--check-header", "-o", "/dev/null", url.path])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
    }

    @Test(arguments: written.map(\.name))
    func msgcatWritesSerializedCatalogsUnchanged(language: String) throws {
        let file = try #require(Self.written.first { $0.name == language }?.file)
        let output = try msgcat(file.serialized())
        #expect(output == file.serialized())
        #expect(try POFile.parse(output, path: file.path) == file)
    }

    @Test func msgcatAgreesWithTheCanonicalLayout() throws {
        #expect(try msgcat(POFixtures.poedit) == POFixtures.canonical)
        #expect(try msgcat(POFixtures.canonical) == POFixtures.canonical)
    }

    /// The project's own catalogs: they load, and writing them gives what `msgcat --no-wrap`
    /// gives, so `catalog update` changes only line wrapping of files last saved by Poedit.
    @Test func repositoryCatalogsLoadAndSerializeLikeMsgcat() throws {
        let locales = TestSupport.repositoryRoot.appendingPathComponent("locales")
        let catalogs = try CatalogSet(directory: locales)
        #expect(catalogs.locales(forDomain: "common").contains(.ro))
        for locale in catalogs.locales {
            for domain in catalogs.domains where catalogs.catalog(locale: locale, domain: domain) != nil {
                let path = try #require(catalogs.catalog(locale: locale, domain: domain)?.path)
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let file = try POFile.parse(text, path: path)
                // msgcat writes no file for a catalog without messages (a ro-MD catalog may
                // hold only its header when nothing differs from ro).
                guard !file.messages.isEmpty else { continue }
                #expect(try file.serialized() == msgcat(text), "\(path)")
            }
        }
    }

    @Test func gettextReadsEscapesAsWeWriteThem() throws {
        // msgcat decodes and re-encodes every string, so this shows gettext reads our escapes as meant.
        let entry = POEntry(context: "k", id: "a\u{07}\u{01}\u{7F}\r\"\\\t", translation: "b\u{0B}\u{0C}\u{08}")
        let output = try msgcat(POFile(path: "t.po", entries: [entry]).serialized())
        #expect(try POFile.parse(output, path: "t.po").entries == [entry])
    }

    private func msgcat(_ text: String) throws -> String {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.po"), output = directory.appendingPathComponent("out.po")
        try Data(text.utf8).write(to: input)
        let msgcat = try #require(Self.tool("msgcat"), "GNU gettext (msgcat) must be installed")
        let result = try TestSupport.run(msgcat, ["--no-wrap", "-o", output.path, input.path])
        try #require(result.status == 0, "\(result.output)")
        return try String(contentsOf: output, encoding: .utf8)
    }
}
