extension Document {
    /// Every distinct picture of the document (header, footer, first-page header and footer,
    /// body), in the order first used: what a package stores, once each however often it is
    /// shown.
    ///
    /// ```swift
    /// for picture in document.pictures { entries.append(ZipEntry(path: "Pictures/" + picture.fileName, …)) }
    /// ```
    public var pictures: [ImageData] {
        var blocks = header + footer
        blocks += firstPageHeader ?? []
        blocks += firstPageFooter ?? []
        return (blocks + body).pictures
    }
}

extension Array where Element == Block {
    /// The distinct pictures these blocks show, in the order first used.
    public var pictures: [ImageData] {
        var seen: Set<ImageData> = []
        var result: [ImageData] = []
        visitImages { image in
            if seen.insert(image.data).inserted { result.append(image.data) }
        }
        return result
    }

    /// Whether any of these blocks shows a picture.
    public var hasImages: Bool {
        var found = false
        visitImages { _ in found = true }
        return found
    }

    func visitImages(_ visit: (Image) -> Void) {
        for block in self {
            switch block {
            case .heading(let heading): heading.content.visitImages(visit)
            case .paragraph(let paragraph): paragraph.content.visitImages(visit)
            case .list(let list): for item in list.items { item.blocks.visitImages(visit) }
            case .table(let table): for row in table.rows { for cell in row.cells { cell.blocks.visitImages(visit) } }
            case .image(let image, _): visit(image)
            case .section(let section): section.body.visitImages(visit)
            case .pageBreak, .signatures: break
            }
        }
    }
}

extension Array where Element == Inline {
    func visitImages(_ visit: (Image) -> Void) {
        for inline in self {
            switch inline {
            case .image(let image): visit(image)
            case .link(let link): link.content.visitImages(visit)
            case .footnote(let footnote): footnote.content.visitImages(visit)
            case .text, .checkbox, .field, .lineBreak, .tab: break
            }
        }
    }
}
