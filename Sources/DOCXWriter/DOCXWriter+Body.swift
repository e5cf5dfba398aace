import DocumentModel
import XMLSupport

/// Writes blocks as WordprocessingML: `word/document.xml` and the header and footer
/// parts. One value per part; the numbering plan is handed from part to part so list
/// ids stay unique across the package.
struct BodyWriter {
    enum HeaderFooter {
        case header, footer, firstHeader, firstFooter

        var isFirstPage: Bool { self == .firstHeader || self == .firstFooter }
        var isHeader: Bool { self == .header || self == .firstHeader }
    }

    let document: Document
    var numbering: NumberingPlan
    var xml = XMLWriter(capacity: 16 * 1024)
    /// A page break not yet written. It goes into the next paragraph as its first run,
    /// so the new page does not start with an empty line.
    var pendingPageBreak = false
    /// Headers, footers and table cells cannot break pages; breaks there are dropped.
    var pageBreaksAllowed = true
    /// Word and LibreOffice merge two tables that touch, so a paragraph must separate them.
    var previousBlockWasTable = false
    /// Paragraphs and tables written so far: a header, footer or cell that ended up
    /// with none still needs an (empty) paragraph.
    var writtenBlocks = 0
    /// External relationships of the part for its hyperlinks, in order of first use; the
    /// same address is one relationship.
    var hyperlinks: [(id: String, url: String)] = []
    /// Footnotes met in this part, in order: their ids are 1, 2, … (-1 and 0 are the separators).
    var footnotes: [Footnote] = []
    /// False in headers, footers and the footnotes themselves, which cannot hold notes.
    var allowsNotes = true
    /// The character style of the runs being written (inside a link).
    var characterStyle: String?
    /// Whether blocks go straight into the body, where a ``Section`` starts pages of its own.
    var writingBody = false
    /// The page of the section being written: its text width lays out tables.
    var sectionPage: PageSetup
    /// A ``Section`` just written: the next block of the body first ends it with a section
    /// break, or the body's last `w:sectPr` describes its page.
    var sectionToEnd = false
    /// Section breaks written so far; the first section alone has the first-page header.
    var sectionBreaks = 0
    /// ``writtenBlocks`` at the last section break.
    var blocksBeforeSection = 0
    /// The body opens with a ``Section``: page 1 is the section's, with no first-page bands.
    var bodyStartsWithSection = false
    /// Every paragraph keeps with the next: the rows of a table kept on one page.
    var keepParagraphsWithNext = false

    static let linkStyle = "Hyperlink"
    static let footnoteTextStyle = "FootnoteText"
    static let footnoteReferenceStyle = "FootnoteReference"
    /// The next `wp:docPr` id: unique in the whole package, so it is handed from part to
    /// part like the numbering plan.
    var nextDrawingID = 1
    /// This part's relationships to pictures, in order of first use: `rIdImage1`, … Each
    /// part (document, header, footer) has its own `.rels`, so ids are allocated per part.
    var imageRelationships: [(id: String, target: String)] = []

    init(document: Document, numbering: NumberingPlan, nextDrawingID: Int = 1) {
        self.document = document
        self.numbering = numbering
        self.nextDrawingID = nextDrawingID
        self.sectionPage = document.page
    }

    /// The root element's namespaces: `wp:` only in a part with pictures, so parts without
    /// any stay as they were.
    static func rootNamespaces(withImages: Bool) -> [(String, String)] {
        var namespaces = [("xmlns:w", Namespace.w), ("xmlns:r", Namespace.r)]
        if withImages { namespaces.append(("xmlns:wp", Namespace.wp)) }
        return namespaces
    }

    mutating func documentPart() -> [UInt8] {
        xml.declaration()
        xml.open("w:document", attributes: Self.rootNamespaces(withImages: document.body.hasImages))
        xml.open("w:body")
        writingBody = true
        blocks(document.body.keepingTextWithSignatures(), listLevel: 0)
        writingBody = false
        if pendingPageBreak { pageBreakParagraph() }
        sectionProperties(sectionPage)
        xml.close()
        xml.close()
        return xml.bytes
    }

