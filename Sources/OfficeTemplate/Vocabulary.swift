/// The office formats a template can be written in.
public enum OfficeFormat: String, Sendable, Hashable, CaseIterable {
    case docx, odt
}

/// What the compiler needs to know of a format's markup: which elements are paragraphs,
/// runs, table rows and cells, and where text lives.
struct Vocabulary {
    let format: OfficeFormat

    static let wordprocessingML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let odfText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let odfTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let odfDrawing = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let odfStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let odfFO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    private func `is`(_ node: Node, _ namespace: String, _ names: Set<String>) -> Bool {
        guard let e = node.element else { return false }
        return e.namespace == namespace && names.contains(e.localName)
    }

    func isParagraph(_ node: Node) -> Bool {
        format == .docx ? self.is(node, Self.wordprocessingML, ["p"]) : self.is(node, Self.odfText, ["p", "h"])
    }

    func isRow(_ node: Node) -> Bool {
        format == .docx ? self.is(node, Self.wordprocessingML, ["tr"]) : self.is(node, Self.odfTable, ["table-row"])
    }

    func isCell(_ node: Node) -> Bool {
        format == .docx ? self.is(node, Self.wordprocessingML, ["tc"]) : self.is(node, Self.odfTable, ["table-cell", "covered-table-cell"])
    }

    func isRun(_ node: Node) -> Bool {
        format == .docx ? self.is(node, Self.wordprocessingML, ["r"]) : self.is(node, Self.odfText, ["span"])
    }

    /// Content that a removed paragraph or row would take with it.
    func isEmbeddedObject(_ node: Node) -> Bool {
        format == .docx
            ? self.is(node, Self.wordprocessingML, ["drawing", "pict", "object"])
            : self.is(node, Self.odfDrawing, ["frame", "custom-shape", "rect", "ellipse", "line"])
    }

    /// `w:sectPr` inside a paragraph's properties: the end of a section, never to be lost.
    func holdsSectionProperties(_ node: Node) -> Bool {
        guard format == .docx else { return false }
        return node.children.contains { $0.localName == "pPr" && $0.children.contains { $0.localName == "sectPr" } }
    }

    /// The text a paragraph shows, piece by piece: text nodes, and the elements that stand
    /// for characters (`w:tab`, `text:s`).
    enum PieceKind { case text, element }

    func textPiece(_ node: Node) -> (PieceKind, String)? {
        switch node.kind {
        case .text(let t):
            guard let parent = node.parent?.element else { return nil }
            if format == .docx {
                return parent.namespace == Self.wordprocessingML && parent.localName == "t" ? (.text, t) : nil
            }
            return parent.namespace == Self.odfText && parent.localName != "note-citation" ? (.text, t) : nil
        case .element(let e):
            if format == .docx {
                guard e.namespace == Self.wordprocessingML, node.parent?.localName == "r" else { return nil }
                switch e.localName {
                case "tab": return (.element, "\t")
                case "br", "cr": return (.element, "\n")
                default: return nil
                }
            }
            guard e.namespace == Self.odfText else { return nil }
            switch e.localName {
            case "s":
                let count = max(1, min(1000, Int(node.attribute("text:c") ?? "1") ?? 1))
                return (.element, String(repeating: " ", count: count))
            case "tab": return (.element, "\t")
            case "line-break": return (.element, "\n")
            default: return nil
            }
        case .tag:
            return nil
        }
    }

    /// How a value is written where a tag stood.
    func textContext(for tagNode: Node) -> TextContext {
        guard let parent = tagNode.parent?.element else { return .plain }
        switch format {
        case .docx: return parent.namespace == Self.wordprocessingML && parent.localName == "t" ? .wordRun : .plain
        case .odt: return parent.namespace == Self.odfText ? .odfParagraph : .plain
        }
    }
}
