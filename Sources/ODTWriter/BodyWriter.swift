import DocumentModel
import XMLSupport

/// Writes blocks as ODF text content into one part, collecting the automatic styles the
/// content needs. `content.xml` uses one for the body, `styles.xml` one for the header
/// and footer of the master page.
struct BodyWriter {
    /// Where blocks are being written: ODF allows different content in each place.
    enum Container {
        /// The document body: anything goes.
        case flow
        /// A list item: only paragraphs, headings and lists. A table interrupts the list
        /// (see ``BodyWriter/interruptLists(with:)``).
        case listItem
        /// A table cell, the header or the footer: content that does not flow across pages,
        /// so page breaks are dropped.
        case fixed
    }

    let sheet: StyleSheet
    var xml = XMLWriter(capacity: 16 * 1024)
    var styles: AutomaticStyles
    /// A page break waiting for the next paragraph, heading or table to carry it, so that
    /// it does not leave an empty line at the top of the new page.
    private var pendingBreak = false
    /// A master page the next paragraph, heading or table starts: the first page's, a
    /// section's, or the document's after a section. Dropped at the end of the document,
    /// so a section that ends it leaves no empty page behind.
    private var pendingMasterPage: String?
    /// The master page of each section's page setup; nil in the header and footer, where
    /// sections just group blocks.
    var sectionMasterPages: [PageSetup: String]?
    /// The lists being written, outermost first, so a table inside an item can close and
    /// reopen them.
    private var openLists: [OpenList] = []
    private var listCount = 0
    /// Footnotes written so far: their `text:id`s and first citation numbers.
    var noteCount = 0
    /// False in the header and footer, which cannot hold notes.
    var allowsNotes = true
    /// True once a `text:a` was written, so the part declares the xlink namespace.
    var usesLinks = false
    /// Frames written so far: each gets a `draw:name` of its own.
    var frameCount = 0

    private struct OpenList {
        var styleName: String
        var id: String
    }

    init(sheet: StyleSheet, stylePrefix: String) {
        self.sheet = sheet
        self.styles = AutomaticStyles(prefix: stylePrefix)
    }

    mutating func writeBlocks(_ blocks: [Block], in container: Container, width: Length) throws {
        for (index, block) in blocks.enumerated() {
            switch block {
            case .heading(let heading):
                writeHeading(heading)
            case .paragraph(let paragraph):
                writeParagraph(paragraph)
            case .list(let list):
                flushBreak()
                try writeList(list, level: 1, width: width)
            case .table(let table):
                try writeTable(table, in: container, width: width, isSignatureGrid: false, location: "table")
            case .signatures(let grid):
                try writeTable(grid.table(width: width, styles: sheet), in: container, width: width, isSignatureGrid: true, location: "signatures")
            case .image(let image, let alignment):
                writeParagraph(Paragraph([.image(image)], alignment: alignment))
            case .section(let section):
                guard container == .flow, let master = sectionMasterPages?[section.page] else {
                    try writeBlocks(section.body, in: container, width: width)
                    continue
                }
                guard !section.body.isEmpty else { continue }
                // The new master page starts the new page: a page break just before is redundant.
                pendingBreak = false
                pendingMasterPage = master
                try writeBlocks(section.body, in: .flow, width: section.page.textWidth)
                pendingBreak = false
                pendingMasterPage = ODTWriter.MasterPagePlan.standard
            case .pageBreak:
                guard container != .fixed else { continue }
                pendingBreak = true
                let next = index + 1 < blocks.count ? blocks[index + 1] : nil
                switch next {
                case .heading?, .paragraph?: continue
                case .table?, .signatures?: if container == .flow { continue }
                default: break
                }
                flushBreak()
            }
        }
        // A master page still waiting goes to the caller's next block, or nowhere at the end.
        if pendingMasterPage == nil { flushBreak() }
    }

    /// Writes a waiting page break (or master page) as an empty paragraph when nothing
    /// could carry it.
    private mutating func flushBreak() {
        guard pendingBreak || pendingMasterPage != nil else { return }
        let start = takePageStart()
        let name = styles.paragraph(.init(
            parent: .body, alignment: nil, keepWithNext: false, breakBefore: start.breakBefore, masterPage: start.masterPage))
        xml.element("text:p", ["text:style-name": name])
    }

