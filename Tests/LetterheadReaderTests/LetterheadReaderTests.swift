import DocumentModel
import Foundation
import LetterheadReader
import Testing
import ZipSupport

/// Whether two lengths differ by at most a tenth of a millimetre (office suites store inches
/// to four decimals: 2.5 cm comes back as 0.9839 in).
func near(_ a: Length, _ b: Length) -> Bool { abs(a.hundredthsOfMillimetre - b.hundredthsOfMillimetre) <= 10 }

@Suite("Letterheads made with LibreOffice (bundled)")
struct BundledLetterheadTests {
    @Test("regional-administration.docx: A4, a different first page with the emblem, a running header, page X of Y")
    func regionalAdministrationDOCX() throws {
        let read = try LetterheadFixtures.read(LetterheadFixtures.bundled.appendingPathComponent("regional-administration.docx"))
        let letterhead = read.letterhead
        #expect(read.format == .docx)
        #expect(read.warnings.isEmpty, "\(read.warnings)")
        #expect(letterhead.page.paperSize == .a4)
        #expect(letterhead.page.orientation == .portrait)
        #expect(near(letterhead.page.margins.left, .mm(20)))
        #expect(near(letterhead.page.margins.right, .mm(20)))
        // LibreOffice writes the body's top as the page margin plus the header's height: 1.2 + 0.6 cm.
        #expect(abs(letterhead.page.margins.top.hundredthsOfMillimetre - 1800) <= 2)
        #expect(letterhead.hasDistinctFirstPage)
        let first = try #require(letterhead.firstPageHeader)
        let emblem = try #require(LetterheadFixtures.images(first).first)
        #expect(emblem.alternativeText == "Emblema DGASPC Valea Verde")
        #expect(emblem.data.kind == .png)
        #expect(emblem.data.pixelWidth == 300)
        #expect(abs(emblem.width.hundredthsOfMillimetre - 2300) <= 2)
        let firstTexts = LetterheadFixtures.texts(first)
        #expect(firstTexts.contains("Direcția Generală de Asistență Socială și Protecția Copilului Valea Verde"))
        guard case .table(let table)? = first.first else { Issue.record("the first-page header is not a table: \(first)"); return }
        #expect(table.columns.count == 2)
        #expect(!table.borders)
        #expect(table.rows[0].cells[1].verticalAlignment == .center)
        // The institution's name (14 pt bold) stands out from the address line (8 pt).
        let styles = table.rows[0].cells[1].blocks.compactMap { if case .paragraph(let p) = $0 { p.style } else { nil } }
        #expect(styles == [.body, .title, .header])
        let running = LetterheadFixtures.texts(letterhead.header)
        #expect(running == ["DGASPC Valea Verde", "Nr. ............ din ...................."])
        #expect(LetterheadFixtures.images(letterhead.header).isEmpty)
        #expect(LetterheadFixtures.fields(letterhead.footer) == [.pageNumber, .pageCount])
        #expect(LetterheadFixtures.texts(letterhead.footer).last == "Pagina # din #")
        #expect(LetterheadFixtures.fields(try #require(letterhead.firstPageFooter)) == [.pageNumber, .pageCount])
        #expect(letterhead.fontFamily == "Liberation Sans")
        #expect(letterhead.fontSize == 10)
        #expect(letterhead.textColor == "000000")
    }

