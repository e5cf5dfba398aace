/// The structure of a valid MessageFormat pattern that checks need and ``MessageFormat``
/// does not expose: each `plural`/`select` argument with its variant keys, and where an
/// apostrophe opens a quoted literal.
struct MessageOutline {
    struct Choice: Hashable {
        var name: String
        /// `plural`, `selectordinal` or `select`.
        var kind: String
        /// `one`, `few`, `=0` …, in the order written.
        var keys: [String]
    }

    private(set) var choices: [Choice] = []
    /// Code-point offsets of apostrophes that start a quoted literal (`'{`, `'}`, `'#`, `'|`).
    private(set) var quoteOffsets: [Int] = []
    /// The character each of those quotes is followed by.
    private(set) var quotedCharacters: [Unicode.Scalar] = []

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
        message(inPlural: false)
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func message(inPlural: Bool) {
        while let scalar = current {
            switch scalar {
            case "}": return
            case "{":
                index += 1
                argument()
            case "'":
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if next == "'" {
                    index += 2
                } else if let next, next == "{" || next == "}" || next == "|" || next == "<" || (next == "#" && inPlural) {
                    quoteOffsets.append(index)
                    quotedCharacters.append(next)
                    index += 1
                    while let inner = current {
                        index += 1
                        if inner == "'" {
                            if current == "'" { index += 1 } else { break }
                        }
                    }
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
    }

    private mutating func argument() {
        var head = ""
        while let scalar = current, scalar != "}", scalar != "{" {
            head.unicodeScalars.append(scalar)
            index += 1
            if scalar == ",", head.split(separator: ",").count >= 2 { break }
        }
        let fields = head.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        let name = fields.first ?? ""
        let kind = fields.count > 1 ? fields[1] : ""
        guard ["plural", "selectordinal", "select"].contains(kind) else {
            var depth = 0
            while let scalar = current {
                index += 1
                if scalar == "{" { depth += 1 }
                if scalar == "}" {
                    if depth == 0 { return }
                    depth -= 1
                }
            }
            return
        }
        var choice = Choice(name: name, kind: kind, keys: [])
        var key = ""
        while let scalar = current {
            index += 1
            switch scalar {
            case "{":
                let trimmed = key.trimmingWhitespace()
                // `offset:1 one` reads as one run of key text; the key is its last word.
                if let last = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).last { choice.keys.append(String(last)) }
                key = ""
                message(inPlural: kind != "select")
                if current == "}" { index += 1 }
            case "}":
                choices.append(choice)
                return
            default:
                key.unicodeScalars.append(scalar)
            }
        }
        choices.append(choice)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
