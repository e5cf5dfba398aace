import DocumentModel

/// Character formatting as WordprocessingML and ODF state it, each property unset until a
/// style or the run itself sets it.
struct RunProperties: Sendable, Hashable {
    var bold: Bool?
    var italic: Bool?
    var underline: Bool?
    /// Points.
    var size: Double?
    var font: String?
    var colour: String?

    func overridden(by other: RunProperties) -> RunProperties {
        RunProperties(bold: other.bold ?? bold, italic: other.italic ?? italic, underline: other.underline ?? underline,
                      size: other.size ?? size, font: other.font ?? font, colour: other.colour ?? colour)
    }

    var marks: Marks {
        var marks: Marks = []
        if bold == true { marks.insert(.bold) }
        if italic == true { marks.insert(.italic) }
        if underline == true { marks.insert(.underline) }
        return marks
    }
}
