import DocumentModel
import XMLSupport
import ZipSupport

extension ODTWriter {
    /// `styles.xml`: the font, the default style with the document language, one named
    /// paragraph style per ``StyleName``, the list and outline styles, the page layout and
    /// the master page "Standard" with the header and footer.
    func stylesXML(_ document: Document) throws -> [UInt8] {
        let key = StylesKey(
            styles: document.styles, plan: MasterPagePlan(document), language: document.metadata.language,
            hasLinks: document.body.containsInline(where: \.isLink) || document.header.containsInline(where: \.isLink)
                || document.footer.containsInline(where: \.isLink) || (document.firstPageHeader ?? []).containsInline(where: \.isLink)
                || (document.firstPageFooter ?? []).containsInline(where: \.isLink),
            hasFootnotes: document.body.containsInline(where: \.isFootnote))
        return try Self.stylesCache.bytes(for: key) { () throws -> [UInt8] in
            try makeStylesXML(document, plan: key.plan, hasLinks: key.hasLinks, hasFootnotes: key.hasFootnotes)
        }
    }

    /// Everything `styles.xml` is made from: the same for every record of a template, so
    /// the part is built once (see ``PartCache``).
    struct StylesKey: Hashable, Sendable {
        let styles: StyleSheet
        /// The pages, headers and footers.
        let plan: MasterPagePlan
        let language: LanguageTag
        /// Whether the link and footnote styles are needed: documents without keep the
        /// styles part they had.
        let hasLinks: Bool
        let hasFootnotes: Bool
    }

    static let stylesCache = PartCache<StylesKey>()

    private func makeStylesXML(_ document: Document, plan: MasterPagePlan, hasLinks: Bool, hasFootnotes: Bool) throws -> [UInt8] {
        let sheet = document.styles
        // Header and footer content lives in styles.xml, so its automatic styles do too.
        // One writer for all master pages, so they share one set of automatic styles; each
        // master page's bands are laid out at its own text width.
        var master = BodyWriter(sheet: sheet, stylePrefix: "M")
        master.allowsNotes = false
        var bands: [(header: [UInt8], footer: [UInt8])] = []
        for page in plan.masterPages {
            let width = page.layout.page.textWidth
            master.xml = XMLWriter()
            try master.writeBlocks(page.header, in: .fixed, width: width)
            let headerXML = master.xml.bytes
            master.xml = XMLWriter()
            try master.writeBlocks(page.footer, in: .fixed, width: width)
            bands.append((headerXML, master.xml.bytes))
        }

        var xml = XMLWriter(capacity: 16 * 1024)
        xml.declaration()
        xml.open("office:document-styles", attributes: ODFNamespace.document(withImages: master.frameCount > 0, withLinks: master.usesLinks) + [("office:version", Self.odfVersion)])
        writeFontFaces(sheet, into: &xml)

        xml.open("office:styles")
        try writeDefaultStyle(document, into: &xml)
        for name in StyleName.allCases { writeNamedStyle(name, sheet: sheet, into: &xml) }
        ListStyles.write(into: &xml, fontFamily: sheet.fontFamily)
        writeOutlineStyle(into: &xml)
        if hasLinks { writeLinkStyle(into: &xml) }
        if hasFootnotes { writeFootnoteStyles(sheet, into: &xml) }
        xml.close()

        xml.open("office:automatic-styles")
        for layout in plan.pageLayouts { writePageLayout(layout, into: &xml) }
        master.styles.write(into: &xml, sheet: sheet)
        xml.close()
        xml.open("office:master-styles")
        for (page, band) in zip(plan.masterPages, bands) {
            var attributes = [("style:name", page.name)]
            if page.name != MasterPagePlan.standard { attributes.append(("style:display-name", page.displayName)) }
            attributes.append(("style:page-layout-name", page.layout.name))
            if let next = page.next { attributes.append(("style:next-style-name", next)) }
            xml.open("style:master-page", attributes: attributes)
            if !page.header.isEmpty {
                xml.open("style:header")
                xml.rawXML(band.header)
                xml.close()
            }
            if !page.footer.isEmpty {
                xml.open("style:footer")
                xml.rawXML(band.footer)
                xml.close()
            }
            xml.close()
        }
        xml.closeAll()
        return xml.bytes
    }

