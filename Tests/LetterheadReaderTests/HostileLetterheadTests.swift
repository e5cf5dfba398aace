import DocumentModel
import Foundation
import LetterheadReader
import Testing
import TestSupport
import ZipSupport

@Suite("Broken and hostile letterheads: a clear error with the file name")
struct HostileLetterheadTests {
    func error(_ bytes: [UInt8], file: String = "letterhead.docx", limits: LetterheadReader.Limits = .init()) -> LetterheadError? {
        do {
            _ = try LetterheadReader(limits: limits).read(bytes, file: file)
            return nil
        } catch {
            return error
        }
    }

    @Test("Not a ZIP archive")
    func notAZip() throws {
        let e = try #require(error(Array("{\\rtf1 a letterhead saved as RTF}".utf8)))
        #expect(e.description.hasPrefix("letterhead.docx: error: cannot read the file as a Word document (.docx)"))
        #expect(e.suggestion?.contains("save it again") == true)
    }

    @Test("A truncated package")
    func truncated() throws {
        let bytes = Array(try Data(contentsOf: LetterheadFixtures.bundled.appendingPathComponent("regional-administration.docx")))
        let e = try #require(error(Array(bytes.prefix(bytes.count / 2)), file: "regional-administration.docx"))
        #expect(e.description.contains("regional-administration.docx: error: cannot read the file as a Word document"))
    }

    @Test("A zip bomb: an entry that expands past the package limit")
    func bomb() throws {
        let zeros = [UInt8](repeating: 0, count: 80 << 20)
        let bytes = try ZipWriter.archive([ZipEntry(path: "word/document.xml", data: zeros)])
        #expect(bytes.count < 1 << 20)
        let e = try #require(error(bytes))
        #expect(e.message.contains("the limit is \(64 << 20)"))
    }

    @Test("Not a letterhead format", arguments: ["letterhead.pdf", "letterhead.doc", "letterhead"])
    func wrongExtension(_ file: String) throws {
        let e = try #require(error(try LetterheadFixtures.docx(header: "<w:p/>"), file: file))
        #expect(e.message == "a letterhead is a .docx or .odt file")
    }

    @Test("A .docx without word/document.xml, and an .odt without styles.xml")
    func missingMainPart() throws {
        let empty = try ZipWriter.archive([ZipEntry(path: "[Content_Types].xml", data: Array("<Types/>".utf8))])
        #expect(error(empty)?.message.contains("the package has no word/document.xml") == true)
        #expect(error(empty, file: "x.odt")?.message.contains("the package has no styles.xml") == true)
    }

    @Test("A header the document refers to is missing")
    func missingHeaderPart() throws {
        let e = try #require(error(try LetterheadFixtures.docx(header: "", omitHeaderPart: true)))
        #expect(e.message.contains("the header is word/header1.xml, which is not in the package"))
    }

    @Test("The header's picture is an SVG drawing renamed .png")
    func svgRenamedPNG() throws {
        let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>".utf8)
        let e = try #require(error(try LetterheadFixtures.docx(header: "<w:p>\(LetterheadFixtures.inlinePicture)</w:p>", picture: svg)))
        #expect(e.description.contains("letterhead.docx: word/header1.xml (header), paragraph 1: error: the picture word/media/image1.png cannot be used: the image is an SVG drawing"))
        #expect(e.suggestion?.contains("PNG or JPEG") == true)
    }

    @Test("A picture the header names is not in the package")
    func missingPicture() throws {
        let e = try #require(error(try LetterheadFixtures.docx(header: "<w:p>\(LetterheadFixtures.inlinePicture)</w:p>")))
        #expect(e.message == "the picture word/media/image1.png is not in the package")
    }

    @Test("XML with a DOCTYPE (entity expansion) is refused, located in its part")
    func doctype() throws {
        let header = "<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>"
        var bytes = try LetterheadFixtures.docx(header: header)
        let entries = try ZipReader.entries(of: bytes).map { entry -> ZipEntry in
            guard entry.path == "word/header1.xml" else { return entry }
            let text = String(decoding: entry.data, as: UTF8.self).replacingOccurrences(
                of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml version=\"1.0\"?><!DOCTYPE w:hdr [<!ENTITY lol \"lol\">]>")
            return ZipEntry(path: entry.path, data: Array(text.utf8))
        }
        bytes = try ZipWriter.archive(entries)
        let e = try #require(error(bytes))
        #expect(e.place?.hasPrefix("word/header1.xml 1:") == true)
        #expect(e.message.contains("DOCTYPE is not allowed"))
    }

    @Test("A file over the size limit is refused before it is read")
    func fileTooLarge() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("big.docx")
        try Data(count: 2048).write(to: url)
        do {
            _ = try LetterheadReader(limits: .init(maxFileSize: 1024)).read(contentsOf: url, file: "big.docx")
            Issue.record("read a file over the limit")
        } catch {
            #expect(error.description.hasPrefix("big.docx: error: the letterhead is 2048 bytes; the limit is 1024"))
        }
    }
}

