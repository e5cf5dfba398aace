extension Array where Element == Block {
    /// The blocks with the paragraph just before each signature grid kept with it, so the
    /// grid never stands alone on a last page with nothing to sign against: when the grid
    /// does not fit, that paragraph travels to the next page with it. Both writers apply it.
    ///
    /// ```swift
    /// let body: [Block] = [.paragraph(Paragraph([.text("Signed in two copies.")])), .signatures(grid)]
    /// body.keepingTextWithSignatures()[0]  // the paragraph, now with keepWithNext
    /// ```
    public func keepingTextWithSignatures() -> [Block] {
        guard contains(where: \.needsSignatureKeep) else { return self }
        var blocks = self
        for index in blocks.indices {
            switch blocks[index] {
            case .signatures:
                guard index > 0, case .paragraph(var paragraph) = blocks[index - 1] else { continue }
                paragraph.keepWithNext = true
                blocks[index - 1] = .paragraph(paragraph)
            case .section(var section):
                section.body = section.body.keepingTextWithSignatures()
                blocks[index] = .section(section)
            default:
                continue
            }
        }
        return blocks
    }
}

extension Block {
    /// A signature grid, or a section that holds one at its top level.
    fileprivate var needsSignatureKeep: Bool {
        switch self {
        case .signatures: true
        case .section(let section): section.body.contains(where: \.needsSignatureKeep)
        default: false
        }
    }
}
