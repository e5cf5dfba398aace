/// Source references (`#: file:line file:line`) split into one element per reference.
enum POReference {
    /// Splits a `#:` line at spaces. gettext ≥ 0.20 wraps file names that contain spaces in
    /// U+2068 … U+2069; such a name stays one reference, isolates included, so it is written
    /// back unchanged.
    static func split(_ text: String) -> [String] {
        var references: [String] = []
        var current = ""
        var isolated = false
        for character in text {
            switch character {
            case "\u{2068}": isolated = true; current.append(character)
            case "\u{2069}": isolated = false; current.append(character)
            case " " where !isolated, "\t" where !isolated:
                if !current.isEmpty { references.append(current) }
                current = ""
            default: current.append(character)
            }
        }
        if !current.isEmpty { references.append(current) }
        return references
    }
}