    mutating func headerFooterPart(_ kind: HeaderFooter, blocks content: [Block]) -> [UInt8] {
        pageBreaksAllowed = false
        allowsNotes = false
        xml.declaration()
        xml.open(kind.isHeader ? "w:hdr" : "w:ftr", attributes: Self.rootNamespaces(withImages: content.hasImages))
        // ODT keeps a quarter of the margin between a band and the body (HeaderFooterBand),
        // also when the band is taller than its margin, as a letterhead's often is; Word and
        // LibreOffice let a tall DOCX band touch the body. An empty paragraph of exactly that
        // height on the body's side keeps the gap, and the page breaks, the same in both.
        let margin = kind.isHeader ? document.page.margins.top : document.page.margins.bottom
        if !kind.isHeader { gapParagraph(margin) }
        blocks(content, listLevel: 0)
        if kind.isHeader { gapParagraph(margin) }
        // Word requires a header or footer to end with a paragraph.
        if previousBlockWasTable || writtenBlocks == 0 { emptyParagraph() }
        xml.close()
        return xml.bytes
    }

    // MARK: Blocks

    mutating func blocks(_ blocks: [Block], listLevel: Int) {
        for block in blocks {
            if writingBody && sectionToEnd {
                if case .section = block {} else { endSectionAfterSection() }
            }
            switch block {
            case .heading(let heading):
                paragraph(heading.content, style: .heading(heading.level))
            case .paragraph(let paragraph):
                self.paragraph(
                    paragraph.content, style: paragraph.style, alignment: paragraph.alignment,
                    keepNext: paragraph.keepWithNext, label: paragraph.label)
            case .list(let list):
                self.list(list, level: listLevel)
            case .table(let table):
                self.table(table)
            case .pageBreak:
                guard pageBreaksAllowed else { continue }
                // A page break straight after a section break would leave an empty page.
                if writingBody && sectionBreaks > 0 && writtenBlocksInSection == 0 { continue }
                if pendingPageBreak { pageBreakParagraph() }
                pendingPageBreak = true
            case .signatures(let grid):
                table(grid.table(width: sectionPage.textWidth, styles: document.styles))
            case .image(let image, let alignment):
                paragraph([.image(image)], style: .body, alignment: alignment)
            case .section(let section):
                guard writingBody && listLevel == 0 else {
                    self.blocks(section.body, listLevel: listLevel)
                    continue
                }
                self.section(section)
            }
        }
    }

    /// Lists become paragraphs with `w:numPr`; nesting depth is the list level.
    mutating func list(_ list: List, level: Int) {
        let numID = numbering.allocate(list.kind, level: level)
        let ilvl = NumberingPlan.clampedLevel(level)
        for item in list.items {
            var numbered = false
            for block in item.blocks {
                switch block {
                case .paragraph(let paragraph):
                    self.paragraph(
                        paragraph.content, style: paragraph.style, alignment: paragraph.alignment,
                        keepNext: paragraph.keepWithNext,
                        numbering: numbered ? nil : (numID, ilvl),
                        indent: numbered ? NumberingPlan.textIndent(level: ilvl) : nil)
                    numbered = true
                case .image(let image, let alignment):
                    // A picture opening an item carries the item's marker, as a paragraph does.
                    self.paragraph(
                        [.image(image)], style: .body, alignment: alignment,
                        numbering: numbered ? nil : (numID, ilvl), indent: numbered ? NumberingPlan.textIndent(level: ilvl) : nil)
                    numbered = true
                case .heading(let heading) where !numbered:
                    paragraph(heading.content, style: .heading(heading.level), numbering: (numID, ilvl))
                    numbered = true
                case .list(let inner):
                    if !numbered {
                        // The item still needs its marker, even when it opens with a sublist.
                        paragraph([], style: .body, numbering: (numID, ilvl))
                        numbered = true
                    }
                    self.list(inner, level: level + 1)
                default:
                    if !numbered {
                        paragraph([], style: .body, numbering: (numID, ilvl))
                        numbered = true
                    }
                    blocks([block], listLevel: level + 1)
                }
            }
            if !numbered { paragraph([], style: .body, numbering: (numID, ilvl)) }
        }
    }

    // MARK: Paragraphs

