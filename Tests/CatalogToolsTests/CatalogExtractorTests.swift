import CatalogTools
import Foundation
import Localization
import Template
import Testing
import TestSupport

@Suite struct CatalogExtractorTests {
    let pots: [String: POFile]

    init() throws {
        pots = try CatalogExtractor.extract(CatalogFixtures.projectCopy().loadTemplates())
    }

    @Test func domainsAreTheTemplateAndCommon() {
        #expect(pots.keys.sorted() == ["common", "sample"])
        #expect(pots["sample"]?.path == "locales/sample.pot")
        #expect(pots["common"]?.messages.contains { $0.context == "common.page-of" } == true)
        // Messages Formwright prints itself are extracted too.
        #expect(pots["common"]?.messages.contains { $0.context == "common.seal-mark" } == true)
    }

    @Test func entriesCarryReferenceNoteAndArguments() throws {
        let sample = try #require(pots["sample"])
        #expect(sample.messages.map(\.context) == ["sample.title", "sample.heading", "sample.children", "sample.date"])
        let heading = sample.messages[1]
        #expect(heading.id == "Review of the case")
        #expect(heading.references == ["templates/sample/template.xml:12"])
        #expect(heading.extractedComments == ["Main heading of the form."])
        let children = sample.messages[2]
        #expect(children.extractedComments == ["Arguments: {name}: text = guardian.name; {count}: number (plural) = children | count"])
        #expect(sample.messages[3].extractedComments == [#"Arguments: {date}: formatted date = review.date | date:"long""#])
        let pageOf = try #require(pots["common"]?.messages.first { $0.context == "common.page-of" })
        #expect(pageOf.extractedComments.last == "Arguments: {page}: page number = $page; {pages}: page count = $pages")
        #expect(pageOf.references == ["templates/sample/template.xml:9"])
    }

    @Test func extractionIsReproducible() throws {
        let again = try CatalogExtractor.extract(CatalogFixtures.projectCopy().loadTemplates())
        #expect(again["sample"]?.serialized() == pots["sample"]?.serialized())
        #expect(pots["sample"]?.serialized().contains("POT-Creation-Date") == false)
    }

    @Test func conflictingSourcesAreAnError() throws {
        let a = try TemplateParser.parse(source: Array(Self.template(id: "a", text: "Signature").utf8), file: "templates/a/template.xml")
        let b = try TemplateParser.parse(source: Array(Self.template(id: "b", text: "Sign here").utf8), file: "templates/b/template.xml")
        let error = #expect(throws: CatalogToolError.self) { try CatalogExtractor.extract([a, b]) }
        #expect(error?.diagnostics.first?.location == "templates/b/template.xml:4")
        #expect(error?.diagnostics.first?.message.contains("templates/a/template.xml:4") == true)
    }

    /// The POT files of the shipped templates are accepted by GNU gettext as they are.
    @Test func gettextAcceptsShippedTemplates() throws {
        let shipped = try CatalogExtractor.extract(CatalogFixtures.shipped.loadTemplates())
        #expect(shipped.count > 2)
        for (domain, pot) in shipped {
            let text = pot.serialized()
            let check = try CatalogFixtures.gettext("msgfmt", ["--check-format", "-o", "/dev/null"], text: text)
            #expect(check.status == 0, "\(domain): \(check.stderr)")
            let cat = try CatalogFixtures.gettext("msgcat", ["--no-wrap"], text: text)
            #expect(cat.status == 0, "\(domain): \(cat.stderr)")
            #expect(cat.stdout == text, "msgcat --no-wrap rewrites \(domain).pot")
        }
    }

    static func template(id: String, text: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <document xmlns="urn:formwright:template:1" id="\(id)">
          <body>
            <p><t id="common.signature.name">\(text)</t></p>
          </body>
        </document>
        """
    }
}
