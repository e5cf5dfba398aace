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

extension TableCell {
    /// True when `blocks` are one paragraph holding a number or an amount and nothing
    /// else (`12 480,00 лв.`, `MDL 1,250.00`, `15 %`), not a date (`19.01.2029`): such
    /// cells are aligned to the end unless the template says otherwise.
    public static func holdsOnlyANumber(_ blocks: [Block]) -> Bool {
        guard blocks.count == 1, case .paragraph(let paragraph) = blocks[0], paragraph.alignment == nil else { return false }
        let text = paragraph.content.plainText
        guard text.utf8.count <= 40, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }).map(String.init)
        // A currency code, sign or short unit beside the number (`MDL`, `L`, `лв.`, `%`).
        words.removeAll { currencyWords.contains($0) || ($0.unicodeScalars.count <= 4 && $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "." }) }
        guard words.count == 1 || (words.count > 1 && words.allSatisfy(\.isNumeral)), let first = words.first else { return false }
        if words.count == 1 { return first.isNumeral && !first.isNumericDate }
        // Digits in groups are an amount when the first group has at most three digits and every
        // later one is a thousands group; a telephone number (`+373 000 00 000`, `0000 000 001`)
        // reads from the start, like text.
        guard !first.hasPrefix("+"), first.prefix(while: { $0.isASCII && $0.isNumber }).count <= 3 else { return false }
        return words.dropFirst().allSatisfy { group in
            let digits = group.prefix { $0.isASCII && $0.isNumber }
            return digits.count == 3 && (digits.endIndex == group.endIndex || group[digits.endIndex] == "," || group[digits.endIndex] == ".")
        }
    }

    /// Currency codes, signs and names written beside amounts.
    static let currencyWords: Set<String> = ["EUR", "BGN", "RON", "MDL", "USD", "GBP", "€", "$", "£", "лв.", "лв", "lei", "%"]
}

extension String {
    /// Digits with group and decimal separators and an optional sign or percent: `12.480,00`, `-3`, `15%`.
    fileprivate var isNumeral: Bool {
        var digits = 0
        for scalar in unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case ".", ",", "'", "\u{2019}", "-", "\u{2011}", "\u{2212}", "+", "%", "€", "$", "£": continue
            default: return false
            }
        }
        return digits > 0
    }

    /// `19.01.2029`, `20/01/2026`, `2026-01-20`: a date, which stays where the column puts it.
    fileprivate var isNumericDate: Bool {
        let groups = split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" || $0 == "\u{2011}" })
        return groups.count == 3 && (groups.first?.count == 4 || groups.last?.count == 4)
    }
}
