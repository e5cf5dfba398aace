extension TableCell {
    /// The cell's blocks with its ``alignment`` given to every paragraph that sets none
    /// (also inside lists), so both writers align cell text the same way: a paragraph's own
    /// alignment wins over the cell's.
    ///
    /// ```swift
    /// TableCell([.paragraph(Paragraph([.text("12")]))], alignment: .end).alignedBlocks
    /// // [.paragraph(Paragraph([.text("12")], alignment: .end))]
    /// ```
    public var alignedBlocks: [Block] {
        guard let alignment else { return blocks }
        return blocks.map { Self.align($0, alignment) }
    }

    private static func align(_ block: Block, _ alignment: Alignment) -> Block {
        switch block {
        case .paragraph(var paragraph):
            if paragraph.alignment == nil { paragraph.alignment = alignment }
            return .paragraph(paragraph)
        case .list(var list):
            list.items = list.items.map { ListItem($0.blocks.map { align($0, alignment) }) }
            return .list(list)
        default:
            return block
        }
    }
}
