/// Pseudo-localization for the `qps` locale: English text made to look foreign but stay
/// readable, so a tester sees at a glance which text is not translated (it is not
/// accented) and where layout breaks when translations run long.
///
/// Letters get accents, each message grows by about 35 % (filler words before the closing
/// bracket) and is wrapped in `[` … `]`, so truncation shows as a missing `]`. MessageFormat
/// syntax is kept: argument names, `plural`/`select` keywords and keys, number and date
/// styles, `#`, rich-text tags (`<b>`, `</a>`) and apostrophe quoting are copied unchanged;
/// only text is changed.
///
/// ```swift
/// Pseudolocalization.pseudolocalize("Page {page} of {pages}")
/// // "[Ƥȧɠḗ {page} ǿƒ {pages} ŀǿŕḗḿ]"
/// Pseudolocalization.pseudolocalize("{n, plural, one {# child} other {# children}}")
/// // "[{n, plural, one {# ƈħīŀḓ} other {# ƈħīŀḓŕḗƞ}} ŀǿŕḗḿ īƥş]"
/// ```
public enum Pseudolocalization {
    /// How much longer a message gets, as a share of its letters (German and Romanian
    /// text typically runs 30–40 % longer than English).
    public static let expansion = 0.35

    /// The pseudo-localized pattern. A pattern that is not valid MessageFormat is returned
    /// unchanged, so its error is still reported against the English source.
    public static func pseudolocalize(_ pattern: String) -> String {
        guard (try? MessageFormat(pattern)) != nil else { return pattern }
        var writer = PseudoWriter(pattern)
        writer.message(parent: .none)
        let padding = filler(letters: Int((Double(writer.letters) * expansion).rounded(.up)))
        return "[" + String(writer.output) + (padding.isEmpty ? "" : " " + padding) + "]"
    }

    /// An accented look-alike of an ASCII letter; any other character is returned as is.
    public static func accented(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.isASCII, let index = letters.firstIndex(of: scalar) else { return scalar }
        return accentedLetters[letters.distance(from: letters.startIndex, to: index)]
    }

    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
    private static let accentedLetters = Array("ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋŕşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŔŞŦŬṼẆẊẎẐ".unicodeScalars)

    /// Filler words of roughly `letters` letters: words rather than one long run, so line
    /// breaking behaves as it would with real, longer text.
    private static func filler(letters count: Int) -> String {
        guard count > 0 else { return "" }
        let words = ["ŀǿŕḗḿ", "īƥşŭḿ", "ḓǿŀǿŕ", "şīŧ", "ȧḿḗŧ", "ƈǿƞşḗƈŧḗŧŭŕ", "ȧḓīƥīşƈīƞɠ", "ḗŀīŧ"]
        var result: [String] = []
        var total = 0, index = 0
        while total < count {
            let word = words[index % words.count]
            result.append(word)
            total += word.unicodeScalars.count
            index += 1
        }
        return result.joined(separator: " ")
    }
}

/// Copies a valid MessageFormat pattern, accenting the letters of its text only.
private struct PseudoWriter {
    enum Parent { case none, plural, select }

    let scalars: [Unicode.Scalar]
    var index = 0
    var output = String.UnicodeScalarView()
    /// Letters of text seen (arguments excluded): the base of the expansion.
    var letters = 0

    init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func copy() {
        output.append(scalars[index])
        index += 1
    }

    mutating func text(_ scalar: Unicode.Scalar) {
        if scalar.properties.isAlphabetic { letters += 1 }
        output.append(Pseudolocalization.accented(scalar))
        index += 1
    }

    /// Text and arguments up to the `}` closing a variant (left for the caller) or the end.
    mutating func message(parent: Parent) {
        while let scalar = current {
            switch scalar {
            case "}":
                return
            case "{":
                copy()
                argument()
            case "'":
                apostrophe(parent: parent)
            case "<":
                // A rich-text tag (`<b>`, `</a1>`) is markup: copied, never accented.
                guard let end = tagEnd() else { text(scalar); continue }
                while index < end { copy() }
            default:
                text(scalar)
            }
        }
    }

    /// The index after the `<name>` or `</name>` at `index`, nil when `<` is text.
    func tagEnd() -> Int? {
        var i = index + 1
        if i < scalars.count, scalars[i] == "/" { i += 1 }
        guard i < scalars.count, scalars[i].isASCII, scalars[i].properties.isAlphabetic else { return nil }
        while i < scalars.count, scalars[i].isASCII,
              scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i]) || scalars[i] == "-" || scalars[i] == "_" {
            i += 1
        }
        return i < scalars.count && scalars[i] == ">" ? i + 1 : nil
    }

    /// ICU's DOUBLE_OPTIONAL rule: `''` is one apostrophe; `'` before `{`, `}`, `|` (and `#`
    /// in a plural) opens a quoted literal up to the next lone `'`; any other is literal.
    mutating func apostrophe(parent: Parent) {
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        if next == "'" {
            copy()
            copy()
            return
        }
        let opensQuote = next == "{" || next == "}" || next == "|" || next == "<" || (next == "#" && parent == .plural)
        copy()
        guard opensQuote else { return }
        while let scalar = current {
            if scalar == "'" {
                if index + 1 < scalars.count, scalars[index + 1] == "'" {
                    copy()
                    copy()
                    continue
                }
                copy()
                return
            }
            text(scalar)
        }
    }

    /// After `{`: name, optional type and style or variants, through the closing `}`.
    mutating func argument() {
        var head = String.UnicodeScalarView()
        while let scalar = current, scalar != "}", scalar != "{" {
            head.append(scalar)
            copy()
            // The type is known once the second comma (or the first variant) is reached.
            if scalar == ",", String(head).split(separator: ",").count >= 2 { break }
        }
        let type = String(head).split(separator: ",").dropFirst().first?.trimmingCharacters(in: " \t\n\r")
        switch type {
        case "plural", "selectordinal", "select":
            variants(parent: type == "select" ? .select : .plural)
        default:
            // A number or date style, or the closing brace of a simple argument: not text.
            var depth = 0
            while let scalar = current {
                if scalar == "{" { depth += 1 }
                if scalar == "}" {
                    if depth == 0 {
                        copy()
                        return
                    }
                    depth -= 1
                }
                copy()
            }
        }
    }

    /// Keys (`one`, `=0`, `offset:1`) copied as they are; each `{…}` variant is text again.
    mutating func variants(parent: Parent) {
        while let scalar = current {
            switch scalar {
            case "{":
                copy()
                message(parent: parent)
                if current == "}" { copy() }
            case "}":
                copy()
                return
            default:
                copy()
            }
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        let start = firstIndex { !characters.contains($0) } ?? endIndex
        let end = lastIndex { !characters.contains($0) }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
