import Foundation
import Localization
import OfficeTemplate
import Template
import TemplateData
import Testing
import ZipSupport
import TestSupport

@Suite("Word templates")
struct WordTemplateTests {
    /// The ways Word splits a typed tag over runs: spell-check marks, a bold brace,
    /// bookmarks and rendered page breaks inside it, smart quotes, non-breaking spaces.
    static let splitTags: [(name: String, body: String)] = [
        ("one run", Fixture.p("Name: {{ child.name }}.")),
        ("run per brace", "<w:p><w:r><w:t>Name: </w:t></w:r><w:r><w:t>{</w:t></w:r><w:r><w:t>{</w:t></w:r><w:r><w:t xml:space=\"preserve\"> child.name </w:t></w:r><w:r><w:t>}}</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>"),
        ("proofErr inside", "<w:p><w:r><w:t xml:space=\"preserve\">Name: {{ </w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>child</w:t></w:r><w:proofErr w:type=\"spellEnd\"/><w:r><w:t>.name }}.</w:t></w:r></w:p>"),
        ("bold opening brace", "<w:p><w:r><w:t xml:space=\"preserve\">Name: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{{</w:t></w:r><w:r><w:t xml:space=\"preserve\"> child.name }}.</w:t></w:r></w:p>"),
        ("bookmark inside", "<w:p><w:r><w:t xml:space=\"preserve\">Name: {{ child.</w:t></w:r><w:bookmarkStart w:id=\"7\" w:name=\"mark\"/><w:r><w:t>name }}</w:t></w:r><w:bookmarkEnd w:id=\"7\"/><w:r><w:t>.</w:t></w:r></w:p>"),
        ("rendered page break inside", "<w:p><w:r><w:t xml:space=\"preserve\">Name: {{ child</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>.name }}.</w:t></w:r></w:p>"),
        ("non-breaking spaces", Fixture.p("Name: {{\u{00A0}child.name\u{00A0}}}.")),
        ("hyperlink run", "<w:p><w:r><w:t xml:space=\"preserve\">Name: {{ child.na</w:t></w:r><w:hyperlink w:anchor=\"x\"><w:r><w:t>me }}</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>"),
    ]

