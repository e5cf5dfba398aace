import CatalogTools
import Foundation
import Localization
import Testing
import TestSupport

@Suite struct CatalogCheckerTests {
    let romanian: [CatalogDiagnostic]
    let italian: [CatalogDiagnostic]

    init() throws {
        romanian = CatalogChecker.check(try CatalogFixtures.broken("ro-invalid.po"), locale: .ro)
        italian = CatalogChecker.check(try CatalogFixtures.broken("it-plural.po"), locale: .it)
    }

    func findings(_ id: String, in list: [CatalogDiagnostic]) -> [CatalogDiagnostic] {
        list.filter { $0.message.contains("'\(id)'") }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let severity: CatalogDiagnostic.Severity
        let fragment: String
        var testDescription: String { id }
    }

    @Test(arguments: [
        Case(id: "b.syntax", severity: .error, fragment: "not valid ICU MessageFormat"),
        Case(id: "b.renamed", severity: .error, fragment: "uses the argument {nume}, which the source does not have"),
        Case(id: "b.plural", severity: .error, fragment: "lacks the form 'few' that ro needs (one, few, other)"),
        Case(id: "b.apostrophe", severity: .error, fragment: "the apostrophe before '{' starts an ICU quoted literal"),
        Case(id: "b.cedilla", severity: .error, fragment: "ş (cedilla), ţ (cedilla)"),
        Case(id: "b.quotes", severity: .warning, fragment: "straight quotes"),
        Case(id: "b.fuzzy", severity: .warning, fragment: "uses the argument {nume}"),
    ])
    func romanianProblems(_ expected: Case) throws {
        let found = findings(expected.id, in: romanian)
        let match = try #require(found.first { $0.message.contains(expected.fragment) }, "\(found)")
        #expect(match.severity == expected.severity)
        #expect(match.file == "broken/ro-invalid.po")
        #expect(match.line > 0)
        #expect(match.description.hasPrefix("broken/ro-invalid.po:\(match.line): \(expected.severity.rawValue): "))
    }

    @Test func validTranslationHasNoFindings() {
        #expect(findings("b.good", in: romanian).isEmpty)
    }

    /// `spellout` is an argument type the checker knows: a correct translation using it is clean,
    /// a bad spellout style is a MessageFormat error.
    @Test func spelloutArguments() throws {
        let po = try POFile.parse("""
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\\n"

            msgctxt "b.words"
            msgid "Amount in words: {total, spellout, currency}"
            msgstr "Suma în litere: {total, spellout, currency}"

            msgctxt "b.bad-words"
            msgid "In words: {total, spellout, currency}"
            msgstr "În litere: {total, spellout, ::currency/USD}"

            """, path: "locales/ro/t.po")
        let found = CatalogChecker.check(po, locale: .ro)
        #expect(findings("b.words", in: found).isEmpty, "\(found)")
        #expect(findings("b.bad-words", in: found).contains { $0.severity == .error && $0.message.contains("not valid ICU MessageFormat") }, "\(found)")
    }

    @Test func suggestionsCarryTheFix() throws {
        let cedilla = try #require(findings("b.cedilla", in: romanian).first)
        #expect(cedilla.suggestion == "msgstr \"Consimțământ și semnătură\"")
        let quotes = try #require(findings("b.quotes", in: romanian).first)
        #expect(quotes.suggestion == "msgstr \"Proiectul „Copil în siguranță”\"")
        let renamed = try #require(findings("b.renamed", in: romanian).first { $0.message.contains("uses the argument") })
        #expect(renamed.suggestion?.contains("did you mean {name}?") == true)
    }

    @Test func italianNeedsManyAndFlagsUnusedForms() throws {
        let plural = findings("b.plural", in: italian)
        #expect(plural.contains { $0.severity == .error && $0.message.contains("lacks the form 'many' that it needs (one, many, other)") })
        let extra = findings("b.extra-form", in: italian)
        #expect(extra.count == 1)
        #expect(extra.first?.severity == .warning)
        #expect(extra.first?.message.contains("'few', which it never selects") == true)
        // dell'{name} quotes the argument away.
        #expect(findings("b.apostrophe", in: italian).contains { $0.severity == .error && $0.message.contains("apostrophe") })
    }

    @Test(arguments: [(LocaleID.bg, "„", "“"), (.it, "«", "»"), (.ro, "„", "”")])
    func quotesFollowTheLocale(_ locale: LocaleID, _ open: String, _ close: String) throws {
        let entry = POEntry(context: "q", id: "The \"A\" team", translation: "X \"A\" Y", translationLine: 3)
        let finding = try #require(CatalogChecker.check(entry, locale: locale, path: "q.po").first)
        #expect(finding.severity == .warning)
        #expect(finding.suggestion == "msgstr \"X \(open)A\(close) Y\"")
    }

    @Test func cedillaIsAnErrorOnlyInRomanian() {
        let entry = POEntry(context: "c", id: "Consent", translation: "şţ", translationLine: 1)
        #expect(CatalogChecker.check(entry, locale: .roMD, path: "c.po").contains { $0.severity == .error })
        #expect(CatalogChecker.check(entry, locale: .bg, path: "c.po").isEmpty)
    }

    @Test func syntaxErrorsOfTheFileAreReported() throws {
        let project = try CatalogFixtures.projectCopy()
        let target = project.catalogURL(locale: .bg, domain: "broken")
        try FileManager.default.copyItem(at: CatalogFixtures.directory.appendingPathComponent("broken/syntax.po"), to: target)
        let found = CatalogChecker.check(project: project).filter { $0.file == "locales/bg/broken.po" }
        #expect(found.count >= 2)
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.map(\.line).contains(7))
    }

    /// The catalogs in the repository must pass with no errors.
    @Test func shippedCatalogsHaveNoErrors() throws {
        try #require(CatalogFixtures.shipped.catalogLocales().count >= 4)
        let errors = CatalogChecker.check(project: CatalogFixtures.shipped).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    /// GNU gettext accepts every shipped catalog.
    @Test func gettextAcceptsShippedCatalogs() throws {
        let project = CatalogFixtures.shipped
        var count = 0
        for locale in project.catalogLocales() {
            for domain in project.domains(locale: locale) {
                let path = project.catalogURL(locale: locale, domain: domain).path
                let check = try TestSupport.run(CatalogFixtures.tool("msgfmt"), ["--check-format", "-o", "/dev/null", path])
                #expect(check.status == 0, "\(path): \(check.stderr)")
                let cat = try TestSupport.run(CatalogFixtures.tool("msgcat"), [path])
                #expect(cat.status == 0, "\(path): \(cat.stderr)")
                count += 1
            }
        }
        #expect(count >= 20)
    }
}
