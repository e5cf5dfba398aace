extension Array where Element == Block {
    /// True when some inline anywhere in these blocks (in lists, tables, sections, and inside
    /// links and footnotes) satisfies `predicate`. Writers use it to declare only the styles,
    /// namespaces and parts a document needs.
    ///
    /// ```swift
    /// let hasFootnotes = document.body.containsInline { if case .footnote = $0 { true } else { false } }
    /// ```
    public func containsInline(where predicate: (Inline) -> Bool) -> Bool {
        contains { $0.containsInline(where: predicate) }
    }
}

extension Block {
    func containsInline(where predicate: (Inline) -> Bool) -> Bool {
        switch self {
        case .heading(let heading): heading.content.containsInline(where: predicate)
        case .paragraph(let paragraph): paragraph.content.containsInline(where: predicate)
        case .list(let list): list.items.contains { $0.blocks.containsInline(where: predicate) }
        case .table(let table): table.rows.contains { $0.cells.contains { $0.blocks.containsInline(where: predicate) } }
        case .section(let section): section.body.containsInline(where: predicate)
        case .pageBreak, .signatures, .image: false
        }
    }
}

extension Array where Element == Inline {
    /// True when some inline, or one inside a link or footnote, satisfies `predicate`.
    public func containsInline(where predicate: (Inline) -> Bool) -> Bool {
        contains { inline in
            if predicate(inline) { return true }
            switch inline {
            case .link(let link): return link.content.containsInline(where: predicate)
            case .footnote(let note): return note.content.containsInline(where: predicate)
            default: return false
            }
        }
    }
}

extension Inline {
    /// True for `.link`.
    public var isLink: Bool { if case .link = self { true } else { false } }
    /// True for `.footnote`.
    public var isFootnote: Bool { if case .footnote = self { true } else { false } }
}
