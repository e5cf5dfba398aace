import DocumentModel
import XMLSupport

/// Namespaces and content types of the package; only ECMA-376 ones, so `--strict`
/// validation and every consumer see plain WordprocessingML.
enum Namespace {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    static let variantTypes = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let dcmitype = "http://purl.org/dc/dcmitype/"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let picture = "http://schemas.openxmlformats.org/drawingml/2006/picture"
}

/// Which optional parts the package holds; relationship ids follow from it, so they
/// are stable for a given document.
struct PackageLayout {
    var hasHeader: Bool
    var hasFooter: Bool
    var hasFootnotes = false
    /// Hyperlinks of `word/document.xml`: external relationships of that part.
    var hyperlinks: [(id: String, url: String)] = []
    /// The kinds of picture the package stores, each needing a `Default` content type.
    var pictureKinds: [ImageData.Kind] = []
    /// The first page's own header and footer (`header2.xml`, `footer2.xml`).
    var hasFirstHeader = false
    var hasFirstFooter = false

    static let stylesID = "rId1"
    static let numberingID = "rId2"
    static let settingsID = "rId3"
    static let fontTableID = "rId4"
    static let headerID = "rId5"
    static let footerID = "rId6"
    static let footnotesID = "rIdFootnotes"
    static let firstHeaderID = "rIdHeaderFirst"
    static let firstFooterID = "rIdFooterFirst"
}

extension DOCXWriter {
    private static let wordprocessingML = "application/vnd.openxmlformats-officedocument.wordprocessingml."

    static func contentTypesPart(_ layout: PackageLayout) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("Types", ["xmlns": Namespace.contentTypes])
        xml.element("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
        xml.element("Default", ["Extension": "xml", "ContentType": "application/xml"])
        for kind in layout.pictureKinds {
            xml.element("Default", ["Extension": kind.fileExtension, "ContentType": kind.mediaType])
        }
        var overrides: [(String, String)] = [
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
            ("/word/document.xml", wordprocessingML + "document.main+xml"),
            ("/word/styles.xml", wordprocessingML + "styles+xml"),
            ("/word/numbering.xml", wordprocessingML + "numbering+xml"),
            ("/word/settings.xml", wordprocessingML + "settings+xml"),
            ("/word/fontTable.xml", wordprocessingML + "fontTable+xml"),
        ]
        if layout.hasHeader { overrides.append(("/word/header1.xml", wordprocessingML + "header+xml")) }
        if layout.hasFooter { overrides.append(("/word/footer1.xml", wordprocessingML + "footer+xml")) }
        if layout.hasFootnotes { overrides.append(("/word/footnotes.xml", wordprocessingML + "footnotes+xml")) }
        if layout.hasFirstHeader { overrides.append(("/word/header2.xml", wordprocessingML + "header+xml")) }
        if layout.hasFirstFooter { overrides.append(("/word/footer2.xml", wordprocessingML + "footer+xml")) }
        for (part, type) in overrides {
            xml.open("Override", attributes: [("PartName", part), ("ContentType", type)])
            xml.close()
        }
        xml.close()
        return xml.bytes
    }

    static func packageRelationshipsPart() -> [UInt8] {
        relationships([
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
        ])
    }

    static func documentRelationshipsPart(_ layout: PackageLayout, images: [(id: String, target: String)] = []) -> [UInt8] {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var list: [(String, String, String)] = [
            (PackageLayout.stylesID, base + "styles", "styles.xml"),
            (PackageLayout.numberingID, base + "numbering", "numbering.xml"),
            (PackageLayout.settingsID, base + "settings", "settings.xml"),
            (PackageLayout.fontTableID, base + "fontTable", "fontTable.xml"),
        ]
        if layout.hasHeader { list.append((PackageLayout.headerID, base + "header", "header1.xml")) }
        if layout.hasFooter { list.append((PackageLayout.footerID, base + "footer", "footer1.xml")) }
        if layout.hasFootnotes { list.append((PackageLayout.footnotesID, base + "footnotes", "footnotes.xml")) }
        if layout.hasFirstHeader { list.append((PackageLayout.firstHeaderID, base + "header", "header2.xml")) }
        if layout.hasFirstFooter { list.append((PackageLayout.firstFooterID, base + "footer", "footer2.xml")) }
        return relationships(list + images.map { ($0.id, imageRelationshipType, $0.target) }, hyperlinks: layout.hyperlinks)
    }