    mutating func paragraph(
        _ content: [Inline], style: StyleName, alignment: Alignment? = nil, keepNext: Bool = false,
        numbering: (id: Int, level: Int)? = nil, indent: Int? = nil, label: NumberLabel? = nil
    ) {
        xml.open("w:p")
        // pPr children in schema order: pStyle, keepNext, numPr, ind, jc.
        xml.open("w:pPr")
        xml.element("w:pStyle", ["w:val": style.styleID])
        if keepNext || keepParagraphsWithNext { xml.element("w:keepNext") }
        if let numbering {
            xml.open("w:numPr")
            xml.element("w:ilvl", ["w:val": String(numbering.level)])
            xml.element("w:numId", ["w:val": String(numbering.id)])
            xml.close()
        }
        if let indent {
            xml.element("w:ind", ["w:left": String(indent)])
        } else if let label {
            // The hanging indent is where the label's tab stops, in Word and LibreOffice alike.
            var attributes: [(String, String)] = [("w:left", String(label.textIndent.twips))]
            if !label.text.isEmpty { attributes.append(("w:hanging", String(NumberLabel.indentStep.twips))) }
            xml.open("w:ind", attributes: attributes)
            xml.close()
        }
        if let alignment { xml.element("w:jc", ["w:val": alignment.jc]) }
        xml.close()
        if pendingPageBreak {
            pageBreakRun()
            pendingPageBreak = false
        }
        if let label, !label.text.isEmpty {
            textRun(label.text, marks: [])
            runs([.tab])
        }
        runs(content)
        xml.close()
        previousBlockWasTable = false
        writtenBlocks += 1
    }

    /// An empty paragraph exactly a quarter of `margin` high: the gap between a header or
    /// footer and the body.
    mutating func gapParagraph(_ margin: Length) {
        xml.open("w:p")
        xml.open("w:pPr")
        xml.element("w:spacing", ["w:before": "0", "w:after": "0", "w:line": String(max(1, margin.twips / 4)), "w:lineRule": "exact"])
        xml.open("w:rPr")
        xml.element("w:sz", ["w:val": "2"])
        xml.close()
        xml.close()
        xml.close()
        previousBlockWasTable = false
        writtenBlocks += 1
    }

    mutating func emptyParagraph() {
        xml.open("w:p")
        xml.close()
        previousBlockWasTable = false
        writtenBlocks += 1
    }

    /// A break with nothing to attach to (before a table, at the end): a paragraph
    /// whose mark is 1 pt high, so the new page starts with no visible empty line.
    mutating func pageBreakParagraph() {
        pendingPageBreak = false
        openOnePointParagraph()
        xml.close()
        pageBreakRun()
        xml.close()
        previousBlockWasTable = false
        writtenBlocks += 1
    }

    private mutating func pageBreakRun() {
        xml.open("w:r")
        xml.element("w:br", ["w:type": "page"])
        xml.close()
    }

    // MARK: Runs

