import DocumentModel
import Foundation
import FoundationXML
import ODTWriter
import Testing

/// Whatever the data holds, it ends up as text: markup-like strings are escaped, and
/// characters XML cannot hold are dropped instead of breaking the part.
@Suite struct ODTWriterEscapingTests {
    static let hostile = "<b>&amp;\"'</b>"

    @Test(arguments: ["content.xml", "styles.xml", "meta.xml"])
    func markupInDataStaysText(_ part: String) throws {
        let text = Self.hostile + "\u{0}\u{1}\u{7}\u{1B}\u{FFFE}end"
        var document = Document(
            metadata: Metadata(title: text, subject: text, language: LanguageTag("bg-BG"), keywords: [text]),
            header: [.paragraph(Paragraph([.text(text)], style: .header))],
            body: [
                .heading(Heading(level: 1, [.text(text, marks: .bold)])),
                .table(Table(columns: [.mm(50)], rows: [TableRow([TableCell([.paragraph(Paragraph([.text(text)]))])])])),
                .signatures(SignatureGrid([SignatureBlock(name: text, dateLabel: text, signatureLabel: text, sealMark: text)])),
            ])
        document.styles.fontFamily = "Font \"<&>\" 'x'"
        let entry = try #require(ODTWriter().parts(of: document).first { $0.path == part })

        let collector = TextCollector()
        let parser = XMLParser(data: Data(entry.data))
        parser.delegate = collector
        #expect(parser.parse(), "\(part) is not well-formed: \(String(describing: parser.parserError))")
        #expect(!collector.elements.contains("b"), "data became markup")
        #expect(collector.text.contains(Self.hostile + "end"))
        #expect(!collector.text.contains("\u{1B}"))
    }
}

/// Collects element names and character data.
private final class TextCollector: NSObject, XMLParserDelegate {
    var elements: Set<String> = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.insert(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