    @Test("a value tag split over runs renders", arguments: splitTags)
    func splitValue(_ fixture: (name: String, body: String)) throws {
        let parts = try Fixture.render(try Fixture.word(body: fixture.body), data: #"{"child": {"name": "Ana <Ionescu> & co"}}"#)
        let document = parts["word/document.xml"]!
        #expect(Fixture.paragraphs(document).first == "Name: Ana <Ionescu> & co.")
        #expect(document.contains("Ana &lt;Ionescu&gt; &amp; co"), "data is escaped")
        #expect(!document.contains("proofErr"))
    }

    @Test("text outside tags keeps every run's formatting byte for byte")
    func formattingKept() throws {
        let body = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:i/><w:color w:val=\"FF0000\"/></w:rPr><w:t xml:space=\"preserve\">Dear </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{{ name }}</w:t></w:r><w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t>, welcome.</w:t></w:r></w:p>"
        let document = try Fixture.render(try Fixture.word(body: body), data: #"{"name": "Maria"}"#)["word/document.xml"]!
        #expect(document.contains("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:i/><w:color w:val=\"FF0000\"/></w:rPr><w:t xml:space=\"preserve\">Dear </w:t></w:r>"))
        #expect(document.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Maria</w:t></w:r>"), "the value takes the tag's formatting")
        #expect(document.contains("<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t>, welcome.</w:t></w:r>"))
    }

    @Test("smart quotes in a tag are plain quotes; both filter argument forms work")
    func smartQuotes() throws {
        let body = Fixture.p("{{ d | date:\u{201C}long\u{201D} }} / {{ d | date(\u{2018}short\u{2019}) }} / {{ n | number }}")
        let document = try Fixture.render(try Fixture.word(body: body), data: #"{"d": "2029-01-19", "n": 12480.5}"#, locale: LocaleID("bg")!)["word/document.xml"]!
        let spaced = Fixture.paragraphs(document).first?.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        #expect(spaced == "19 януари 2029 г. / 19.01.29 г. / 12 480,5")
    }

    @Test("standalone control tags remove their paragraphs; a paragraph loop repeats")
    func paragraphLoop() throws {
        let body = Fixture.p("Attendees:") + Fixture.p("{% for a in attendees %}") + Fixture.p(("{{ loop.index }}. ", false), ("{{ a.name }}", true))
            + Fixture.p("{% if a.chair %}") + Fixture.p("(chair)") + Fixture.p("{% endif %}") + Fixture.p("{% endfor %}") + Fixture.p("End.")
        let document = try Fixture.render(try Fixture.word(body: body), data: #"{"attendees": [{"name": "Ana", "chair": true}, {"name": "Ion"}]}"#)["word/document.xml"]!
        #expect(Fixture.paragraphs(document) == ["Attendees:", "1. Ana", "(chair)", "2. Ion", "End."])
    }

    @Test("inline conditions and loops keep the paragraph's formatting")
    func inlineControl() throws {
        let body = "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">The child {% if consent %}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>agrees</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">{% else %}does not agree{% endif %} to share; siblings: {% for s in siblings %}{{ s }}{% if not loop.last %}, {% endif %}{% endfor %}.</w:t></w:r></w:p>"
        let word = try Fixture.word(body: body)
        let yes = try Fixture.render(word, data: #"{"consent": true, "siblings": ["Ana", "Ion", "Eva"]}"#)["word/document.xml"]!
        #expect(Fixture.paragraphs(yes) == ["The child agrees to share; siblings: Ana, Ion, Eva."])
        #expect(yes.contains("<w:r><w:rPr><w:b/></w:rPr><w:t>agrees</w:t></w:r>"))
        let no = try Fixture.render(word, data: #"{"consent": false, "siblings": []}"#)["word/document.xml"]!
        #expect(Fixture.paragraphs(no) == ["The child does not agree to share; siblings: ."])
        #expect(!no.contains("agrees"))
    }

    static func table(_ rows: [String]) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"4000\"/></w:tblGrid>"
            + rows.map { "<w:tr>\($0)</w:tr>" }.joined() + "</w:tbl>"
    }

    static func cell(_ text: String) -> String { "<w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>\(Fixture.p(text))</w:tc>" }

    @Test("row loops: with {%tr%} and with a tag alone in its row", arguments: [
        ["<w:trPr><w:tblHeader/></w:trPr>" + Self.cell("Name") + Self.cell("Role"), Self.cell("{%tr for a in people %}") + Self.cell(""), Self.cell("{{ a.name }}") + Self.cell("{{ a.role }}"), Self.cell("{%tr endfor %}") + Self.cell("")],
        [Self.cell("Name") + Self.cell("Role"), Self.cell("{% for a in people %}") + Self.cell(""), Self.cell("{{ a.name }}") + Self.cell("{{ a.role }}"), Self.cell("") + Self.cell("{% endfor %}")],
    ])
    func rowLoop(_ rows: [String]) throws {
        let document = try Fixture.render(try Fixture.word(body: Self.table(rows) + Fixture.p("")), data: #"{"people": [{"name": "Ana", "role": "chair"}, {"name": "Ion", "role": "secretary"}, {"name": "Eva", "role": "member"}]}"#)["word/document.xml"]!
        #expect(Fixture.paragraphs(document) == ["Name", "Role", "Ana", "chair", "Ion", "secretary", "Eva", "member", ""])
        #expect(document.components(separatedBy: "<w:tr>").count - 1 == 4)
    }

    @Test("a column loop repeats cells with {%tc%}")
    func columnLoop() throws {
        let rows = [Self.cell("Activity") + Self.cell("{%tc for m in months %}") + Self.cell("{{ m }}") + Self.cell("{%tc endfor %}"),
                    Self.cell("{{ activity }}") + Self.cell("{%tc for m in months %}") + Self.cell("{% if m == due %}✓{% endif %}") + Self.cell("{%tc endfor %}")]
        let document = try Fixture.render(try Fixture.word(body: Self.table(rows) + Fixture.p("")), data: #"{"activity": "Visit", "due": "Feb", "months": ["Jan", "Feb", "Mar"]}"#)["word/document.xml"]!
        #expect(Fixture.paragraphs(document) == ["Activity", "Jan", "Feb", "Mar", "Visit", "", "✓", "", ""])
        #expect(document.components(separatedBy: "<w:tc>").count - 1 == 8)
    }

    @Test("a column loop rebuilds the table grid: repeated columns share the width of the ones they replace")
    func columnGrid() throws {
        func cell(_ text: String, _ width: Int) -> String { "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(Fixture.p(text))</w:tc>" }
        let table = "<w:tbl><w:tblPr><w:tblW w:w=\"9000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"1000\"/></w:tblGrid>"
            + "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"9000\" w:type=\"dxa\"/><w:gridSpan w:val=\"4\"/></w:tcPr>\(Fixture.p("Plan"))</w:tc></w:tr>"
            + "<w:tr>" + cell("Activity", 3000) + cell("{%tc for m in months %}", 1000) + cell("{{ m }}", 4000) + cell("{%tc endfor %}", 1000) + "</w:tr>"
            + "<w:tr>" + cell("{{ activity }}", 3000) + cell("{%tc for m in months %}", 1000) + cell("x", 4000) + cell("{%tc endfor %}", 1000) + "</w:tr></w:tbl>"
        let word = try Fixture.word(body: table + Fixture.p(""))
        let document = try Fixture.render(word, data: #"{"activity": "Visit", "months": ["Jan", "Feb", "Mar"]}"#)["word/document.xml"]!
        #expect(document.contains("<w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"), "\(document)")
        #expect(document.components(separatedBy: "<w:tcW w:w=\"2000\" w:type=\"dxa\"/>").count - 1 == 6)
        #expect(Fixture.paragraphs(document) == ["Plan", "Activity", "Jan", "Feb", "Mar", "Visit", "x", "x", "x", ""])
        #expect(document.contains("<w:gridSpan w:val=\"4\"/>"), "the title row spans 1 + 3 columns")
        let five = try Fixture.render(word, data: #"{"activity": "Visit", "months": ["a", "b", "c", "d", "e"]}"#)["word/document.xml"]!
        #expect(five.contains("<w:gridSpan w:val=\"6\"/>"))
        let none = try Fixture.render(word, data: #"{"activity": "Visit", "months": []}"#)["word/document.xml"]!
        #expect(none.contains("<w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid>"))
        #expect(none.contains("<w:gridSpan w:val=\"1\"/>"))
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let compiled = try Fixture.template(word).compile(locale: .en, catalogs: try Fixture.catalogs())
        let file = dir.appendingPathComponent("columns.docx")
        try Data(try compiled.render(try Fixture.data(#"{"activity": "Visit", "months": ["Jan", "Feb", "Mar", "Apr", "May"]}"#))).write(to: file)
        let validation = try TestSupport.runSharedTool("validate-docx", [file.path])
        #expect(validation.status == 0, "\(validation.output)")
    }

    @Test("a condition that removes a whole row, and nested loops")
    func nested() throws {
        let rows = [Self.cell("Case") + Self.cell("Decision"), Self.cell("{%tr for c in cases %}") + Self.cell(""), Self.cell("{{ c.code }}") + Self.cell("{% for d in c.decisions %}{{ d }}{% if not loop.last %}; {% endif %}{% endfor %}"),
                    Self.cell("{%tr if c.urgent %}") + Self.cell(""), Self.cell("urgent") + Self.cell("{{ c.deadline | date:\"short\" }}"), Self.cell("{%tr endif %}") + Self.cell(""), Self.cell("{%tr endfor %}") + Self.cell("")]
        let document = try Fixture.render(try Fixture.word(body: Self.table(rows) + Fixture.p("")),
            data: #"{"cases": [{"code": "C-1", "decisions": ["visit", "report"], "urgent": true, "deadline": "2026-12-01"}, {"code": "C-2", "decisions": ["close"]}]}"#,
            locale: LocaleID("ro")!)["word/document.xml"]!
        #expect(Fixture.paragraphs(document) == ["Case", "Decision", "C-1", "visit; report", "urgent", "01.12.2026", "C-2", "close", ""])
    }

    @Test("a cell left with no paragraph gets an empty one (Word requires it)")
    func cellKeepsParagraph() throws {
        let rows = [Self.cell("A") + "<w:tc>\(Fixture.p("{%p if show %}"))\(Fixture.p("shown"))\(Fixture.p("{%p endif %}"))</w:tc>"]
        let document = try Fixture.render(try Fixture.word(body: Self.table(rows) + Fixture.p("")), data: #"{"show": false}"#)["word/document.xml"]!
        #expect(document.contains("<w:tc><w:p/></w:tc>"))
    }

    @Test("the paragraph that holds the section properties is never lost")
    func sectionBreak() throws {
        let sectPr = "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr>"
        let body = Fixture.p("{% if annex %}") + Fixture.p("Annex") + "<w:p><w:pPr>\(sectPr)</w:pPr><w:r><w:t>{% endif %}</w:t></w:r></w:p>" + Fixture.p("After")
        let document = try Fixture.render(try Fixture.word(body: body), data: #"{"annex": false}"#)["word/document.xml"]!
        #expect(document.contains(sectPr))
        #expect(!document.contains("Annex"))
    }

    @Test("whitespace control and comments")
    func whitespaceAndComments() throws {
        let body = Fixture.p("A   {%- if x -%}   B   {%- endif -%}   C {# a note for the author #}") + Fixture.p("{# this paragraph goes #}") + Fixture.p("D")
        let document = try Fixture.render(try Fixture.word(body: body), data: #"{"x": true}"#)["word/document.xml"]!
        #expect(Fixture.paragraphs(document) == ["ABC ", "D"])
    }

    @Test("messages: the English text in the document, translated from the catalog with plurals")
    func messages() throws {
        let body = Fixture.p(("{% t \"visit.intro\" name=child.name n=visits | count %}", false), ("{name} had {n, plural, one {# visit} other {# visits}}.", true), ("{% endt %}", false))
        let word = try Fixture.word(body: body)
        let template = try Fixture.template(word)
        #expect(template.definition.messages.map(\.id) == ["visit.intro"])
        #expect(template.definition.messages.first?.source == "{name} had {n, plural, one {# visit} other {# visits}}.")
        let data = #"{"child": {"name": "Ana"}, "visits": ["a", "b", "c"]}"#
        let english = try Fixture.render(word, data: data)["word/document.xml"]!
        #expect(Fixture.paragraphs(english) == ["Ana had 3 visits."])
        #expect(english.contains("<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Ana had 3 visits.</w:t>"), "written in the formatting of the text it replaces")
        let po = """
            msgid ""
            msgstr "Content-Type: text/plain; charset=UTF-8\\n"

            msgctxt "visit.intro"
            msgid "{name} had {n, plural, one {# visit} other {# visits}}."
            msgstr "{name} a avut {n, plural, one {# vizită} few {# vizite} other {# de vizite}}."
            """
        let romanian = try Fixture.render(word, data: data, locale: LocaleID("ro")!, catalogs: try Fixture.catalogs(["ro/test.po": po]))["word/document.xml"]!
        #expect(Fixture.paragraphs(romanian) == ["Ana a avut 3 vizite."])
    }

    @Test("rich-text tags in a message print their text, without the tags; values stay text")
    func messageTags() throws {
        let body = Fixture.p("{% t \"consent.i\" name=guardian %}I, &lt;b&gt;{name}&lt;/b&gt;, agree to &lt;a&gt;the terms&lt;/a&gt;.{% endt %}")
        let word = try Fixture.word(body: body)
        let template = try Fixture.template(word)
        #expect(template.definition.messages.first?.source == "I, <b>{name}</b>, agree to <a>the terms</a>.")
        let document = try Fixture.render(word, data: #"{"guardian": "Ana <i>Pop</i>"}"#)["word/document.xml"]!
        #expect(Fixture.paragraphs(document) == ["I, Ana <i>Pop</i>, agree to the terms."])
        #expect(document.contains("Ana &lt;i&gt;Pop&lt;/i&gt;"))
        #expect(!document.contains("&lt;b&gt;") && !document.contains("&lt;a&gt;"))
    }

    @Test("the document language follows the locale")
    func language() throws {
        let parts = try Fixture.render(try Fixture.word(body: Fixture.p("x")), locale: LocaleID("ro-MD")!)
        #expect(parts["word/styles.xml"]!.contains("<w:lang w:val=\"ro-MD\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>"))
    }

    @Test("headers and footers are templates too")
    func headerFooter() throws {
        let header = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:hdr xmlns:w="\(Fixture.w)"><w:p><w:r><w:t xml:space="preserve">Reg. No. {{ registration.number }}</w:t></w:r></w:p></w:hdr>
            """
        let parts = try Fixture.render(try Fixture.word(body: Fixture.p("x"), parts: ["word/header1.xml": header]), data: #"{"registration": {"number": "15/2026"}}"#)
        #expect(Fixture.paragraphs(parts["word/header1.xml"]!) == ["Reg. No. 15/2026"])
    }

    @Test("line breaks and tabs in data become Word breaks")
    func breaks() throws {
        let document = try Fixture.render(try Fixture.word(body: Fixture.p("{{ address }}")), data: #"{"address": "Str. Mare 1\nChișinău\tMD-2001"}"#)["word/document.xml"]!
        #expect(document.contains("Str. Mare 1</w:t><w:br/><w:t xml:space=\"preserve\">Chișinău</w:t><w:tab/><w:t xml:space=\"preserve\">MD-2001"))
    }

    @Test("same input, same bytes")
    func deterministic() throws {
        let word = try Fixture.word(body: Fixture.p("{{ a }}") + Fixture.p("{% for x in xs %}") + Fixture.p("{{ x }}") + Fixture.p("{% endfor %}"))
        let compiled = try Fixture.template(word).compile(locale: .en, catalogs: try Fixture.catalogs())
        let data = try Fixture.data(#"{"a": "α", "xs": [1, 2, 3]}"#)
        #expect(try compiled.render(data) == (try compiled.render(data)))
        let again = try Fixture.template(word).compile(locale: .en, catalogs: try Fixture.catalogs())
        #expect(try compiled.render(data) == (try again.render(data)))
    }

    // MARK: errors

    static let broken: [(body: String, expected: [String])] = [
        (Fixture.p("{% for a in people %}") + Fixture.p("{{ a.name }}"),
         ["word/document.xml, paragraph 1: error: {% for %} is never closed"]),
        (Fixture.p("x {% endif %}"),
         ["word/document.xml, paragraph 1: error: {% endif %} without an open {% if %}"]),
        (Fixture.p("{{ child.name | uper }}"),
         ["word/document.xml, paragraph 1: error: unknown filter 'uper'", "hint: did you mean 'upper'?"]),
        (Fixture.p("{% endfro %}"),
         ["unknown tag {% endfro %}", "did you mean {% endfor %}?"]),
        (Fixture.p("Name: {{ child.name }"),
         ["word/document.xml, paragraph 1: error: {{ is not closed by }} in this paragraph"]),
        (Fixture.p("{% set x = 1 %}"),
         ["{% set %} is not part of Formwright's template language"]),
        (Fixture.p("Intro {% if a %}") + Fixture.p("text {% endif %}"),
         ["{% if %} shares its paragraph with other text"]),
        (Fixture.p("{% t \"x\" %}Hello {{ name }}{% endt %}"),
         ["{{ … }} inside a message"]),
        (Fixture.p("{% if a %}") + Fixture.p("{% endfor %}"),
         ["{% endfor %} closes a {% for %}, but the open tag is {% if %}"]),
    ]

    @Test("every mistake is reported with its part, paragraph, text and a hint", arguments: broken)
    func errors(_ fixture: (body: String, expected: [String])) throws {
        do {
            _ = try Fixture.template(try Fixture.word(body: fixture.body))
            Issue.record("expected an error")
        } catch let error as TemplateErrors {
            for expected in fixture.expected {
                #expect(error.description.contains(expected), "\(error.description)")
            }
            #expect(error.description.hasPrefix("template.docx: word/document.xml, paragraph"))
        }
    }

    @Test("all problems at once")
    func allProblems() throws {
        let body = Fixture.p("{{ a | uper }}") + Fixture.p("{% wat %}") + Fixture.p("{{ }}")
        do {
            _ = try Fixture.template(try Fixture.word(body: body))
            Issue.record("expected an error")
        } catch let error as TemplateErrors {
            #expect(error.errors.map(\.place) == ["word/document.xml, paragraph 1", "word/document.xml, paragraph 2", "word/document.xml, paragraph 3"])
        }
    }

    @Test("render errors point at the paragraph and tag")
    func renderError() throws {
        let compiled = try Fixture.template(try Fixture.word(body: Fixture.p("Hello") + Fixture.p("Total: {{ n * 2 }} and {% for x in n %}{% endfor %}"))).compile(locale: .en, catalogs: try Fixture.catalogs())
        do {
            _ = try compiled.render(try Fixture.data(#"{"n": "abc"}"#))
            Issue.record("expected an error")
        } catch let error as TemplateErrors {
            #expect(error.description.contains("template.docx: word/document.xml, paragraph 2: error:"), "\(error.description)")
            #expect(error.description.contains("Total: {{ n * 2 }}"))
        }
    }

    @Test("a package with macros is refused")
    func macros() throws {
        var entries = try ZipReader.entries(of: try Fixture.word(body: Fixture.p("x")))
        entries.append(ZipEntry(path: "word/vbaProject.bin", data: [1, 2, 3]))
        #expect(throws: TemplateErrors.self) { try Fixture.template(try ZipWriter.archive(entries)) }
    }

    @Test("a file that is not a package is refused with a clear error")
    func notAPackage() throws {
        do {
            _ = try Fixture.template(Array("<html>not a document</html>".utf8))
            Issue.record("expected an error")
        } catch let error as TemplateErrors {
            #expect(error.description.contains("cannot read the docx package"))
        }
    }
}

@Suite("Office template paths and schema")
struct OfficePathTests {
    static let body = Fixture.p("{{ child.nmae }}") + Fixture.p("{% for a in attendees %}") + Fixture.p("{{ a.name }} {{ a.role | upper }}")
        + Fixture.p("{% endfor %}") + Fixture.p("{% if consent %}yes{% endif %} {{ date | date:\"long\" }} {{ visits | count }}")

    @Test("paths are resolved through loops")
    func paths() throws {
        let template = try Fixture.template(try Fixture.word(body: Self.body))
        #expect(template.dataPaths.map(\.dotted) == ["child.nmae", "attendees", "attendees[].name", "attendees[].role", "consent", "date", "visits"])
        #expect(template.tags.first?.source == "{{ child.nmae }}")
        #expect(template.tags.first?.place == "word/document.xml, paragraph 1")
    }

    @Test("a path the schema does not declare is a located error with a suggestion")
    func undeclared() throws {
        let schema = try DataSchema(text: """
            {"type": "object", "additionalProperties": false, "properties": {
              "child": {"type": "object", "properties": {"name": {"type": "string"}}},
              "attendees": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "role": {"type": "string"}}}},
              "consent": {"type": "boolean"}, "date": {"type": "string", "format": "date"}, "visits": {"type": "array"}}}
            """, path: "schema.json")
        let errors = try Fixture.template(try Fixture.word(body: Self.body)).undeclaredPaths(in: schema)
        #expect(errors.map(\.description) == ["""
            template.docx: word/document.xml, paragraph 1: error: 'child.nmae' is not in the schema: 'child' has no 'nmae'
                {{ child.nmae }}
                ^
              hint: did you mean 'name'?
            """])
    }

    @Test("the draft schema is JSON with lists, booleans and dates where the template says so")
    func draft() throws {
        let text = try Fixture.template(try Fixture.word(body: Self.body)).draftSchema(title: "test")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let properties = try #require(json["properties"] as? [String: [String: Any]])
        #expect(properties["attendees"]?["type"] as? String == "array")
        #expect((properties["attendees"]?["items"] as? [String: Any])?["type"] as? String == "object")
        #expect(properties["consent"]?["type"] as? String == "boolean")
        #expect(properties["date"]?["format"] as? String == "date")
        #expect(properties["visits"]?["type"] as? String == "array")
        // The draft validates the data the template was written for.
        let schema = try DataSchema(text: text, path: "schema.json")
        #expect(try Fixture.template(try Fixture.word(body: Self.body)).undeclaredPaths(in: schema).isEmpty)
    }
}

@Suite("Repeated content in Word templates")
struct RepeatedContentTests {
    static func numbered(_ text: String) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"10\"/></w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static let body = Fixture.p("{% for c in cases %}")
        + "<w:p w14:paraId=\"1A2B3C4D\" w14:textId=\"77777777\"><w:bookmarkStart w:id=\"5\" w:name=\"caseStart\"/><w:r><w:t xml:space=\"preserve\">Case {{ c }}</w:t></w:r><w:bookmarkEnd w:id=\"5\"/></w:p>"
        + numbered("{{ c }}: first step") + numbered("{{ c }}: second step") + Fixture.p("{% endfor %}")
        + Fixture.p("{% for s in steps %}") + numbered("{{ s }}") + Fixture.p("{% endfor %}")

    static func render() throws -> [String: String] {
        try Fixture.render(try Fixture.word(body: body, base: "num-having-numbering-part.docx"), data: #"{"cases": ["A", "B"], "steps": ["x", "y", "z"]}"#)
    }

    @Test("numbered lists in a repeated section restart at 1; a loop over list items continues the list")
    func numberingRestarts() throws {
        let parts = try Self.render()
        let document = parts["word/document.xml"]!
        let numbering = parts["word/numbering.xml"]!
        #expect(numbering.contains("<w:num w:numId=\"11\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"))
        #expect(numbering.contains("<w:num w:numId=\"12\">"))
        #expect(!numbering.contains("<w:num w:numId=\"13\">"), "the item loop makes no new instances")
        #expect(document.components(separatedBy: "<w:numId w:val=\"11\"/>").count - 1 == 2)
        #expect(document.components(separatedBy: "<w:numId w:val=\"12\"/>").count - 1 == 2)
        #expect(document.components(separatedBy: "<w:numId w:val=\"10\"/>").count - 1 == 3)
        let lastNum = try #require(numbering.range(of: "<w:num w:numId=\"12\">"))
        #expect(numbering[lastNum.upperBound...].contains("</w:numbering>"))
    }

    @Test("ids stay unique in repeated content; a bookmark's start and end keep one id")
    func uniqueIDs() throws {
        let document = try Self.render()["word/document.xml"]!
        let starts = document.matches(of: /<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"\/>/).map { (String($0.1), String($0.2)) }
        let ends = document.matches(of: /<w:bookmarkEnd w:id="(\d+)"\/>/).map { String($0.1) }
        #expect(starts.count == 2)
        #expect(Set(starts.map(\.0)).count == 2 && Set(starts.map(\.1)).count == 2)
        #expect(starts.map(\.0) == ends)
        let paraIDs = document.matches(of: /w14:paraId="([0-9A-F]+)"/).map { String($0.1) }
        #expect(paraIDs.count == 2 && Set(paraIDs).count == 2)
    }

    @Test("the rendered document validates and LibreOffice numbers each case's steps from 1")
    func opensInLibreOffice() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let compiled = try Fixture.template(try Fixture.word(body: Self.body, base: "num-having-numbering-part.docx")).compile(locale: .en, catalogs: try Fixture.catalogs())
        let file = dir.appendingPathComponent("numbered.docx")
        try Data(try compiled.render(try Fixture.data(#"{"cases": ["A", "B"], "steps": ["x", "y", "z"]}"#))).write(to: file)
        let validation = try TestSupport.runSharedTool("validate-docx", [file.path])
        #expect(validation.status == 0, "\(validation.output)")
        let roundtrip = try TestSupport.runSharedTool("office-roundtrip", [file.path, "--outdir", dir.path])
        #expect(roundtrip.status == 0, "\(roundtrip.output)")
        let line = try #require(roundtrip.stdout.split(separator: "\n").first { $0.contains("TEXT") })
        let text = try String(contentsOfFile: String(line.split(separator: " ", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        let steps = lines.filter { $0.contains("step") || $0.hasSuffix(" x") || $0.hasSuffix(" y") || $0.hasSuffix(" z") }
        #expect(steps.count == 7, "\(lines)")
        #expect(steps.first?.contains("A: first step") == true)
        // Each case starts again: the label before "B: first step" equals the one before "A: first step".
        let labelA = steps.first { $0.contains("A: first step") }?.split(separator: " ").first
        let labelB = steps.first { $0.contains("B: first step") }?.split(separator: " ").first
        #expect(labelA != nil && labelA == labelB, "\(steps)")
    }
}

@Suite("Word template parts and scopes")
struct WordPartsTests {
    @Test("{%r%} replaces its run; the document title in core.xml and footnotes are templates")
    func runScopeAndProperties() throws {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">Status: </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>{%r if urgent %}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>URGENT</w:t></w:r><w:r><w:t>{%r endif %}</w:t></w:r><w:r><w:t xml:space=\"preserve\"> end</w:t></w:r></w:p>"
        let core = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Referral {{ case.code }}</dc:title><dc:language>en-US</dc:language></cp:coreProperties>
            """
        let footnotes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:footnotes xmlns:w="\(Fixture.w)"><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">See the plan of {{ case.code }}.</w:t></w:r></w:p></w:footnote></w:footnotes>
            """
        let word = try Fixture.word(body: body, parts: ["docProps/core.xml": core, "word/footnotes.xml": footnotes])
        let parts = try Fixture.render(word, data: #"{"urgent": true, "case": {"code": "MD-7 & <b>"}}"#, locale: LocaleID("it")!)
        #expect(Fixture.paragraphs(parts["word/document.xml"]!) == ["Status: URGENT end"])
        #expect(!parts["word/document.xml"]!.contains("<w:i/>"), "the tag's runs are gone with them")
        #expect(parts["docProps/core.xml"]!.contains("<dc:title>Referral MD-7 &amp; &lt;b&gt;</dc:title><dc:language>it-IT</dc:language>"))
        #expect(Fixture.paragraphs(parts["word/footnotes.xml"]!) == ["See the plan of MD-7 & <b>."])
        let off = try Fixture.render(word, data: #"{"urgent": false, "case": {"code": "x"}}"#)
        #expect(Fixture.paragraphs(off["word/document.xml"]!) == ["Status:  end"])
    }

    @Test("tags in a text box are found like any paragraph's")
    func textBox() throws {
        let body = "<w:p><w:r><w:drawing><wp:anchor xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><wps:txbx xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><w:txbxContent><w:p><w:r><w:t>Box: {{ name }}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wp:anchor></w:drawing></w:r></w:p>"
        let document = try Fixture.render(try Fixture.word(body: body), data: #"{"name": "Ana"}"#)["word/document.xml"]!
        #expect(document.contains("<w:t xml:space=\"preserve\">Box: Ana</w:t>"))
    }
}

@Suite("Notes in repeated content")
struct NotesInLoopsTests {
    @Test("a footnote or comment referenced in a loop gets a copy with its own id per repetition")
    func notes() throws {
        let body = Fixture.p("{% for c in cases %}")
            + "<w:p><w:commentRangeStart w:id=\"3\"/><w:r><w:t xml:space=\"preserve\">Case {{ c }}</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:commentRangeEnd w:id=\"3\"/><w:r><w:commentReference w:id=\"3\"/></w:r></w:p>"
            + Fixture.p("{% endfor %}")
        let footnotes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:footnotes xmlns:w="\(Fixture.w)"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Confidential ({{ district }}).</w:t></w:r></w:p></w:footnote></w:footnotes>
            """
        let comments = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:comments xmlns:w="\(Fixture.w)"><w:comment w:id="3" w:author="Secretary"><w:p><w:r><w:t>Check {{ this }}</w:t></w:r></w:p></w:comment></w:comments>
            """
        let parts = try Fixture.render(try Fixture.word(body: body, parts: ["word/footnotes.xml": footnotes, "word/comments.xml": comments]),
                                       data: #"{"cases": ["A", "B"], "district": "Nord"}"#)
        let document = parts["word/document.xml"]!
        let references = document.matches(of: #/<w:footnoteReference w:id="(\d+)"\/>/#).map { String($0.1) }
        #expect(references.count == 2 && Set(references).count == 2)
        let notes = parts["word/footnotes.xml"]!.matches(of: #/<w:footnote w:id="(-?\d+)">/#).map { String($0.1) }
        #expect(Set(notes) == Set(["1"] + references))
        #expect(parts["word/footnotes.xml"]!.components(separatedBy: "Confidential (Nord).").count - 1 == 3)
        let commentIDs = document.matches(of: #/<w:commentReference w:id="(\d+)"\/>/#).map { String($0.1) }
        #expect(Set(commentIDs).count == 2)
        for id in commentIDs {
            #expect(document.contains("<w:commentRangeStart w:id=\"\(id)\"/>") && document.contains("<w:commentRangeEnd w:id=\"\(id)\"/>"))
            #expect(parts["word/comments.xml"]!.contains("<w:comment w:id=\"\(id)\" w:author=\"Secretary\">"))
        }
        #expect(parts["word/comments.xml"]!.contains("Check {{ this }}"), "comments are notes to the author, not templates")
    }
}
