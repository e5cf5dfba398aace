import DocumentModel
import XMLSupport

/// The `w:num` instances a document needs: one per list, in document order, so each
/// numbered list restarts at 1 and numIds are stable for a given document.
struct NumberingPlan: Hashable, Sendable {
    struct Instance: Hashable, Sendable {
        var kind: List.Kind
        var level: Int
    }

    /// Word has nine list levels (0...8); deeper lists stay at the last one.
    static let levels = 9
    /// Indent step per level, in twips (``List/indentStep``, as in ODT): the number or
    /// bullet of level n+1 sits where the text of level n starts.
    static let indentStep = List.indentStep.twips

    private(set) var instances: [Instance] = []

    /// A new `w:numId` for a list of `kind` at `level`.
    mutating func allocate(_ kind: List.Kind, level: Int) -> Int {
        instances.append(Instance(kind: kind, level: level))
        return instances.count
    }

    static func clampedLevel(_ depth: Int) -> Int { min(max(depth, 0), levels - 1) }

    /// Left indent of the text of a list item at `level`.
    static func textIndent(level: Int) -> Int { indentStep * (clampedLevel(level) + 1) }

    static func abstractNumID(_ kind: List.Kind) -> Int { kind == .bulleted ? 0 : 1 }

    /// Bullets cycle through three shapes, as in most word processors.
    static func bullet(level: Int) -> String { ["\u{2022}", "\u{25E6}", "\u{25AA}"][level % 3] }

    func numberingPart(font: String) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("w:numbering", ["xmlns:w": Namespace.w])
        for kind in [List.Kind.bulleted, .numbered] {
            xml.open("w:abstractNum", ["w:abstractNumId": String(Self.abstractNumID(kind))])
            xml.element("w:multiLevelType", ["w:val": "multilevel"])
            for level in 0..<Self.levels {
                Self.level(level, kind: kind, font: font, into: &xml)
            }
            xml.close()
        }
        for (index, instance) in instances.enumerated() {
            xml.open("w:num", ["w:numId": String(index + 1)])
            xml.element("w:abstractNumId", ["w:val": String(Self.abstractNumID(instance.kind))])
            // Lists sharing an abstractNum would otherwise continue each other's count.
            xml.open("w:lvlOverride", ["w:ilvl": String(Self.clampedLevel(instance.level))])
            xml.element("w:startOverride", ["w:val": "1"])
            xml.close()
            xml.close()
        }
        xml.close()
        return xml.bytes
    }

    /// One `w:lvl`; children in schema order: start, numFmt, lvlText, lvlJc, pPr, rPr.
    private static func level(_ level: Int, kind: List.Kind, font: String, into xml: inout XMLWriter) {
        xml.open("w:lvl", ["w:ilvl": String(level)])
        xml.element("w:start", ["w:val": "1"])
        switch kind {
        case .bulleted:
            xml.element("w:numFmt", ["w:val": "bullet"])
            xml.element("w:lvlText", ["w:val": bullet(level: level)])
        case .numbered:
            xml.element("w:numFmt", ["w:val": "decimal"])
            xml.element("w:lvlText", ["w:val": "%\(level + 1)."])
        }
        xml.element("w:lvlJc", ["w:val": "start"])
        xml.open("w:pPr")
        xml.element("w:ind", ["w:left": String(textIndent(level: level)), "w:hanging": String(indentStep)])
        xml.close()
        if kind == .bulleted {
            // Word defaults bullets to the Symbol font, which maps • to another glyph.
            xml.open("w:rPr")
            xml.element("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:cs": font, "w:hint": "default"])
            xml.close()
        }
        xml.close()
    }
}