    @Test("municipality.odt: the same header on every page, the emblem centred over the name, a serif font")
    func municipalityODT() throws {
        let read = try LetterheadFixtures.read(LetterheadFixtures.bundled.appendingPathComponent("municipality.odt"))
        let letterhead = read.letterhead
        #expect(read.format == .odt)
        #expect(read.warnings.isEmpty, "\(read.warnings)")
        #expect(letterhead.page.paperSize == .a4)
        #expect(near(letterhead.page.margins.left, .mm(25)))
        #expect(near(letterhead.page.margins.right, .mm(20)))
        #expect(near(letterhead.page.margins.top, .mm(16)))
        #expect(near(letterhead.page.margins.bottom, .mm(16)))
        #expect(!letterhead.hasDistinctFirstPage)
        guard case .paragraph(let logo)? = letterhead.header.first else { Issue.record("no emblem paragraph: \(letterhead.header)"); return }
        #expect(logo.alignment == .center)
        let emblem = try #require(LetterheadFixtures.images(letterhead.header).first)
        #expect(emblem.alternativeText == "Stemma del Comune di Borgo Quieto")
        #expect(near(emblem.width, .mm(18)))
        #expect(near(emblem.height, .mm(18)))
        #expect(LetterheadFixtures.texts(letterhead.header) == ["[Stemma del Comune di Borgo Quieto]", "COMUNE DI BORGO QUIETO", "Provincia di Valdombra",
                                                                "Settore Servizi Sociali e Politiche per la Famiglia"])
        guard case .paragraph(let name) = letterhead.header[1], case .paragraph(let province) = letterhead.header[2] else { return }
        #expect(name.style == .title)
        #expect(province.content == [.text("Provincia di Valdombra", marks: .italic)])
        let footer = LetterheadFixtures.inlines(letterhead.footer)
        #expect(footer.contains(.text("protocollo@pec.comune-borgoquieto.example", marks: .underline)))
        #expect(letterhead.fontFamily == "Liberation Serif")
        #expect(letterhead.fontSize == 11)
        #expect(letterhead.textColor == "1A1A1A")
    }

    @Test("The regional letterhead saved by Writer (style:header-first) reads as the one saved as .docx")
    func regionalAdministrationODT() throws {
        let odt = try LetterheadFixtures.read(LetterheadFixtures.fixtures.appendingPathComponent("regional-administration.odt")).letterhead
        let docx = try LetterheadFixtures.read(LetterheadFixtures.bundled.appendingPathComponent("regional-administration.docx")).letterhead
        #expect(odt.hasDistinctFirstPage)
        #expect(LetterheadFixtures.texts(odt.header) == LetterheadFixtures.texts(docx.header))
        #expect(LetterheadFixtures.texts(try #require(odt.firstPageHeader)) == LetterheadFixtures.texts(try #require(docx.firstPageHeader)))
        #expect(LetterheadFixtures.texts(odt.footer) == LetterheadFixtures.texts(docx.footer))
        #expect(LetterheadFixtures.images(try #require(odt.firstPageHeader)).first?.data == LetterheadFixtures.images(try #require(docx.firstPageHeader)).first?.data)
        #expect(odt.page.paperSize == .a4)
        #expect(near(odt.page.margins.top, docx.page.margins.top) && near(odt.page.margins.left, docx.page.margins.left))
        #expect(odt.fontFamily == docx.fontFamily)
        #expect(odt.fontSize == docx.fontSize)
    }
}

@Suite("A .docx letterhead opened in Writer and saved as .odt")
struct RoundTripLetterheadTests {
    @Test("Writer turns Word's different first page into a \"First Page\" page style followed by \"Standard\"; it reads the same")
    func firstPageStyle() throws {
        let url = LetterheadFixtures.fixtures.appendingPathComponent("regional-administration-from-docx.odt")
        let styles = try #require(try ZipReader.entries(of: Array(Data(contentsOf: url))).first { $0.path == "styles.xml" })
        #expect(String(decoding: styles.data, as: UTF8.self).contains("style:next-style-name=\"Standard\""))
        let odt = try LetterheadFixtures.read(url)
        let docx = try LetterheadFixtures.read(LetterheadFixtures.bundled.appendingPathComponent("regional-administration.docx")).letterhead
        #expect(odt.warnings.isEmpty, "\(odt.warnings)")
        let letterhead = odt.letterhead
        #expect(letterhead.hasDistinctFirstPage)
        #expect(LetterheadFixtures.texts(letterhead.header) == LetterheadFixtures.texts(docx.header))
        #expect(LetterheadFixtures.texts(try #require(letterhead.firstPageHeader)) == LetterheadFixtures.texts(try #require(docx.firstPageHeader)))
        #expect(LetterheadFixtures.fields(try #require(letterhead.firstPageFooter)) == [.pageNumber, .pageCount])
        #expect(LetterheadFixtures.images(try #require(letterhead.firstPageHeader)).first?.alternativeText == "Emblema DGASPC Valea Verde")
        #expect(letterhead.page.paperSize == .a4)
        #expect(near(letterhead.page.margins.left, docx.page.margins.left))
        #expect(letterhead.fontFamily == "Liberation Sans")
        #expect(letterhead.fontSize == 10)
    }
}

