import DocumentModel
import XMLSupport

extension BodyWriter {
    /// A picture in the line of text: `w:drawing` holding a `wp:inline`, the DrawingML
    /// picture Word itself writes. The picture's bytes are stored once per package in
    /// `word/media/` (see ``DOCXWriter/parts(of:)``); this part refers to them through a
    /// relationship of its own.
    mutating func drawing(_ image: Image) {
        let id = String(nextDrawingID)
        nextDrawingID += 1
        let relationship = imageRelationship(image.data)
        let cx = String(Image.emu(image.width)), cy = String(Image.emu(image.height))
        var description: [(String, String)] = []
        if !image.alternativeText.isEmpty { description.append(("descr", image.alternativeText)) }
        xml.open("w:r")
        xml.open("w:drawing")
        xml.open("wp:inline", attributes: [("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")])
        xml.open("wp:extent", attributes: [("cx", cx), ("cy", cy)])
        xml.close()
        xml.open("wp:docPr", attributes: [("id", id), ("name", "Picture \(id)")] + description)
        xml.close()
        xml.open("wp:cNvGraphicFramePr")
        xml.open("a:graphicFrameLocks", attributes: [("xmlns:a", Namespace.a), ("noChangeAspect", "1")])
        xml.close()
        xml.close()
        xml.open("a:graphic", attributes: [("xmlns:a", Namespace.a)])
        xml.open("a:graphicData", attributes: [("uri", Namespace.picture)])
        xml.open("pic:pic", attributes: [("xmlns:pic", Namespace.picture)])
        xml.open("pic:nvPicPr")
        xml.open("pic:cNvPr", attributes: [("id", id), ("name", image.data.fileName)] + description)
        xml.close()
        xml.element("pic:cNvPicPr")
        xml.close()
        xml.open("pic:blipFill")
        xml.open("a:blip", attributes: [("r:embed", relationship)])
        xml.close()
        xml.open("a:stretch")
        xml.element("a:fillRect")
        xml.close()
        xml.close()
        xml.open("pic:spPr")
        xml.open("a:xfrm")
        xml.open("a:off", attributes: [("x", "0"), ("y", "0")])
        xml.close()
        xml.open("a:ext", attributes: [("cx", cx), ("cy", cy)])
        xml.close()
        xml.close()
        xml.open("a:prstGeom", attributes: [("prst", "rect")])
        xml.element("a:avLst")
        xml.close()
        xml.close()
        xml.close()  // pic:pic
        xml.close()  // a:graphicData
        xml.close()  // a:graphic
        xml.close()  // wp:inline
        xml.close()  // w:drawing
        xml.close()  // w:r
    }

    /// This part's relationship id for a picture, allocated on first use.
    private mutating func imageRelationship(_ data: ImageData) -> String {
        let target = "media/" + data.fileName
        if let existing = imageRelationships.first(where: { $0.target == target }) { return existing.id }
        let id = "rIdImage\(imageRelationships.count + 1)"
        imageRelationships.append((id, target))
        return id
    }
}

extension DOCXWriter {
    /// Where a picture is stored in the package: `word/media/image-<hash>.png`.
    static func mediaPath(_ picture: ImageData) -> String { "word/media/" + picture.fileName }

    static let imageRelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
}