    mutating func runs(_ content: [Inline]) {
        for inline in content {
            switch inline {
            case .text(let string, let marks):
                textRun(string, marks: marks)
            case .checkbox(let checked):
                // Arial and Liberation Sans have no ballot boxes: the glyph gets a font that has them.
                xml.open("w:r")
                xml.open("w:rPr")
                let font = StyleSheet.symbolFontFamily
                xml.element("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font])
                xml.close()
                xml.element("w:t", text: checked ? Inline.checkedBox : Inline.uncheckedBox)
                xml.close()
            case .field(let field):
                fieldRuns(field == .pageNumber ? " PAGE " : " NUMPAGES ")
            case .lineBreak:
                xml.open("w:r")
                xml.element("w:br")
                xml.close()
            case .tab:
                xml.open("w:r")
                xml.element("w:tab")
                xml.close()
            case .link(let link):
                // Links do not nest (``Link``); the linked runs carry the Hyperlink style.
                xml.open("w:hyperlink", ["r:id": hyperlinkID(link.target.url), "w:history": "1"])
                characterStyle = Self.linkStyle
                runs(link.content)
                characterStyle = nil
                xml.close()
            case .footnote(let note):
                guard allowsNotes else { continue }
                footnotes.append(note)
                xml.open("w:r")
                xml.open("w:rPr")
                xml.element("w:rStyle", ["w:val": Self.footnoteReferenceStyle])
                xml.close()
                xml.element("w:footnoteReference", ["w:id": String(footnotes.count)])
                xml.close()
            case .image(let image): drawing(image)
            }
        }
    }

    /// The relationship id of a link's address in this part.
    mutating func hyperlinkID(_ url: String) -> String {
        if let known = hyperlinks.first(where: { $0.url == url }) { return known.id }
        let id = "rIdLink\(hyperlinks.count + 1)"
        hyperlinks.append((id, url))
        return id
    }

    /// `word/footnotes.xml`: the separator (-1) and continuation separator (0) Word draws
    /// above notes, then each note, numbered by the office suite from its reference.
    mutating func footnotesPart(_ notes: [Footnote]) -> [UInt8] {
        pageBreaksAllowed = false
        allowsNotes = false
        xml.declaration()
        xml.open("w:footnotes", ["xmlns:w": Namespace.w, "xmlns:r": Namespace.r])
        for (id, type, mark) in [("-1", "separator", "w:separator"), ("0", "continuationSeparator", "w:continuationSeparator")] {
            xml.open("w:footnote", ["w:type": type, "w:id": id])
            xml.open("w:p")
            xml.open("w:pPr")
            xml.element("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
            xml.close()
            xml.open("w:r")
            xml.element(mark)
            xml.close()
            xml.close()
            xml.close()
        }
        for (index, note) in notes.enumerated() {
            xml.open("w:footnote", ["w:id": String(index + 1)])
            xml.open("w:p")
            xml.open("w:pPr")
            xml.element("w:pStyle", ["w:val": Self.footnoteTextStyle])
            xml.close()
            xml.open("w:r")
            xml.open("w:rPr")
            xml.element("w:rStyle", ["w:val": Self.footnoteReferenceStyle])
            xml.close()
            xml.element("w:footnoteRef")
            xml.close()
            // The number hangs in the indent, the text starts at the tab, as in ODT.
            runs([.tab])
            runs(note.content)
            xml.close()
            xml.close()
        }
        xml.close()
        return xml.bytes
    }

    /// One run; line feeds and tabs inside the text become `w:br` and `w:tab`, which
    /// is what they mean, instead of collapsing to spaces in `w:t`.
    mutating func textRun(_ string: String, marks: Marks) {
        guard !string.isEmpty else { return }
        xml.open("w:r")
        if !marks.isEmpty || characterStyle != nil {
            xml.open("w:rPr")
            if let characterStyle { xml.element("w:rStyle", ["w:val": characterStyle]) }
            if marks.contains(.bold) { xml.element("w:b") }
            if marks.contains(.italic) { xml.element("w:i") }
            if marks.contains(.underline) { xml.element("w:u", ["w:val": "single"]) }
            xml.close()
        }
        // Most text has no line break or tab: write it whole instead of scalar by scalar.
        // Line breaks are those the ODT writer makes: LF, CR, CR LF, VT, FF, NEL (U+0085, UTF-8
        // C2 85), LS and PS (U+2028/9, UTF-8 E2 80 A8/A9), so both formats break the same lines.
        if !string.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0B || $0 == 0x0C || $0 == 0xC2 || $0 == 0xE2 }) {
            textElement(string)
            xml.close()
            return
        }
        var segment = ""
        var previousWasCR = false
        for character in string.unicodeScalars {
            switch character {
            case "\n" where previousWasCR:
                previousWasCR = false
                continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                textElement(segment)
                segment = ""
                xml.element("w:br")
            case "\t":
                textElement(segment)
                segment = ""
                xml.element("w:tab")
            default:
                segment.unicodeScalars.append(character)
            }
            previousWasCR = character == "\r"
        }
        textElement(segment)
        xml.close()
    }

    private mutating func textElement(_ text: String) {
        let safe = XMLWriter.xmlSafe(text)
        guard !safe.isEmpty else { return }
        if Self.needsPreserve(safe) {
            xml.element("w:t", ["xml:space": "preserve"], text: safe)
        } else {
            xml.element("w:t", text: safe)
        }
    }