@Suite("Letterheads saved by Microsoft Word")
struct WordLetterheadTests {
    struct Sample: Sendable, CustomStringConvertible {
        let file: String
        let paper: PaperSize
        let left: Length
        let header: [String]
        let footer: [String]
        let firstHeader: [String]?
        let warning: String?
        var description: String { file }
    }

    static let samples = [
        Sample(file: "sct-first-page-hdrftr.docx", paper: .letter, left: .mm(25.4), header: ["Default (odd, primary) Header"], footer: [],
               firstHeader: ["First Page Header (section 2)"], warning: "2 sections"),
        Sample(file: "hdr-header-footer.docx", paper: .letter, left: .mm(31.75), header: ["Header for section-1"], footer: ["Footer for section 1"],
               firstHeader: nil, warning: "2 sections"),
        Sample(file: "doc-odd-even-hdrs.docx", paper: .letter, left: .mm(25.4), header: ["Odd page header."], footer: [],
               firstHeader: nil, warning: "even-page header"),
        Sample(file: "having-images.docx", paper: .letter, left: .mm(31.75), header: [""], footer: [], firstHeader: nil, warning: nil),
    ]

    @Test("Page, header, footer and first page of Word's own files", arguments: samples)
    func sample(_ sample: Sample) throws {
        let read = try LetterheadFixtures.read(LetterheadFixtures.wordSamples.appendingPathComponent(sample.file))
        #expect(read.letterhead.page.paperSize == sample.paper)
        #expect(read.letterhead.page.margins.left == sample.left)
        #expect(read.letterhead.page.margins.top == .mm(25.4))
        #expect(LetterheadFixtures.texts(read.letterhead.header) == sample.header)
        #expect(LetterheadFixtures.texts(read.letterhead.footer) == sample.footer)
        #expect(read.letterhead.firstPageHeader.map(LetterheadFixtures.texts) == sample.firstHeader)
        if let warning = sample.warning {
            #expect(read.warnings.contains { $0.description.contains(warning) }, "\(read.warnings)")
        } else {
            #expect(read.warnings.isEmpty, "\(read.warnings)")
        }
    }

    @Test("A picture in Word's header: its bytes, size from wp:extent, and the theme font (Cambria, 12 pt)")
    func picture() throws {
        let read = try LetterheadFixtures.read(LetterheadFixtures.wordSamples.appendingPathComponent("having-images.docx"))
        let image = try #require(LetterheadFixtures.images(read.letterhead.header).first)
        #expect(image.data.kind == .png)
        #expect(image.width == Length(hundredthsOfMillimetre: 857250 / 360))
        #expect(image.height == Length(hundredthsOfMillimetre: 342900 / 360))
        #expect(read.letterhead.fontFamily == "Cambria")
        #expect(read.letterhead.fontSize == 12)
    }
}

@Suite("Every Word-saved sample reads as a letterhead")
struct WordSampleSweepTests {
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: LetterheadFixtures.wordSamples.path)) ?? []).filter { $0.hasSuffix(".docx") }.sorted()

    @Test(arguments: files)
    func reads(_ file: String) throws {
        let read = try LetterheadFixtures.read(LetterheadFixtures.wordSamples.appendingPathComponent(file))
        #expect(read.letterhead.page.width > .mm(100))
        #expect(read.letterhead.page.margins.top > .mm(0))
        #expect(read.warnings.allSatisfy { !$0.place.isEmpty && $0.file == file })
    }
}