@Suite("What a letterhead cannot carry over is reported, naming the part and paragraph")
struct LetterheadWarningTests {
    @Test("A text box in a Word header")
    func wordTextBox() throws {
        let textBox = """
            <w:p><w:r><w:t>Name</w:t></w:r></w:p><w:p><w:r><w:drawing><wp:anchor behindDoc="0"><wp:extent cx="100" cy="100"/><wp:docPr id="2" name="Text Box 2"/>\
            <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent><w:p>\
            <w:r><w:t>In a box</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>
            """
        let read = try LetterheadReader().read(try LetterheadFixtures.docx(header: textBox), file: "lh.docx")
        #expect(read.warnings.map(\.description) == [
            "lh.docx: word/header1.xml (header), paragraph 2: the text box 'Text Box 2' is not carried over: put its text in a paragraph or table of the header, or make it a picture",
        ])
        #expect(LetterheadFixtures.texts(read.letterhead.header) == ["Name"])
    }

    @Test("A floating picture is kept in line, with a warning; a watermark is left out, with a warning")
    func floatingAndWatermark() throws {
        let floating = LetterheadFixtures.inlinePicture.replacingOccurrences(of: "wp:inline>", with: "wp:anchor>").replacingOccurrences(of: "<wp:inline", with: "<wp:anchor behindDoc=\"0\"")
        let watermark = "<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textpath string=\"DRAFT\"/></v:shape></w:pict></w:r>"
        let read = try LetterheadReader().read(try LetterheadFixtures.docx(header: "<w:p>\(floating)\(watermark)</w:p>", picture: LetterheadFixtures.png), file: "lh.docx")
        #expect(LetterheadFixtures.images(read.letterhead.header).count == 1)
        #expect(read.warnings.count == 2)
        #expect(read.warnings[0].message.contains("the floating picture 'Logo' is placed in line"))
        #expect(read.warnings[1].message == "a watermark (WordArt behind the text) is not carried over")
        #expect(read.warnings.allSatisfy { $0.place == "word/header1.xml (header), paragraph 1" })
    }

    @Test("Fields: PAGE and NUMPAGES as w:fldSimple and as w:fldChar runs; another field keeps its text")
    func wordFields() throws {
        let header = """
            <w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>3</w:t></w:r></w:fldSimple>\
            <w:r><w:t xml:space="preserve"> of </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:r><w:tab/><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE \\@ "d.M.yyyy"</w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1.1.2026</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """
        let read = try LetterheadReader().read(try LetterheadFixtures.docx(header: header), file: "lh.docx")
        guard case .paragraph(let p)? = read.letterhead.header.first else { Issue.record("no paragraph"); return }
        #expect(p.content == [.text("Page "), .field(.pageNumber), .text(" of "), .field(.pageCount), .tab, .text("1.1.2026")])
        #expect(read.warnings.map(\.message) == ["the field DATE is not carried over; the text it showed (\"1.1.2026\") is kept"])
    }

    @Test("Runs: bold, italic, underline (also from a character style), line breaks, hyperlinks, alignment")
    func wordRuns() throws {
        let header = """
            <w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Bold</w:t></w:r><w:r><w:rPr><w:b w:val="0"/><w:i/></w:rPr><w:t>Italic</w:t></w:r>\
            <w:r><w:br/><w:rPr><w:u w:val="single"/></w:rPr><w:t>Under</w:t></w:r><w:r><w:rPr><w:u w:val="none"/></w:rPr><w:t>plain</w:t></w:r></w:p>
            """
        let read = try LetterheadReader().read(try LetterheadFixtures.docx(header: header), file: "lh.docx")
        guard case .paragraph(let p)? = read.letterhead.header.first else { Issue.record("no paragraph"); return }
        #expect(p.alignment == .end)
        #expect(p.content == [.text("Bold", marks: .bold), .text("Italic", marks: .italic), .lineBreak, .text("Under", marks: .underline), .text("plain")])
    }

    @Test("ODT: a text box frame and a drawing shape in the header")
    func writerTextBox() throws {
        let master = """
            <style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p>Name</text:p>\
            <text:p><draw:frame draw:name="Frame1" text:anchor-type="paragraph"><draw:text-box><text:p>Boxed</text:p></draw:text-box></draw:frame>\
            <draw:custom-shape draw:name="Shape1"/></text:p></style:header></style:master-page>
            """
        let read = try LetterheadReader().read(try LetterheadFixtures.odt(masterStyles: master), file: "lh.odt")
        #expect(read.warnings.map(\.description) == [
            "lh.odt: styles.xml (header of page style Standard), paragraph 2: the text box 'Frame1' is not carried over: put its text in a paragraph or table of the header of page style Standard",
            "lh.odt: styles.xml (header of page style Standard), paragraph 2: a drawing shape (draw:custom-shape) is not carried over: use a picture (PNG or JPEG) or text",
        ])
        #expect(LetterheadFixtures.texts(read.letterhead.header) == ["Name"])
        #expect(read.letterhead.page.margins.top == .mm(20))
    }

    @Test("ODT: a \"First Page\" page style followed by \"Standard\" is a different first page")
    func writerFirstPageStyle() throws {
        let masters = """
            <style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p>Nr. ____</text:p></style:header>\
            <style:footer><text:p>Page <text:page-number>2</text:page-number> of <text:page-count>3</text:page-count></text:p></style:footer></style:master-page>\
            <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm1" style:next-style-name="Standard">\
            <style:header><text:p><draw:frame draw:name="Logo" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image xlink:href="Pictures/logo.png"/>\
            <svg:desc>Logo</svg:desc></draw:frame></text:p><text:p>The   Institution </text:p></style:header></style:master-page>
            """
        let bytes = try LetterheadFixtures.odt(
            masterStyles: masters, contentStyles: "<style:style style:name=\"P1\" style:family=\"paragraph\" style:master-page-name=\"First_20_Page\"/>",
            firstParagraphStyle: "P1", extra: [ZipEntry(path: "Pictures/logo.png", data: LetterheadFixtures.png)])
        let read = try LetterheadReader().read(bytes, file: "lh.odt")
        let letterhead = read.letterhead
        #expect(read.warnings.isEmpty, "\(read.warnings)")
        #expect(letterhead.hasDistinctFirstPage)
        #expect(LetterheadFixtures.texts(letterhead.header) == ["Nr. ____"])
        #expect(LetterheadFixtures.texts(try #require(letterhead.firstPageHeader)) == ["[Logo]", "The Institution"])
        #expect(LetterheadFixtures.images(try #require(letterhead.firstPageHeader)).first?.width == .cm(2))
        // The first page style has no footer of its own.
        #expect(letterhead.firstPageFooter == [])
        #expect(LetterheadFixtures.fields(letterhead.footer) == [.pageNumber, .pageCount])
        #expect(letterhead.page.margins.top == .mm(20))
        #expect(letterhead.fontSize == 12)
    }

    @Test("ODT: an SVG renamed .png as the only picture is an error; an SVG with a PNG after it uses the PNG")
    func writerSVG() throws {
        let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)
        func master(_ images: String) -> String {
            "<style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\"><style:header><text:p><draw:frame draw:name=\"Logo\" text:anchor-type=\"as-char\">\(images)</draw:frame></text:p></style:header></style:master-page>"
        }
        let extra = [ZipEntry(path: "Pictures/logo.png", data: svg), ZipEntry(path: "Pictures/logo2.png", data: LetterheadFixtures.png)]
        let svgOnly = try LetterheadFixtures.odt(masterStyles: master("<draw:image xlink:href=\"Pictures/logo.png\"/>"), extra: extra)
        do {
            _ = try LetterheadReader().read(svgOnly, file: "lh.odt")
            Issue.record("an SVG was read as a PNG")
        } catch {
            #expect(error.description.contains("lh.odt: styles.xml (header of page style Standard), paragraph 1: error: the picture Pictures/logo.png cannot be used: the image is an SVG drawing"))
        }
        let both = try LetterheadReader().read(try LetterheadFixtures.odt(
            masterStyles: master("<draw:image xlink:href=\"Pictures/logo.png\"/><draw:image xlink:href=\"Pictures/logo2.png\"/>"), extra: extra), file: "lh.odt")
        #expect(LetterheadFixtures.images(both.letterhead.header).first?.data.bytes == LetterheadFixtures.png)
    }
}


@Suite("Border lines under a letterhead are reported")
struct LetterheadBorderTests {
    @Test func wordParagraphBorder() throws {
        let header = "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr><w:r><w:t>Name</w:t></w:r></w:p>"
        let read = try LetterheadReader().read(try LetterheadFixtures.docx(header: header), file: "lh.docx")
        #expect(read.warnings.map(\.description) == ["lh.docx: word/header1.xml (header), paragraph 1: the paragraph's border line is not carried over (draw the line as part of a picture, or leave it out)"])
    }

    @Test func writerParagraphBorder() throws {
        let master = "<style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\"><style:header><text:p text:style-name=\"P1\">Name</text:p></style:header></style:master-page>"
        let styles = "<style:style style:name=\"P1\" style:family=\"paragraph\"><style:paragraph-properties fo:border-bottom=\"0.5pt solid #000000\"/></style:style>"
        let read = try LetterheadReader().read(try LetterheadFixtures.odt(masterStyles: master, automaticStyles: styles), file: "lh.odt")
        #expect(read.warnings.map(\.message) == ["the paragraph's border line is not carried over (draw the line as part of a picture, or leave it out)"])
    }
}
