import DocumentModel

/// Helpers shared by the two readers: turning runs into tidy inline content, choosing the
/// model's paragraph style for a header line, and trimming the empty paragraphs office
/// suites leave in headers.
enum LetterheadContent {
    /// The paragraph style for a header or footer line whose text is `size` points: the
    /// model has no per-run sizes, so a large institution name becomes the title style, body
    /// sized lines the body style, and small print the header or footer style.
    static func style(forSize size: Double?, in band: Band) -> StyleName {
        guard let size else { return band == .header ? .header : .footer }
        if size >= 13 { return .title }
        if size >= 9.75 { return .body }
        return band == .header ? .header : .footer
    }

    enum Band: Sendable { case header, footer }

    /// Joins neighbouring text of the same marks, so `"Pag" + "ina "` reads as one run.
    static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let s, _) = inline, s.isEmpty { continue }
            if case .text(let s, let marks) = inline, case .text(let previous, let previousMarks)? = result.last, previousMarks == marks {
                result[result.count - 1] = .text(previous + s, marks: marks)
            } else if case .link(var link) = inline {
                link.content = merged(link.content)
                result.append(.link(link))
            } else {
                result.append(inline)
            }
        }
        return result
    }

    /// Whether the paragraph shows nothing (no text but spaces, no picture, no field).
    static func isEmpty(_ inlines: [Inline]) -> Bool {
        inlines.allSatisfy { inline in
            switch inline {
            case .text(let s, _): s.allSatisfy(\.isWhitespace)
            case .lineBreak, .tab: true
            default: false
            }
        }
    }

    /// The blocks of a header or footer without the empty paragraphs at its end (Word keeps
    /// one in every header, even an unused one); a band with nothing to show is `[]`.
    static func trimmed(_ blocks: [Block]) -> [Block] {
        var blocks = blocks
        while let last = blocks.last, case .paragraph(let p) = last, isEmpty(p.content) { blocks.removeLast() }
        return blocks
    }

    /// A page with its size snapped to a named paper size within half a millimetre (office
    /// suites store A4 as 11906 × 16838 twips or 8.2681 in, not exactly 210 × 297 mm).
    static func page(width: Length, height: Length, margins: Margins) -> PageSetup {
        for size in PaperSize.allCases {
            let (short, long) = size.dimensions
            func near(_ a: Length, _ b: Length) -> Bool { abs(a.hundredthsOfMillimetre - b.hundredthsOfMillimetre) <= 50 }
            if near(width, short) && near(height, long) { return PageSetup(size, orientation: .portrait, margins: margins) }
            if near(width, long) && near(height, short) { return PageSetup(size, orientation: .landscape, margins: margins) }
        }
        return PageSetup(width: width, height: height, margins: margins)
    }

    /// Six upper-case hex digits from `#1a2b3c` or `1A2B3C`; nil for `auto` or anything else.
    static func colour(_ text: String?) -> String? {
        guard var text else { return nil }
        if text.hasPrefix("#") { text.removeFirst() }
        guard text.count == 6, text.allSatisfy(\.isHexDigit) else { return nil }
        return text.uppercased()
    }
}

/// Where in a part the reader is, for warnings: the part, which band it is, the paragraph.
struct PartPlace: Sendable {
    let path: String
    /// "header", "first-page footer", …
    let label: String
    let band: LetterheadContent.Band
    var paragraph = 0

    var description: String { "\(path) (\(label))" + (paragraph > 0 ? ", paragraph \(paragraph)" : "") }
}