    /// Word trims leading, trailing and repeated spaces in `w:t` unless told not to.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return true }
        var previousWasSpace = false
        for byte in text.utf8 {
            if byte == 0x20 && previousWasSpace { return true }
            previousWasSpace = byte == 0x20
        }
        return false
    }

    /// A complex field (`begin`, instruction, `separate`, cached result, `end`). The
    /// cached "1" shows until the office suite updates the field on layout.
    mutating func fieldRuns(_ instruction: String) {
        xml.open("w:r")
        xml.element("w:fldChar", ["w:fldCharType": "begin"])
        xml.close()
        xml.open("w:r")
        xml.element("w:instrText", ["xml:space": "preserve"], text: instruction)
        xml.close()
        xml.open("w:r")
        xml.element("w:fldChar", ["w:fldCharType": "separate"])
        xml.close()
        xml.open("w:r")
        xml.element("w:t", text: "1")
        xml.close()
        xml.open("w:r")
        xml.element("w:fldChar", ["w:fldCharType": "end"])
        xml.close()
    }

    // MARK: Section

    /// A section on pages of its own: the content before it ends with a section break
    /// (next page) that carries the preceding pages' `w:sectPr`, and the content after it
    /// starts with one that carries the section's.
    mutating func section(_ section: Section) {
        guard !section.body.isEmpty else { return }
        if sectionToEnd {
            endSectionAfterSection()
        }
        // The section break starts the new page; a pending page break would add an empty one.
        pendingPageBreak = false
        // With nothing before it, the section's page is simply the first; its layout wins over
        // the first page's bands there, as in the ODT writer (whose section master page does).
        if writtenBlocksInSection > 0 {
            sectionBreak(sectionPage)
        } else if sectionBreaks == 0 {
            bodyStartsWithSection = true
        }
        sectionPage = section.page
        blocks(section.body, listLevel: 0)
        pendingPageBreak = false
        sectionToEnd = true
    }

    /// Blocks written since the last section break (or the start).
    var writtenBlocksInSection: Int { writtenBlocks - blocksBeforeSection }

    /// Ends the section just written, before the document's pages go on.
    private mutating func endSectionAfterSection() {
        sectionToEnd = false
        pendingPageBreak = false
        sectionBreak(sectionPage)
        sectionPage = document.page
    }

    /// Opens a paragraph and its `w:pPr` for a mark 1 pt high with no spacing: a paragraph
    /// that only carries a page or section break and shows no empty line.
    private mutating func openOnePointParagraph() {
        xml.open("w:p")
        xml.open("w:pPr")
        xml.element("w:spacing", ["w:before": "0", "w:after": "0", "w:line": "240", "w:lineRule": "auto"])
        xml.open("w:rPr")
        xml.element("w:sz", ["w:val": "2"])
        xml.element("w:szCs", ["w:val": "2"])
        xml.close()
    }

    /// A paragraph ending a section: 1 pt high, so it adds no visible line, holding the
    /// `w:sectPr` of the pages before it.
    private mutating func sectionBreak(_ page: PageSetup) {
        openOnePointParagraph()
        sectionProperties(page, nextPage: true)
        xml.close()
        xml.close()
        previousBlockWasTable = false
        sectionBreaks += 1
        blocksBeforeSection = writtenBlocks
    }

    /// A `w:sectPr`: page size and orientation, margins and the header/footer references,
    /// repeated in every section. Header and footer sit halfway into the top and bottom
    /// margins. Only the first section has the first page's own header and footer.
    mutating func sectionProperties(_ page: PageSetup, nextPage: Bool = false) {
        let isFirstSection = sectionBreaks == 0
        let firstPage = isFirstSection && document.hasDistinctFirstPage && !bodyStartsWithSection
        xml.open("w:sectPr")
        if !document.header.isEmpty {
            xml.element("w:headerReference", ["w:type": "default", "r:id": PackageLayout.headerID])
        }
        if !document.footer.isEmpty {
            xml.element("w:footerReference", ["w:type": "default", "r:id": PackageLayout.footerID])
        }
        if firstPage {
            xml.element("w:headerReference", ["w:type": "first", "r:id": PackageLayout.firstHeaderID])
            xml.element("w:footerReference", ["w:type": "first", "r:id": PackageLayout.firstFooterID])
        }
        if nextPage { xml.element("w:type", ["w:val": "nextPage"]) }
        var size: [(String, String)] = [("w:w", String(page.width.twips)), ("w:h", String(page.height.twips))]
        if page.width > page.height { size.append(("w:orient", "landscape")) }
        xml.open("w:pgSz", attributes: size)
        xml.close()
        let margins = page.margins
        xml.open("w:pgMar", attributes: [
            ("w:top", String(margins.top.twips)), ("w:right", String(margins.right.twips)),
            ("w:bottom", String(margins.bottom.twips)), ("w:left", String(margins.left.twips)),
            ("w:header", String(margins.top.twips / 2)), ("w:footer", String(margins.bottom.twips / 2)),
            ("w:gutter", "0"),
        ])
        xml.close()
        xml.element("w:cols", ["w:space": "709"])
        if firstPage { xml.element("w:titlePg") }
        xml.close()
    }
}