    /// Starts the body on `masterPage` (the first page's).
    mutating func startOn(masterPage: String?) { pendingMasterPage = masterPage }

    /// Takes the waiting page break or master page, if any, for the block about to be
    /// written. A master page starts a new page by itself.
    mutating func takePageStart() -> (breakBefore: Bool, masterPage: String?) {
        defer {
            pendingBreak = false
            pendingMasterPage = nil
        }
        return (pendingMasterPage == nil && pendingBreak, pendingMasterPage)
    }

    private mutating func writeHeading(_ heading: Heading) {
        let style = StyleName.heading(heading.level)
        let start = takePageStart()
        let name = start.breakBefore || start.masterPage != nil
            ? styles.paragraph(.init(
                parent: style, alignment: nil, keepWithNext: false, breakBefore: start.breakBefore, masterPage: start.masterPage))
            : style.odfName
        xml.open("text:h", ["text:style-name": name, "text:outline-level": String(heading.level)])
        writeInlines(heading.content)
        xml.close()
    }

    private mutating func writeParagraph(_ paragraph: Paragraph) {
        let named = sheet[paragraph.style]
        let alignment = paragraph.alignment.flatMap { $0 == named.alignment ? nil : $0 }
        let keepWithNext = paragraph.keepWithNext && !named.keepWithNext
        let start = takePageStart()
        let indent = paragraph.label.map(AutomaticStyles.LabelIndent.init)
        let name = alignment == nil && !keepWithNext && !start.breakBefore && start.masterPage == nil && indent == nil
            ? paragraph.style.odfName
            : styles.paragraph(.init(
                parent: paragraph.style, alignment: alignment, keepWithNext: keepWithNext, breakBefore: start.breakBefore,
                indent: indent, masterPage: start.masterPage))
        xml.open("text:p", ["text:style-name": name])
        // A computed label is text followed by a tab to the hanging indent (see NumberLabel).
        if let label = paragraph.label, !label.text.isEmpty {
            writeInlines([.text(label.text), .tab] + paragraph.content)
        } else {
            writeInlines(paragraph.content)
        }
        xml.close()
    }

    /// Every list names its list style, so a bulleted list nested in a numbered one (or
    /// the reverse) keeps its own kind at its nesting level.
    private mutating func writeList(_ list: List, level: Int, width: Length) throws {
        let styleName = list.kind == .bulleted ? ListStyles.bulleted : ListStyles.numbered
        let id = nextListID()
        xml.open("text:list", ["xml:id": id, "text:style-name": styleName])
        openLists.append(OpenList(styleName: styleName, id: id))
        for item in list.items {
            xml.open("text:list-item")
            if item.blocks.isEmpty {
                xml.element("text:p", ["text:style-name": StyleName.body.odfName])
            }
            for block in item.blocks {
                if case .list(let inner) = block {
                    flushBreak()
                    try writeList(inner, level: level + 1, width: width)
                } else {
                    try writeBlocks([block], in: .listItem, width: width - ListStyles.indent(level: level))
                }
            }
            xml.close()
        }
        xml.close()
        openLists.removeLast()
    }

    private mutating func nextListID() -> String {
        listCount += 1
        return "\(styles.prefix)list\(listCount)"
    }

    /// ODF has no tables inside list items, so a table there closes every open list, is
    /// written at the list's indentation, and the lists reopen as continuations
    /// (`text:continue-list`) in an unnumbered `text:list-header`: numbering goes on after
    /// the table and the item's remaining blocks stay in the item.
    mutating func interruptLists(with writeTable: (inout BodyWriter) throws -> Void) throws {
        let lists = openLists
        for _ in lists {
            xml.close()  // text:list-item or text:list-header
            xml.close()  // text:list
        }
        openLists = []
        try writeTable(&self)
        for list in lists {
            let id = nextListID()
            xml.open("text:list", ["xml:id": id, "text:continue-list": list.id, "text:style-name": list.styleName])
            xml.open("text:list-header")
            openLists.append(OpenList(styleName: list.styleName, id: id))
        }
    }

    /// How far the current list content is indented.
    var listIndent: Length { ListStyles.indent(level: openLists.count) }
}
