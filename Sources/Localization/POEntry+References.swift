/// Source references (`#: file:line file:line`) split into one element per reference.
enum POReference {
    /// Splits a `#:` line at spaces. gettext ≥ 0.20 wraps file names that contain spaces in
    /// U+2068 … U+2069; such a name stays one reference, isolates included, so it is written
    /// back unchanged.
    static func split(_ text: String) -> [String] {
        // Works on the UTF-8 bytes (loading catalogs is on the start-up path of every render).
        // U+2068 is E2 81 A8 and U+2069 is E2 81 A9; spaces and tabs are single bytes.
        var references: [String] = []
        let utf8 = Array(text.utf8)
        var start = 0
        var isolated = false
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == 0xE2, i + 2 < utf8.count, utf8[i + 1] == 0x81, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 {
                isolated = utf8[i + 2] == 0xA8
                i += 3
                continue
            }
            if (b == 0x20 || b == 0x09) && !isolated {
                if i > start { references.append(String(decoding: utf8[start..<i], as: UTF8.self)) }
                start = i + 1
            }
            i += 1
        }
        if utf8.count > start { references.append(String(decoding: utf8[start...], as: UTF8.self)) }
        return references
    }
}
