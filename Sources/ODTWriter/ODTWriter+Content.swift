import DocumentModel
import XMLSupport

extension ODTWriter {
    /// `content.xml`: the body, with the automatic styles it uses (alignment overrides,
    /// character marks, tables, cells, page breaks).
    func contentXML(_ document: Document) throws -> [UInt8] {
        let plan = MasterPagePlan(document)
        var body = BodyWriter(sheet: document.styles, stylePrefix: "")
        body.sectionMasterPages = plan.sectionMasterPages
        body.startOn(masterPage: plan.first)
        try body.writeBlocks(document.body.keepingTextWithSignatures(), in: .flow, width: document.page.textWidth)

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

    /// The font every style uses (with Cyrillic, Romanian comma-below letters and Italian
    /// accents), and the one of the ballot-box glyphs.
    func writeFontFaces(_ sheet: StyleSheet, into xml: inout XMLWriter) {
        xml.open("office:font-face-decls")
        var families = [sheet.fontFamily]
        if sheet.fontFamily != StyleSheet.symbolFontFamily { families.append(StyleSheet.symbolFontFamily) }
        for family in families {
            // svg:font-family is a CSS font list; quote the name so spaces survive.
            let quoted = "'" + family.replacingOccurrences(of: "'", with: "") + "'"
            xml.element("style:font-face", [
                "style:name": family, "svg:font-family": quoted,
                "style:font-family-generic": StyleSheet.genericFamily(of: family), "style:font-pitch": StyleSheet.genericFamily(of: family) == "modern" ? "fixed" : "variable",
            ])
        }
        xml.close()
    }

}