    private func writeDefaultStyle(_ document: Document, into xml: inout XMLWriter) throws {
        let sheet = document.styles
        let language = document.metadata.language
        xml.open("style:default-style", ["style:family": "paragraph"])
        // Widows and orphans of two lines, and hyphenation in the document's language (as
        // DOCX's w:widowControl and w:autoHyphenation): narrow columns break words at a
        // hyphen, not anywhere.
        xml.element("style:paragraph-properties", [
            "fo:hyphenation-ladder-count": "no-limit", "fo:orphans": "2", "fo:widows": "2",
            "style:tab-stop-distance": "12.5mm", "style:writing-mode": "lr-tb",
        ])
        var text: [(String, String)] = [
            ("style:font-name", sheet.fontFamily),
            ("fo:font-size", odfPoints(sheet[.body].fontSize)),
            ("fo:language", language.language),
        ]
        if let region = language.region { text.append(("fo:country", region)) }
        if let color = sheet.textColor {
            text.append(("fo:color", try BodyWriter.colour(color, location: "style sheet text colour", what: "Text colour")))
        }
        // At least three letters on each side of a hyphen: with two, LibreOffice hyphenated
        // four-letter words (ru-pe) in ODT that it kept whole in the same DOCX.
        text += [
            ("fo:hyphenate", "true"), ("fo:hyphenation-remain-char-count", "3"), ("fo:hyphenation-push-char-count", "3"),
        ]
        text += [
            ("style:font-name-asian", sheet.fontFamily), ("style:font-name-complex", sheet.fontFamily),
        ]
        xml.open("style:text-properties", attributes: text)
        xml.close()
        xml.close()
    }

    private func writeNamedStyle(_ name: StyleName, sheet: StyleSheet, into xml: inout XMLWriter) {
        let style = sheet[name]
        var attributes = [
            ("style:name", name.odfName), ("style:display-name", name.displayName), ("style:family", "paragraph"),
        ]
        if let level = name.outlineLevel {
            attributes += [("style:next-style-name", StyleName.body.odfName), ("style:default-outline-level", String(level))]
        } else if name == .title {
            attributes.append(("style:next-style-name", StyleName.body.odfName))
        }
        attributes.append(("style:class", Self.styleClass(name)))
        xml.open("style:style", attributes: attributes)

        var paragraph = [
            ("fo:margin-top", style.spaceBefore.odf), ("fo:margin-bottom", style.spaceAfter.odf),
            ("fo:text-align", style.alignment.odf),
        ]
        if style.keepWithNext {
            // A heading neither splits nor leaves its text, as DOCX's keepNext and keepLines.
            paragraph += [("fo:keep-together", "always"), ("fo:keep-with-next", "always")]
        }
        xml.open("style:paragraph-properties", attributes: paragraph)
        xml.close()

        let size = odfPoints(style.fontSize)
        var marks: Marks = []
        if style.bold { marks.insert(.bold) }
        if style.italic { marks.insert(.italic) }
        var text = [
            ("fo:font-size", size), ("style:font-size-asian", size), ("style:font-size-complex", size),
        ] + AutomaticStyles.textProperties(marks)
        // Titles and headings are not hyphenated (DOCX: w:suppressAutoHyphens).
        if !style.hyphenate { text.append(("fo:hyphenate", "false")) }
        xml.open("style:text-properties", attributes: text)
        xml.close()
        xml.close()
    }

    /// "Internet link": blue and underlined, as office suites show links.
    private func writeLinkStyle(into xml: inout XMLWriter) {
        xml.open("style:style", attributes: [
            ("style:name", BodyWriter.linkStyle), ("style:display-name", "Internet link"), ("style:family", "text"),
        ])
        xml.open("style:text-properties", attributes: [
            ("fo:color", "#0563c1"), ("style:text-underline-style", "solid"), ("style:text-underline-width", "auto"),
            ("style:text-underline-color", "font-color"),
        ])
        xml.close()
        xml.close()
    }

