/// Text made safe to print on a terminal or in a log: characters that control the terminal
/// or hide and reorder text are shown as Swift escapes instead of acting.
///
/// Data and catalogs are not trusted, and their text reaches error messages (a value that is
/// not a date, a key that appears twice). Printed raw, an ESC or BEL could drive the terminal,
/// a CR or a C1 control could overwrite the line, and U+202E (right-to-left override) or
/// U+200B (zero width space) could make a message read as something it is not.
///
/// ```swift
/// VisibleText.escaping("Ana\u{1B}[2J")        // "Ana\\u{1B}[2J"
/// VisibleText.escaping("a\nb", keepingLineBreaks: true)   // "a\nb"
/// ```
public enum VisibleText {
    /// `text` with every control (Cc), format (Cf), line and paragraph separator character
    /// written as `\u{…}`; tabs are kept, and line feeds when `keepingLineBreaks`.
    public static func escaping(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Most messages are plain: one pass over the scalars decides.
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is invisible or acts on the display: controls, bidi and other
    /// format characters (U+200B…U+200F, U+202A…U+202E, U+2066…U+2069, U+FEFF), U+2028/9.
    public static func isInvisibleOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        if scalar == "\t" || (keepingLineBreaks && scalar == "\n") { return false }
        return isInvisibleOrControl(scalar)
    }
}
