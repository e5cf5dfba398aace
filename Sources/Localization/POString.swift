/// How strings are written into PO files: C escapes as gettext writes them, and the
/// line layout of `msgcat --no-wrap` (a new quoted line after each embedded `\n`).
enum POString {
    /// The string between double quotes with gettext's escapes. Other control characters
    /// are written as octal escapes rather than raw, so they stay visible in editors.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{0B}": result += "\\v"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let octal = String(scalar.value, radix: 8)
                result += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The lines of a keyword's value: one line when the text has no `\n` before its end,
    /// otherwise an empty first string and one line per `\n`-terminated piece, as gettext does.
    static func lines(_ text: String) -> [String] {
        // Scalars, not Characters: "\r\n" is one Character and would hide its "\n".
        let scalars = text.unicodeScalars
        var pieces: [String] = []
        var start = scalars.startIndex
        for index in scalars.indices where scalars[index] == "\n" {
            let end = scalars.index(after: index)
            pieces.append(String(scalars[start..<end]))
            start = end
        }
        if start < scalars.endIndex { pieces.append(String(scalars[start...])) }
        if pieces.count <= 1 { return [quoted(text)] }
        return ["\"\""] + pieces.map(quoted)
    }
}
