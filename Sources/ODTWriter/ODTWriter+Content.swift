import DocumentModel
import XMLSupport

extension ODTWriter {
    /// `content.xml`: the body, with the automatic styles it uses (alignment overrides,
    /// character marks, tables, cells, page breaks).
    func contentXML(_ document: Document) throws -> [UInt8] {
        var body = BodyWriter(sheet: document.styles, stylePrefix: "")
        try body.writeBlocks(document.body, in: .flow, width: document.page.textWidth)

        var xml = XMLWriter(capacity: body.xml.bytes.count + 4096)
        xml.declaration()
        xml.open("office:document-content", attributes: ODFNamespace.document(withImages: body.frameCount > 0, withLinks: body.usesLinks) + [("office:version", Self.odfVersion)])
        writeFontFaces(document.styles, into: &xml)
        xml.open("office:automatic-styles")
        body.styles.write(into: &xml, sheet: document.styles)
        xml.close()
        xml.open("office:body")
        xml.open("office:text")
        xml.rawXML(body.xml.bytes)
        xml.closeAll()
        return xml.bytes
    }

    /// The one font every style uses: it has Cyrillic, Romanian comma-below letters and
    /// the ballot-box glyphs.
    func writeFontFaces(_ sheet: StyleSheet, into xml: inout XMLWriter) {
        xml.open("office:font-face-decls")
        // svg:font-family is a CSS font list; quote the name so spaces survive.
        let quoted = "'" + sheet.fontFamily.replacingOccurrences(of: "'", with: "") + "'"
        xml.element("style:font-face", [
            "style:name": sheet.fontFamily, "svg:font-family": quoted,
            "style:font-family-generic": "swiss", "style:font-pitch": "variable",
        ])
        xml.close()
    }
}