    /// `word/_rels/PART.rels` of a header, footer or the footnotes: their pictures and hyperlinks.
    static func partRelationshipsPart(images: [(id: String, target: String)], hyperlinks: [(id: String, url: String)]) -> [UInt8] {
        relationships(images.map { ($0.id, imageRelationshipType, $0.target) }, hyperlinks: hyperlinks)
    }

    static let hyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

    static func relationships(_ list: [(id: String, type: String, target: String)], hyperlinks: [(id: String, url: String)] = []) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("Relationships", ["xmlns": Namespace.packageRelationships])
        for relationship in list {
            xml.open("Relationship", attributes: [
                ("Id", relationship.id), ("Type", relationship.type), ("Target", relationship.target),
            ])
            xml.close()
        }
        for link in hyperlinks {
            xml.open("Relationship", attributes: [
                ("Id", link.id), ("Type", hyperlinkType), ("Target", link.url), ("TargetMode", "External"),
            ])
            xml.close()
        }
        xml.close()
        return xml.bytes
    }

    static func corePropertiesPart(_ metadata: Metadata) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("cp:coreProperties", [
            "xmlns:cp": Namespace.coreProperties, "xmlns:dc": Namespace.dc, "xmlns:dcterms": Namespace.dcterms,
            "xmlns:dcmitype": Namespace.dcmitype, "xmlns:xsi": Namespace.xsi,
        ])
        xml.element("dc:title", text: metadata.title)
        if !metadata.subject.isEmpty { xml.element("dc:subject", text: metadata.subject) }
        if !metadata.keywords.isEmpty { xml.element("cp:keywords", text: metadata.keywords.joined(separator: ", ")) }
        xml.element("dc:language", text: metadata.language.description)
        if let created = metadata.created {
            xml.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: w3cdtf(created))
        }
        xml.close()
        return xml.bytes
    }

    /// Word reads only full W3CDTF timestamps reliably, so a bare `YYYY-MM-DD` becomes
    /// midnight UTC of that day.
    static func w3cdtf(_ date: String) -> String {
        date.count == 10 ? date + "T00:00:00Z" : date
    }

    static func appPropertiesPart(_ metadata: Metadata) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("Properties", ["xmlns": Namespace.extendedProperties, "xmlns:vt": Namespace.variantTypes])
        xml.element("Application", text: metadata.generator)
        xml.close()
        return xml.bytes
    }

    static func settingsPart(_ document: Document, hasFootnotes: Bool = false) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("w:settings", ["xmlns:w": Namespace.w])
        xml.element("w:zoom", ["w:percent": "100"])
        xml.element("w:defaultTabStop", ["w:val": "709"])
        // Hyphenation in the document's language (w:lang of the default run), as in ODT.
        xml.element("w:autoHyphenation")
        xml.element("w:characterSpacingControl", ["w:val": "doNotCompress"])
        if hasFootnotes {
            // Word expects the settings to name the separator notes; numbering is its own.
            xml.open("w:footnotePr")
            xml.element("w:footnote", ["w:id": "-1"])
            xml.element("w:footnote", ["w:id": "0"])
            xml.close()
        }
        xml.open("w:compat")
        // A line ended by a line break (an address, a name and title) is not stretched
        // to the full width of a justified paragraph.
        xml.element("w:doNotExpandShiftReturn")
        // Without compatibilityMode 15 Word opens the file in "Compatibility Mode" and
        // lays out tables with Word 2007 rules.
        xml.element("w:compatSetting", [
            "w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15",
        ])
        xml.close()
        xml.close()
        return xml.bytes
    }

    /// The document's font and the checkbox glyphs' font.
    static func fontTablePart(_ family: String) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("w:fonts", ["xmlns:w": Namespace.w])
        var families = [family]
        if family != StyleSheet.symbolFontFamily { families.append(StyleSheet.symbolFontFamily) }
        for name in families {
            xml.open("w:font", ["w:name": name])
            // The generic family lets Word pick a close substitute where the font is missing.
            xml.element("w:family", ["w:val": StyleSheet.genericFamily(of: name)])
            xml.element("w:pitch", ["w:val": StyleSheet.genericFamily(of: name) == "modern" ? "fixed" : "variable"])
            xml.close()
        }
        xml.close()
        return xml.bytes
    }

}
