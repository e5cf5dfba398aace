import Testing
import XMLSupport

@Suite struct XMLWriterTests {
    @Test func escapesTextAndAttributes() throws {
        var xml = XMLWriter()
        xml.open("a", ["t": "<\"&'>\n"])
        xml.text("<b>&amp;\"'</b> ș")
        xml.close()
        let out = String(decoding: xml.bytes, as: UTF8.self)
        #expect(out == "<a t=\"&lt;&quot;&amp;'&gt;&#10;\">&lt;b&gt;&amp;amp;\"'&lt;/b&gt; ș</a>")
        // The writer's output reads back as the same text.
        let root = try XMLReader().parse(xml.bytes, file: "w.xml")
        #expect(root.textContent == "<b>&amp;\"'</b> ș")
        #expect(root["t"] == "<\"&'>\n")
    }

    @Test(arguments: ["\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"])
    func dropsCharactersXMLCannotHold(bad: String) throws {
        var xml = XMLWriter()
        xml.element("a", ["v": "x\(bad)y"], text: "p\(bad)q")
        let root = try XMLReader().parse(xml.bytes, file: "c.xml")
        #expect(root.textContent == "pq")
        #expect(root["v"] == "xy")
    }

    @Test func emptyElementsSelfClose() {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("a")
        xml.element("b", ["x": "1"])
        xml.closeAll()
        #expect(String(decoding: xml.bytes, as: UTF8.self)
            == "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a><b x=\"1\"/></a>")
    }
}