    /// The footnote text style (smaller than the body), the raised marks, and the notes
    /// configuration: numbers 1, 2, 3 … through the document, at the foot of the page.
    private func writeFootnoteStyles(_ sheet: StyleSheet, into xml: inout XMLWriter) {
        let size = odfPoints(max(sheet[.body].fontSize - 2, 7))
        xml.open("style:style", attributes: [
            ("style:name", BodyWriter.footnoteStyle), ("style:display-name", "Footnote"), ("style:family", "paragraph"),
            ("style:parent-style-name", StyleName.body.odfName), ("style:class", "extra"),
        ])
        xml.open("style:paragraph-properties", attributes: [
            ("fo:margin-left", "6mm"), ("fo:margin-top", "0mm"), ("fo:margin-bottom", "0mm"), ("fo:text-indent", "-6mm"),
            ("fo:text-align", "start"),
        ])
        xml.close()
        xml.open("style:text-properties", attributes: [
            ("fo:font-size", size), ("style:font-size-asian", size), ("style:font-size-complex", size),
        ])
        xml.close()
        xml.close()
        for (name, display) in [("Footnote_20_Symbol", "Footnote Symbol"), ("Footnote_20_anchor", "Footnote anchor")] {
            xml.open("style:style", attributes: [("style:name", name), ("style:display-name", display), ("style:family", "text")])
            xml.open("style:text-properties", attributes: [("style:text-position", "super 58%")])
            xml.close()
            xml.close()
        }
        xml.open("text:notes-configuration", attributes: [
            ("text:note-class", "footnote"), ("text:citation-style-name", "Footnote_20_Symbol"),
            ("text:citation-body-style-name", "Footnote_20_anchor"), ("text:default-style-name", BodyWriter.footnoteStyle),
            ("style:num-format", "1"), ("text:start-value", "0"), ("text:footnotes-position", "page"),
            ("text:start-numbering-at", "document"),
        ])
        xml.close()
    }

    private static func styleClass(_ name: StyleName) -> String {
        switch name {
        case .title, .heading1, .heading2, .heading3: "chapter"
        case .header, .footer: "extra"
        default: "text"
        }
    }

    /// Headings carry their outline level; the outline itself is unnumbered, as forms
    /// number their sections in the text when they need to.
    private func writeOutlineStyle(into xml: inout XMLWriter) {
        xml.open("text:outline-style", ["style:name": "Outline"])
        for level in 1...10 {
            xml.element("text:outline-level-style", ["text:level": String(level), "style:num-format": ""])
        }
        xml.close()
    }

    /// The page's margins bound the body text, as in DOCX: a header or footer sits inside
    /// the margin (from half of it outwards), not below it as ODF would place it by default.
    private func writePageLayout(_ layout: MasterPagePlan.PageLayout, into xml: inout XMLWriter) {
        let page = layout.page
        let top = layout.hasHeader ? HeaderFooterBand(margin: page.margins.top) : nil
        let bottom = layout.hasFooter ? HeaderFooterBand(margin: page.margins.bottom) : nil
        xml.open("style:page-layout", ["style:name": layout.name])
        xml.open("style:page-layout-properties", [
            "fo:page-width": page.width.odf, "fo:page-height": page.height.odf,
            "style:print-orientation": page.width > page.height ? "landscape" : "portrait",
            "fo:margin-top": (top?.distance ?? page.margins.top).odf,
            "fo:margin-bottom": (bottom?.distance ?? page.margins.bottom).odf,
            "fo:margin-left": page.margins.left.odf, "fo:margin-right": page.margins.right.odf,
            "style:writing-mode": "lr-tb",
        ])
        xml.close()
        if let top {
            xml.open("style:header-style")
            xml.element("style:header-footer-properties", [
                "fo:min-height": top.height.odf, "fo:margin-bottom": top.spacing.odf,
            ])
            xml.close()
        }
        if let bottom {
            xml.open("style:footer-style")
            xml.element("style:header-footer-properties", [
                "fo:min-height": bottom.height.odf, "fo:margin-top": bottom.spacing.odf,
            ])
            xml.close()
        }
        xml.close()
    }
}
