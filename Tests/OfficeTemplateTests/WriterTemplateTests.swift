import Foundation
import Localization
import OfficeTemplate
import Template
import Testing

@Suite("Writer templates")
struct WriterTemplateTests {
    @Test("a tag split over spans and text:s renders; other text keeps its spans", arguments: [
        "<text:p>Name: {{ child.name }}.</text:p>",
        "<text:p>Name: <text:span text:style-name=\"T1\">{{</text:span> child.name }}.</text:p>",
        "<text:p>Name: {{<text:s/>child.name }}.</text:p>",
        "<text:p>Name: {{ chi<text:span text:style-name=\"T1\">ld.na</text:span>me }}.</text:p>",
        "<text:p>Name: {{\u{00A0}child.name }}<text:bookmark text:name=\"b\"/>.</text:p>",
    ])
    func splitValue(_ body: String) throws {
        let content = try Fixture.render(try Fixture.writer(body: body), format: .odt, data: #"{"child": {"name": "Ana  Maria"}}"#)["content.xml"]!
        #expect(Fixture.text(content) == "Name: Ana  Maria.\n")
        #expect(content.contains("Ana <text:s/>Maria"), "two spaces stay two spaces in ODF")
    }

    @Test("paragraph and row loops, a condition, in ODF tables")
    func loops() throws {
        func cell(_ text: String) -> String { "<table:table-cell office:value-type=\"string\"><text:p>\(text)</text:p></table:table-cell>" }
        let body = """
            <text:p>{% for a in agenda %}</text:p><text:p>{{ loop.index }}. {{ a }}</text:p><text:p>{% endfor %}</text:p>\
            <table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>\
            <table:table-header-rows><table:table-row>\(cell("Name"))\(cell("Role"))</table:table-row></table:table-header-rows>\
            <table:table-row>\(cell("{%tr for p in people %}"))\(cell(""))</table:table-row>\
            <table:table-row>\(cell("<text:span text:style-name=\"T1\">{{ p.name }}</text:span>"))\(cell("{% if p.chair %}chair{% else %}member{% endif %}"))</table:table-row>\
            <table:table-row>\(cell("{%tr endfor %}"))\(cell(""))</table:table-row></table:table>
            """
        let content = try Fixture.render(try Fixture.writer(body: body), format: .odt,
            data: #"{"agenda": ["Opening", "Cases"], "people": [{"name": "Ana", "chair": true}, {"name": "Ion"}]}"#)["content.xml"]!
        #expect(Fixture.text(content) == "1. Opening\n2. Cases\nName\nRole\nAna\nchair\nIon\nmember\n")
        #expect(content.contains("<text:span text:style-name=\"T1\">Ana</text:span>"))
    }

    @Test("a column loop repeats cells and the table's column declarations")
    func columnLoop() throws {
        func cell(_ text: String) -> String { "<table:table-cell office:value-type=\"string\"><text:p>\(text)</text:p></table:table-cell>" }
        let body = """
            <table:table table:name="Plan"><table:table-column table:style-name="Plan.A"/><table:table-column table:style-name="Plan.B"/>\
            <table:table-column table:style-name="Plan.C"/><table:table-column table:style-name="Plan.B"/>\
            <table:table-row>\(cell("Activity"))\(cell("{%tc for m in months %}"))\(cell("{{ m }}"))\(cell("{%tc endfor %}"))</table:table-row>\
            <table:table-row>\(cell("{{ activity }}"))\(cell("{%tc for m in months %}"))\(cell("x"))\(cell("{%tc endfor %}"))</table:table-row></table:table>
            """
        let content = try Fixture.render(try Fixture.writer(body: body), format: .odt, data: #"{"activity": "Visit", "months": ["Jan", "Feb", "Mar"]}"#)["content.xml"]!
        #expect(Fixture.text(content) == "Activity\nJan\nFeb\nMar\nVisit\nx\nx\nx\n")
        #expect(content.contains("<table:table table:name=\"Plan\"><table:table-column table:style-name=\"Plan.A\"/><table:table-column table:style-name=\"Plan.C\"/><table:table-column table:style-name=\"Plan.C\"/><table:table-column table:style-name=\"Plan.C\"/><table:table-row>"), "\(content)")
    }

    @Test("the document language is set in styles and metadata")
    func language() throws {
        let parts = try Fixture.render(try Fixture.writer(body: "<text:p>x</text:p>"), format: .odt, locale: LocaleID("bg")!)
        #expect(parts["styles.xml"]!.contains("fo:language=\"bg\" fo:country=\"BG\""))
        #expect(parts["meta.xml"]!.contains("<dc:language>bg-BG</dc:language>"))
        #expect(parts["mimetype"] == "application/vnd.oasis.opendocument.text")
    }

    @Test("line breaks, tabs and leading spaces in data")
    func whitespace() throws {
        let content = try Fixture.render(try Fixture.writer(body: "<text:p>[{{ v }}]</text:p>"), format: .odt, data: #"{"v": " a\tb\nc  "}"#)["content.xml"]!
        #expect(content.contains("[<text:s/>a<text:tab/>b<text:line-break/>c<text:s text:c=\"2\"/>]"))
    }

    @Test("errors name content.xml and the paragraph")
    func errors() throws {
        do {
            _ = try Fixture.template(try Fixture.writer(body: "<text:p>a</text:p><text:p>{% if x %}</text:p>"), format: .odt)
            Issue.record("expected an error")
        } catch let error as TemplateErrors {
            #expect(error.description.hasPrefix("template.odt: content.xml, paragraph 2: error: {% if %} is never closed"), "\(error.description)")
        }
    }
}
