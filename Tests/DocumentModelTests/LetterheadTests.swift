import DocumentModel
import Testing

@Suite("Letterhead.apply")
struct LetterheadTests {
    let pageOf = Block.paragraph(Paragraph([.text("Page "), .field(.pageNumber), .text(" of "), .field(.pageCount)], style: .footer))
    let initials = Block.paragraph(Paragraph([.text("Initials: ……")], style: .footer))

    func document() -> Document {
        Document(metadata: Metadata(title: "t", language: LanguageTag("ro")), header: [.paragraph(Paragraph([.text("Reg. No. 12")], style: .header))],
                 footer: [pageOf, initials])
    }

    @Test("A different first page: the letterhead's first header alone on page 1, its running header before the template's after")
    func firstPage() {
        let own = Block.paragraph(Paragraph([.text("Institution")]))
        let running = Block.paragraph(Paragraph([.text("Nr. ___")]))
        let letterhead = Letterhead(page: .a4(margins: Margins(all: .mm(15))), header: [running], footer: [], firstPageHeader: [own], fontFamily: "Liberation Sans", fontSize: 12)
        var doc = document()
        letterhead.apply(to: &doc)
        #expect(doc.firstPageHeader == [own])
        #expect(doc.header.count == 2 && doc.header.first == running)
        #expect(doc.footer == [pageOf, initials])
        #expect(doc.firstPageFooter == [pageOf, initials])
        #expect(doc.page.margins.left == .mm(15))
        #expect(doc.styles.fontFamily == "Liberation Sans")
        #expect(doc.styles[.body].fontSize == 12)
    }

    @Test("A letterhead footer that numbers the pages replaces the template's page numbering, and keeps its other lines")
    func pageNumbersOnce() {
        let contact = Block.paragraph(Paragraph([.text("Str. X 1 · Tel. 0")], style: .footer))
        let letterhead = Letterhead(page: .a4(), footer: [contact, pageOf])
        var doc = document()
        letterhead.apply(to: &doc)
        #expect(doc.footer == [contact, pageOf, initials])
        #expect(!doc.hasDistinctFirstPage)
    }

    @Test("A template's own first page keeps its place under a letterhead with the same header on every page")
    func templateFirstPage() {
        let name = Block.paragraph(Paragraph([.text("Comune")]))
        let cover = Block.paragraph(Paragraph([.text("Cover note")], style: .header))
        var doc = document()
        doc.firstPageHeader = [cover]
        doc.firstPageFooter = []
        Letterhead(page: .a4(), header: [name]).apply(to: &doc)
        #expect(doc.firstPageHeader == [name, cover])
        #expect(doc.firstPageFooter == [])
        #expect(doc.footer == [pageOf, initials])
    }
}
