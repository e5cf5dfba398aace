import Testing
import XMLSupport

@Suite struct XMLReaderTests {
    let reader = XMLReader()

    func parse(_ text: String) throws(XMLParseError) -> XMLElement {
        try reader.parse(Array(text.utf8), file: "t.xml")
    }

    @Test func elementsAttributesAndTextKeepTheirPositions() throws {
        let root = try parse("""
            <doc xmlns="urn:x">
              <p a="1">Здравей, <b>свят</b>!</p>
            </doc>
            """)
        #expect(root.name == "doc")
        #expect(root.namespace == "urn:x")
        #expect(root.location.description == "1:1")
        let p = try #require(root.elements.first)
        #expect(p.location.description == "2:3")
        #expect(p["a"] == "1")
        #expect(p.attribute("a")?.location.description == "2:6")
        #expect(p.attribute("a")?.valueLocation.description == "2:9")
        #expect(p.textContent == "Здравей, свят!")
        guard case .text(let first) = p.children[0] else { Issue.record("expected text"); return }
        #expect(first.location.description == "2:12")
        #expect(p.elements[0].location.description == "2:21")
    }

    @Test func predefinedAndCharacterReferencesAreDecoded() throws {
        let root = try parse("<a>&lt;b&gt; &amp; &#x219; &quot;</a>")
        #expect(root.textContent == "<b> & ș \"")
    }

    @Test(arguments: [
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "DOCTYPE"),
        ("<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\"><a/>", "DOCTYPE"),
        ("<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><a>&xxe;</a>", "DOCTYPE"),
        ("""
         <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
         <lolz>&lol2;</lolz>
         """, "DOCTYPE"),
        ("<a>&undefined;</a>", "ndefined"),
    ])
    func dtdsAndEntitiesAreRefused(source: String, expected: String) {
        #expect(throws: XMLParseError.self) { try parse(source) }
        do { _ = try parse(source) } catch { #expect(error.message.contains(expected), "\(error)") }
    }

    @Test func malformedInputIsLocated() {
        do {
            _ = try parse("<a>\n  <b>\n</a>")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.file == "t.xml")
            #expect(error.description.hasPrefix("t.xml:3:"))
        }
    }

    @Test func depthLimitIsEnforced() {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        do {
            _ = try parse(deep)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("nested more than 256"))
        }
        let limited = XMLReader(limits: .init(maxDepth: 20))
        let twenty = String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20)
        #expect((try? limited.parse(Array(twenty.utf8), file: "d.xml")) != nil)
        #expect(throws: XMLParseError.self) { try limited.parse(Array(("<r>" + twenty + "</r>").utf8), file: "d.xml") }
    }

    @Test func sizeLimitIsEnforced() {
        let small = XMLReader(limits: .init(maxBytes: 10))
        #expect(throws: XMLParseError.self) { try small.parse(Array("<a>0123456789</a>".utf8), file: "s.xml") }
    }

    @Test func emptyAndInvalidUTF8AreRefused() {
        #expect(throws: XMLParseError.self) { try reader.parse([], file: "e.xml") }
        #expect(throws: XMLParseError.self) { try reader.parse(Array("<a>".utf8) + [0xFF, 0xFE] + Array("</a>".utf8), file: "u.xml") }
    }
}

@Suite struct XMLReaderLongLineTests {
    /// Columns are counted on from the previous node: they must stay exact on a long line,
    /// for elements, attributes (found before their element's start) and text.
    @Test(arguments: [1, 10, 5_000])
    func locationsOnOneLongLineAreExact(count: Int) throws {
        let unit = #"<b a="1">ж</b> "#  // 15 characters
        let root = try XMLReader().parse(Array(("<doc>" + String(repeating: unit, count: count) + "</doc>").utf8), file: "t.xml")
        let last = try #require(root.elements.last)
        let column = 6 + (count - 1) * 15
        #expect(last.location.description == "1:\(column)")
        #expect(last.attribute("a")?.location.description == "1:\(column + 3)")
        #expect(last.attribute("a")?.valueLocation.description == "1:\(column + 6)")
        guard case .text(let text) = last.children.first else { Issue.record("expected text"); return }
        #expect(text.location.description == "1:\(column + 9)")
    }
}
