import DocumentModel
import Testing

/// Text that looks like markup stays text, and characters XML cannot hold are
/// dropped, in every part that carries document text.
@Suite struct DOCXWriterEscapingTests {
    /// What a reader should see: the hostile text minus what XML 1.0 cannot hold.
    static let visible = "<b>&amp;\"'</b> ]]> <!-- x --> <?pi?> &#x41;"

    @Test(arguments: ["word/document.xml", "word/header1.xml", "word/footer1.xml"])
    func markupInTextStaysText(part: String) throws {
        let package = try WrittenPackage(SampleDocuments.escaping)
        let parsed = try #require(package.parsed(part), "\(part) is not well-formed")
        #expect(parsed.runText.contains(Self.visible))
        // Nothing from the text turned into elements.
        #expect(!parsed.elements.contains("b"))
        #expect(!parsed.elements.contains("x"))
        let raw = try #require(package.text(of: part))
        #expect(raw.contains("&lt;b&gt;&amp;amp;"))
        // No C0 control other than tab, line feed and carriage return; no U+FFFE/U+FFFF.
        #expect(!raw.unicodeScalars.contains { ($0.value < 0x20 && ![0x9, 0xA, 0xD].contains($0.value)) || $0.value >= 0xFFFE && $0.value <= 0xFFFF })
    }

    @Test func metadataIsEscapedToo() throws {
        let package = try WrittenPackage(SampleDocuments.escaping)
        let core = try #require(package.parsed("docProps/core.xml"))
        #expect(core.textByElement["dc:title"] == [Self.visible])
        #expect(core.textByElement["cp:keywords"] == [Self.visible])
        let app = try #require(package.parsed("docProps/app.xml"))
        #expect(app.textByElement["Application"] == [Self.visible])
    }

    @Test func invalidShadingCannotInjectAttributes() throws {
        let package = try WrittenPackage(SampleDocuments.escaping)
        let document = try #require(package.parsed("word/document.xml"))
        #expect(document.count(of: "w:shd") == 0)
        #expect(document.attributes.allSatisfy { $0.attributes["a"] == nil })
    }

    @Test func leadingAndTrailingSpacesArePreserved() throws {
        let document = Document(
            metadata: Metadata(title: "t", language: LanguageTag("en-GB")),
            body: [.paragraph(Paragraph([.text("a "), .text("b", marks: .bold), .text(" c  d"), .text("e")]))])
        let package = try WrittenPackage(document)
        let xml = try #require(package.text(of: "word/document.xml"))
        #expect(xml.contains(#"<w:t xml:space="preserve">a </w:t>"#))
        #expect(xml.contains(#"<w:t xml:space="preserve"> c  d</w:t>"#))
        #expect(xml.contains("<w:t>e</w:t>"))
        #expect(package.parsed("word/document.xml")?.runText == "a b c  de")
    }
}
