import DOCXWriter
import DocumentModel
import Testing

/// How model features map to WordprocessingML, checked on the parsed parts rather
/// than on golden text, so a failure names the feature that broke.
@Suite struct DOCXWriterStructureTests {
    @Test func writerDeclaresDocxExtension() {
        #expect(DOCXWriter().fileExtension == "docx")
    }

    @Test func partsAreStoredInFixedOrder() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        #expect(package.partNames == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
            "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/fontTable.xml", "word/header1.xml",
            "word/footer1.xml", "word/_rels/document.xml.rels",
        ])
    }

    @Test func headerAndFooterPartsAreLeftOutWhenEmpty() throws {
        let package = try WrittenPackage(Document(metadata: Metadata(title: "x", language: LanguageTag("it-IT"))))
        #expect(!package.partNames.contains("word/header1.xml"))
        #expect(!package.partNames.contains("word/footer1.xml"))
        let document = try #require(package.parsed("word/document.xml"))
        #expect(document.count(of: "w:headerReference") == 0)
        #expect(package.text(of: "[Content_Types].xml")?.contains("header") == false)
        #expect(package.text(of: "word/_rels/document.xml.rels")?.contains("footer") == false)
    }

    @Test func pageIsA4WithMarginsFromPageSetup() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let document = try #require(package.parsed("word/document.xml"))
        #expect(document.attributeValues("w:w", of: "w:pgSz") == ["11906"])
        #expect(document.attributeValues("w:h", of: "w:pgSz") == ["16838"])
        #expect(document.attributeValues("w:top", of: "w:pgMar") == ["1134"])
        #expect(document.attributeValues("w:left", of: "w:pgMar") == ["1134"])
        #expect(document.attributeValues("r:id", of: "w:headerReference") == ["rId5"])
        #expect(document.attributeValues("r:id", of: "w:footerReference") == ["rId6"])
    }

    @Test func everyNumberedListRestartsWithItsOwnNum() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let numbering = try #require(package.parsed("word/numbering.xml"))
        // Lists in the sample: outer numbered, nested bulleted, nested numbered, second numbered.
        #expect(numbering.attributeValues("w:numId", of: "w:num") == ["1", "2", "3", "4"])
        #expect(numbering.attributeValues("w:val", of: "w:abstractNumId") == ["1", "0", "1", "1"])
        #expect(numbering.attributeValues("w:val", of: "w:startOverride") == ["1", "1", "1", "1"])
        #expect(numbering.attributeValues("w:ilvl", of: "w:lvlOverride") == ["0", "1", "2", "0"])
        #expect(numbering.count(of: "w:lvl") == 18)

        let document = try #require(package.parsed("word/document.xml"))
        #expect(document.attributeValues("w:val", of: "w:numId") == ["1", "1", "2", "2", "3", "3", "1", "4", "4"])
        #expect(document.attributeValues("w:val", of: "w:ilvl") == ["0", "0", "1", "1", "2", "2", "0", "0", "0"])
    }

    @Test func headingsUseOutlineStyles() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let styles = try #require(package.parsed("word/styles.xml"))
        #expect(styles.attributeValues("w:styleId", of: "w:style") == [
            "Normal", "DefaultParagraphFont", "TableNormal", "Title", "Heading1", "Heading2", "Heading3", "BodyText",
            "SmallPrint", "TableHeading", "TableContents", "Signature", "SignatureLine", "Header", "Footer",
        ])
        let names = Set(styles.attributeValues("w:val", of: "w:name"))
        #expect(StyleName.allCases.allSatisfy { names.contains($0.displayName) })
        #expect(styles.attributeValues("w:val", of: "w:outlineLvl") == ["0", "1", "2"])
        #expect(styles.attributeValues("w:ascii", of: "w:rFonts").first == StyleSheet.defaultFontFamily)

        let document = try #require(package.parsed("word/document.xml"))
        let used = document.attributeValues("w:val", of: "w:pStyle")
        #expect(used.filter { $0.hasPrefix("Heading") } == ["Heading1", "Heading2", "Heading3", "Heading2"])
    }

    @Test func tablesCarryGridHeaderRowsBordersShadingAndSpans() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let document = try #require(package.parsed("word/document.xml"))
        // 10, 80, 40, 40 mm, then the signature grid's two equal columns of 170 mm.
        #expect(document.attributeValues("w:w", of: "w:gridCol") == ["567", "4535", "2268", "2268", "4819", "4819"])
        #expect(document.count(of: "w:tblHeader") == 1)
        #expect(document.attributeValues("w:val", of: "w:gridSpan") == ["2"])
        #expect(document.attributeValues("w:fill", of: "w:shd") == ["D9D9D9", "D9D9D9", "D9D9D9", "D9D9D9", "FFF2CC"])
        #expect(document.attributeValues("w:val", of: "w:top").sorted() == ["nil", "single"])
        #expect(document.attributeValues("w:type", of: "w:tblLayout") == ["fixed", "fixed"])
        // Rows do not split by default: the header row, both body rows and both signature rows.
        #expect(document.count(of: "w:cantSplit") == 5)
    }

    @Test func signatureGridHasThreeBlocksAndSealMark() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let document = try #require(package.parsed("word/document.xml"))
        let text = document.runText
        for expected in ["Мария Иванова Петрова", "Георги Димитров", "Ioana Ștefănescu", "М.П.", "L.S.", "Дата: 15.01.2026"] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(text.contains("Подпис: \(SignatureGrid.writingLine)"))
    }

    @Test func inlineFeaturesBecomeRunMarkup() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let document = try #require(package.parsed("word/document.xml"))
        #expect(document.count(of: "w:b") >= 2)
        #expect(document.count(of: "w:i") >= 1)
        #expect(document.attributeValues("w:val", of: "w:u") == ["single"])
        #expect(document.attributeValues("w:type", of: "w:br") == ["page"])
        #expect(document.count(of: "w:tab") == 1)
        #expect(document.runText.contains(Inline.checkedBox + "  Съгласен"))
        #expect(document.runText.contains(Inline.uncheckedBox + "  Не съм"))
        #expect(document.runText.contains("școală, țară, mâine, în, ÎȘȚĂÂ"))
        #expect(document.attributeValues("w:val", of: "w:jc") == ["start", "end", "end", "center", "center"])
        // The page break opens the heading after it instead of leaving an empty paragraph.
        #expect(package.text(of: "word/document.xml")?.contains(
            #"<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:br w:type="page"/></w:r>"#) == true)
    }

    @Test func footerHasPageXOfYFields() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let footer = try #require(package.parsed("word/footer1.xml"))
        #expect(footer.textByElement["w:instrText"] == [" PAGE ", " NUMPAGES "])
        #expect(footer.attributeValues("w:fldCharType", of: "w:fldChar") == [
            "begin", "separate", "end", "begin", "separate", "end",
        ])
        #expect(footer.runText == "Page 1 of 1")
        let header = try #require(package.parsed("word/header1.xml"))
        #expect(header.runText.contains("Досие № BG-2026-0042"))
    }

    @Test func corePropertiesHoldMetadata() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let core = try #require(package.parsed("docProps/core.xml"))
        #expect(core.textByElement["dc:title"] == [SampleDocuments.cyrillicHeading])
        #expect(core.textByElement["dc:subject"] == ["Закрила на детето"])
        #expect(core.textByElement["cp:keywords"] == ["съгласие, GDPR"])
        #expect(core.textByElement["dcterms:created"] == ["2026-01-15T00:00:00Z"])
        let app = try #require(package.parsed("docProps/app.xml"))
        #expect(app.textByElement["Application"] == ["Formwright"])
    }

    @Test func textControlCharactersBecomeBreaksAndTabs() throws {
        let package = try WrittenPackage(SampleDocuments.edgeCases)
        let xml = try #require(package.text(of: "word/document.xml"))
        #expect(xml.contains(#"<w:t>a</w:t><w:br/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br/><w:t>d</w:t><w:tab/><w:t>e</w:t><w:br/><w:t>f</w:t>"#))
        #expect(xml.contains(#"<w:t xml:space="preserve">   </w:t>"#))
        let document = try #require(package.parsed("word/document.xml"))
        #expect(document.attributeValues("w:orient", of: "w:pgSz") == ["landscape"])
        // Deeper than nine levels stays at the last level.
        #expect(document.attributeValues("w:val", of: "w:ilvl").max() == "8")
        // An invalid colour gives no shading; other header cells, padding included, get the default.
        #expect(document.attributeValues("w:fill", of: "w:shd") == ["D9D9D9", "D9D9D9"])
        // Touching tables are separated by a paragraph.
        #expect(!xml.contains("</w:tbl><w:tbl>"))
    }
}
