import Testing
@testable import Template

@Suite struct TemplateParserTests {
    @Test func collectsMessagesWithNormalizedSources() throws {
        let t = try Fixtures.template("""
            <h1><t id="a.title">Consent   to
                share</t></h1>
            <p><t id="a.intro" name="guardian.name" note="The guardian's full name">I, {name}, agree.</t></p>
            """)
        #expect(t.messages.map(\.id) == ["a.title", "a.intro"])
        #expect(t.messages[0].source == "Consent to share")
        #expect(t.messages[1].note == "The guardian's full name")
        #expect(t.messages[1].arguments.map(\.name) == ["name"])
        #expect(t.messages[1].location.line == 5)
    }

    @Test func reportsEveryProblemWithLocationAndHint() {
        let source = """
            <document xmlns="urn:formwright:template:1" id="t">
            <body>
              <para>x</para>
              <p allign="center">{child.name | uper}</p>
              <p><t id="m" who="a.b">Hello {name}</t></p>
            </body>
            </document>
            """
        do {
            _ = try TemplateParser.parse(source: Array(source.utf8), file: "t.xml")
            Issue.record("expected errors")
        } catch {
            let byCode = Dictionary(grouping: error.errors, by: \.code)
            #expect(byCode["template.unknown-element"]?.first?.line == 3)
            #expect(byCode["template.unknown-element"]?.first?.suggestion == "did you mean <p>?")
            let attribute = byCode["template.unknown-attribute"]?.first
            #expect(attribute?.line == 4)
            #expect(attribute?.column == 6)
            #expect(attribute?.suggestion == "did you mean 'align'?")
            let filter = byCode["expression.syntax"]?.first
            #expect(filter?.message == "unknown filter 'uper'")
            #expect(filter?.line == 4)
            #expect(filter?.column == 36)
            #expect(byCode["message.unbound-argument"]?.first?.line == 5)
            #expect(byCode["message.unused-argument"]?.first?.message.contains("'who'") == true)
            #expect(error.errors.count == 5)
            #expect(error.description.contains("t.xml:4:36: error: unknown filter 'uper'"))
            #expect(error.description.contains("hint: did you mean 'upper'?"))
        }
    }

    @Test(arguments: [
        ("<doc/>", "template.root"),
        ("<document xmlns=\"urn:formwright:template:1\" id=\"x\"/>", "template.body"),
        ("<document xmlns=\"urn:formwright:template:1\" id=\"x\"><body><p>", "template.xml"),
        ("<document xmlns=\"urn:formwright:template:1\" id=\"x\"><body><p each=\"a of b\">x</p></body></document>", "template.each"),
        ("<document xmlns=\"urn:formwright:template:1\" id=\"x\"><body><p><t>no id</t></p></body></document>", "message.id"),
        ("<document xmlns=\"urn:formwright:template:1\" id=\"x\"><body><p><t id=\"m\">{n, plural, one {x}}</t></p></body></document>", "message.syntax"),
        ("<document xmlns=\"urn:formwright:template:1\" id=\"x\"><body><b>x</b></body></document>", "template.inline-as-block"),
    ])
    func rejectsInvalidTemplates(source: String, code: String) {
        do {
            _ = try TemplateParser.parse(source: Array(source.utf8), file: "x.xml")
            Issue.record("expected \(code)")
        } catch {
            #expect(error.errors.map(\.code).contains(code), "\(error)")
            #expect(error.errors.allSatisfy { $0.line >= 1 && $0.file == "x.xml" })
        }
    }

    @Test func literalTextOutsideMessagesIsListed() throws {
        let t = try Fixtures.template("<p>Not translated: {x}</p>")
        #expect(t.untranslatedText.map(\.text) == ["Not translated:"])
    }
}
