import Foundation

/// ICU MessageFormat 1 syntax with ICU's `DOUBLE_OPTIONAL` apostrophe mode, reading
/// Unicode code points so that error offsets are code-point offsets.
struct MessageParser {
    /// The deepest nesting of plural/select arguments inside one another. Real messages use
    /// two or three; the parser and the formatter recurse once per level, so the bound keeps a
    /// hostile message (thousands of levels, in a template or a PO file) from overflowing the
    /// stack.
    static let maximumNesting = 64

    /// The kind of argument whose variant is being read; it decides what `#` and `'#` mean.
    private enum Parent {
        case none, plural, select
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var arguments: [MessageArgument] = []
    /// True once a rich-text tag was read.
    private(set) var hasTags = false
    private var seenArguments: Set<String> = []

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(MessageSyntaxError) -> [MessagePart] {
        try parseMessage(nesting: 0, parent: .none, tag: nil)
    }

    /// The tag that starts at `index`: `<name>` (opening) or `</name>` (closing), with the
    /// index after it. A `<` that does not start one (`a < b`, `<3`, `<b attr>`) is text.
    private func tagMarkup(at start: Int) -> (name: String, closing: Bool, end: Int)? {
        var i = start + 1
        let closing = i < scalars.count && scalars[i] == "/"
        if closing { i += 1 }
        let nameStart = i
        guard i < scalars.count, scalars[i].isASCII, scalars[i].properties.isAlphabetic else { return nil }
        while i < scalars.count, scalars[i].isASCII, scalars[i].properties.isAlphabetic || scalars[i].asciiDigit != nil || scalars[i] == "-" || scalars[i] == "_" {
            i += 1
        }
        guard i < scalars.count, scalars[i] == ">" else { return nil }
        return (text(nameStart..<i), closing, i + 1)
    }

    private func failure(_ offset: Int, _ message: String, suggestion: String? = nil) -> MessageSyntaxError {
        MessageSyntaxError(offset: offset, in: scalars, message: message, suggestion: suggestion)
    }

    private func unterminated(_ name: String) -> MessageSyntaxError {
        failure(scalars.count, "expected '}' to close the argument '\(name)'", suggestion: "every '{' needs a matching '}'")
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipWhitespace() {
        while index < scalars.count && scalars[index].properties.isPatternWhitespace { index += 1 }
    }

    /// ICU identifiers: anything up to pattern syntax or white space.
    private mutating func identifier() -> String {
        let start = index
        while index < scalars.count, !scalars[index].properties.isPatternSyntax, !scalars[index].properties.isPatternWhitespace {
            index += 1
        }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    private mutating func record(_ name: String, _ kind: MessageArgument.Kind) {
        if seenArguments.insert(name).inserted { arguments.append(MessageArgument(name: name, kind: kind)) }
    }

    // MARK: Message text

    /// Reads text, arguments and tags up to the `}` that closes a variant (left unconsumed),
    /// the closing tag of `tag` (consumed) or the end. A tag closes inside the variant
    /// or tag it opened in.
    private mutating func parseMessage(nesting: Int, parent: Parent, tag: (name: String, offset: Int)?) throws(MessageSyntaxError) -> [MessagePart] {
        var parts: [MessagePart] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { parts.append(.text(String(text))) }
            text = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "'":
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if next == "'" {
                    text.append("'")
                    index += 2
                } else if next == "{" || next == "}" || next == "<" || (parent == .plural && next == "#") {
                    // Quoted literal up to the next single apostrophe (or the end of the message).
                    index += 1
                    while index < scalars.count {
                        if scalars[index] == "'" {
                            if index + 1 < scalars.count && scalars[index + 1] == "'" {
                                text.append("'")
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        text.append(scalars[index])
                        index += 1
                    }
                } else {
                    text.append("'")
                    index += 1
                }
            case "#" where parent == .plural:
                flush()
                parts.append(.pound)
                index += 1
            case "{":
                flush()
                parts.append(try parseArgument(nesting: nesting))
            case "}" where parent != .none:
                if let tag {
                    throw failure(tag.offset, "the tag <\(tag.name)> is not closed before the end of its variant",
                                  suggestion: "add </\(tag.name)> inside the same {…}; a tag cannot span variants")
                }
                flush()
                return parts
            case "<":
                guard let markup = tagMarkup(at: index) else {
                    text.append(scalar)
                    index += 1
                    continue
                }
                flush()
                if markup.closing {
                    guard let tag else {
                        throw failure(index, "closing tag </\(markup.name)> has no opening <\(markup.name)>",
                                      suggestion: "remove it, or add <\(markup.name)> before the text it marks; quote a literal '<' as '<'")
                    }
                    guard tag.name == markup.name else {
                        throw failure(index, "expected </\(tag.name)> to close the tag opened at \(position(of: tag.offset)), found </\(markup.name)>",
                                      suggestion: "tags nest: close the inner tag first, as in <b><i>…</i></b>")
                    }
                    index = markup.end
                    return parts
                }
                guard nesting < Self.maximumNesting else {
                    throw failure(index, "tags and arguments are nested more than \(Self.maximumNesting) levels deep")
                }
                let opened = index
                hasTags = true
                index = markup.end
                let inner = try parseMessage(nesting: nesting + 1, parent: parent, tag: (markup.name, opened))
                parts.append(.tag(markup.name, inner))
            default:
                // A `}` at the top level is literal text, as in ICU.
                text.append(scalar)
                index += 1
            }
        }
        if let tag {
            throw failure(tag.offset, "the tag <\(tag.name)> is never closed", suggestion: "add </\(tag.name)> after the text it marks")
        }
        flush()
        return parts
    }

    /// `line:column` of an offset, for errors that name a second place.
    private func position(of offset: Int) -> String {
        let error = MessageSyntaxError(offset: offset, in: scalars, message: "")
        return "\(error.line):\(error.column)"
    }

    // MARK: Arguments

    private mutating func parseArgument(nesting: Int) throws(MessageSyntaxError) -> MessagePart {
        let start = index
        index += 1
        skipWhitespace()
        let nameStart = index
        let name = identifier()
        guard !name.isEmpty else {
            if let found = current {
                throw failure(nameStart, "expected an argument name after '{', found '\(found)'",
                              suggestion: found == "{" || found == "}" ? "quote literal braces as '{' and '}'" : "write {name} or {name, type, …}")
            }
            throw failure(nameStart, "expected an argument name after '{'", suggestion: "every '{' needs a name and a matching '}'")
        }
        if let first = name.unicodeScalars.first, first.asciiDigit != nil {
            guard name.unicodeScalars.allSatisfy({ $0.asciiDigit != nil }), name == "0" || first != "0" else {
                throw failure(nameStart, "invalid argument name '\(name)': a name starting with a digit must be a number",
                              suggestion: "use a name such as 'count' or a number such as '0'")
            }
        }
        let nameEnd = index
        skipWhitespace()
        guard let separator = current else { throw unterminated(name) }
        if separator == "}" {
            index += 1
            record(name, .plain)
            return .simple(SimpleArgument(name: name, style: .plain))
        }
        guard separator == "," else {
            if index > nameEnd {
                throw failure(index, "expected ',' or '}' after the argument name '\(name)'",
                              suggestion: "argument names cannot contain spaces; join the words with '_'")
            }
            throw failure(index, "invalid character '\(separator)' in the argument name '\(name)'; expected ',' or '}'",
                          suggestion: "argument names are identifiers (letters, digits, '_') or numbers")
        }
        index += 1
        skipWhitespace()
        let typeStart = index
        let type = identifier()
        guard !type.isEmpty else {
            guard let found = current else { throw unterminated(name) }
            throw failure(index, "expected an argument type after '\(name),', found '\(found)'",
                          suggestion: "use number, date, time, plural, selectordinal or select")
        }
        skipWhitespace()
        guard let next = current else { throw unterminated(name) }
        switch type.lowercased() {
        case "number", "date", "time":
            let kind: MessageArgument.Kind = type.lowercased() == "number" ? .number : type.lowercased() == "date" ? .date : .time
            record(name, kind)
            if next == "}" {
                index += 1
                switch kind {
                case .number: return .simple(SimpleArgument(name: name, style: .number(.decimal)))
                case .date: return .simple(SimpleArgument(name: name, style: .date(.style(.medium))))
                default: return .simple(SimpleArgument(name: name, style: .time(.style(.medium))))
                }
            }
            guard next == "," else {
                throw failure(index, "expected ',' or '}' after the argument type '\(type)' of '\(name)'")
            }
            index += 1
            let (style, styleStart) = try parseSimpleStyle(name: name)
            if kind == .number {
                return .simple(SimpleArgument(name: name, style: try numberStyle(style, at: styleStart)))
            }
            let dateStyle = try dateStyle(style, at: styleStart, kind: type.lowercased())
            return .simple(SimpleArgument(name: name, style: kind == .date ? .date(dateStyle) : .time(dateStyle)))
        case "plural", "selectordinal", "select":
            let lowered = type.lowercased()
            record(name, lowered == "plural" ? .plural : lowered == "select" ? .select : .selectordinal)
            if next == "}" {
                throw failure(index, "the \(lowered) argument '\(name)' has no variants",
                              suggestion: "add variants after a comma, at least other {…}")
            }
            guard next == "," else {
                throw failure(index, "expected ',' after the argument type '\(type)' of '\(name)'")
            }
            index += 1
            return try parseVariants(name: name, type: lowered, argumentStart: start, nesting: nesting)
        case "spellout":
            record(name, .spellout)
            if next == "}" {
                index += 1
                return .simple(SimpleArgument(name: name, style: .spellout(gender: nil)))
            }
            guard next == "," else {
                throw failure(index, "expected ',' or '}' after the argument type '\(type)' of '\(name)'")
            }
            index += 1
            let (style, styleStart) = try parseSimpleStyle(name: name)
            return .simple(SimpleArgument(name: name, style: try spelloutStyle(style, at: styleStart)))
        case "choice":
            throw failure(typeStart, "the 'choice' argument type is not supported", suggestion: "use plural or select")
        case "ordinal", "duration":
            throw failure(typeStart, "the '\(type)' argument type is not supported",
                          suggestion: "use number, date, time, spellout, plural, selectordinal or select")
        default:
            throw failure(typeStart, "unknown argument type '\(type)'",
                          suggestion: "use number, date, time, spellout, plural, selectordinal or select")
        }
    }

    /// The style text of a simple argument, up to its closing `}` (consumed); ICU quoting applies.
    private mutating func parseSimpleStyle(name: String) throws(MessageSyntaxError) -> (String, Int) {
        skipWhitespace()
        let start = index
        var depth = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "'" {
                guard let close = scalars[(index + 1)...].firstIndex(of: "'") else {
                    throw failure(index, "quoted text in the style of '\(name)' is never closed", suggestion: "add the closing apostrophe")
                }
                index = close + 1
                continue
            }
            if scalar == "{" { depth += 1 }
            if scalar == "}" {
                if depth == 0 { break }
                depth -= 1
            }
            index += 1
        }
        guard index < scalars.count else { throw unterminated(name) }
        var end = index
        while end > start && scalars[end - 1].properties.isPatternWhitespace { end -= 1 }
        index += 1
        return (text(start..<end), start)
    }

    private func numberStyle(_ style: String, at offset: Int) throws(MessageSyntaxError) -> SimpleArgument.Style {
        if style.hasPrefix("::") {
            do {
                return .number(try NumberSkeleton.parse(String(style.dropFirst(2))))
            } catch {
                throw failure(offset + 2 + error.offset, error.message, suggestion: error.suggestion)
            }
        }
        switch style.lowercased() {
        case "integer": return .number(.integer)
        case "percent": return .number(.percentStyle)
        case "currency": return .currency
        case "": throw failure(offset, "expected a number style after ','", suggestion: "use integer, percent, currency or a skeleton such as ::.00")
        default:
            throw failure(offset, "unsupported number style '\(style)'",
                          suggestion: "use integer, percent, currency or a skeleton such as ::.00 or ::currency/EUR")
        }
    }

    /// `masculine`, `feminine`, `neuter`, `currency`, or `::currency/XXX` with a currency
    /// ``NumberSpelling`` knows.
    private func spelloutStyle(_ style: String, at offset: Int) throws(MessageSyntaxError) -> SimpleArgument.Style {
        let usage = "use masculine, feminine, neuter, currency or ::currency/EUR (BGN, EUR, MDL, RON)"
        if style.hasPrefix("::") {
            let skeleton = style.dropFirst(2)
            guard skeleton.hasPrefix("currency/") else {
                throw failure(offset + 2, "unsupported spellout skeleton '\(skeleton)'", suggestion: usage)
            }
            let code = String(skeleton.dropFirst("currency/".count))
            guard NumberSpelling.currencies.contains(code) else {
                throw failure(offset + 2 + "currency/".count, "amounts in words are not written for the currency '\(code)'",
                              suggestion: "use one of " + NumberSpelling.currencies.joined(separator: ", "))
            }
            return .spelloutCurrency(code)
        }
        switch style.lowercased() {
        case "currency": return .spelloutCurrency(nil)
        case let name:
            if let gender = NumberSpelling.Gender(rawValue: name) { return .spellout(gender: gender) }
            throw failure(offset, style.isEmpty ? "expected a spellout style after ','" : "unsupported spellout style '\(style)'", suggestion: usage)
        }
    }

    private func dateStyle(_ style: String, at offset: Int, kind: String) throws(MessageSyntaxError) -> DateFormatStyle {
        if style.hasPrefix("::") {
            let skeleton = String(style.dropFirst(2))
            guard let canonical = DateSkeleton.canonical(skeleton), !canonical.isEmpty else {
                throw failure(offset + 2, "invalid date skeleton '\(skeleton)'", suggestion: "use field letters such as ::yMMMd or ::Hm")
            }
            guard DateSkeleton.isSupported(canonical: canonical) else {
                throw failure(offset + 2, "unsupported date skeleton '\(skeleton)'",
                              suggestion: "use one of " + DateSkeleton.supported.map { "::" + $0 }.joined(separator: ", "))
            }
            return .skeleton(canonical)
        }
        switch style.lowercased() {
        case "short": return .style(.short)
        case "medium": return .style(.medium)
        case "long": return .style(.long)
        case "full": return .style(.full)
        default:
            throw failure(offset, style.isEmpty ? "expected a \(kind) style after ','" : "unsupported \(kind) style '\(style)'",
                          suggestion: "use short, medium, long, full or a skeleton such as ::yMMMd")
        }
    }

    // MARK: plural, selectordinal, select

    private mutating func parseVariants(name: String, type: String, argumentStart: Int, nesting: Int) throws(MessageSyntaxError) -> MessagePart {
        let isPlural = type != "select"
        var offset = Decimal(0)
        var explicit: [PluralArgument.ExplicitVariant] = []
        var categories: [PluralCategory: [MessagePart]] = [:]
        var cases: [String: [MessagePart]] = [:]
        var other: [MessagePart]?
        var selectors: Set<String> = []
        while true {
            skipWhitespace()
            guard let scalar = current else { throw unterminated(name) }
            if scalar == "}" {
                guard !selectors.isEmpty else {
                    throw failure(index, "the \(type) argument '\(name)' has no variants", suggestion: "add at least other {…}")
                }
                guard let other else {
                    throw failure(argumentStart, "the \(type) argument '\(name)' has no 'other' variant",
                                  suggestion: "add other {…}: it is required and used for every value without its own variant")
                }
                index += 1
                if isPlural {
                    return .plural(PluralArgument(name: name, isOrdinal: type == "selectordinal", offset: offset,
                                                  explicit: explicit, categories: categories, other: other))
                }
                return .select(SelectArgument(name: name, cases: cases, other: other))
            }
            let selectorStart = index
            var selector: String
            var explicitValue: DecimalDigits?
            if isPlural && scalar == "=" {
                index += 1
                let numberStart = index
                while let c = current, c.asciiDigit != nil || c == "." || c == "-" || c == "+" { index += 1 }
                guard let value = DecimalDigits(parsing: Substring(text(numberStart..<index))) else {
                    let word = identifier()
                    throw failure(selectorStart, "explicit value selector '=\(word.isEmpty ? text(numberStart..<index) : word)' is not a number",
                                  suggestion: "write =0, =1, … or a category such as one")
                }
                explicitValue = value
                selector = "=" + text(numberStart..<index)
            } else {
                selector = identifier()
                guard !selector.isEmpty else {
                    throw failure(selectorStart, "expected a selector keyword before '\(scalar)' in the argument '\(name)'",
                                  suggestion: isPlural ? "start each variant with =N or a category (zero, one, two, few, many, other)" : "start each variant with a keyword such as female or other")
                }
                if isPlural && selector == "offset" && current == ":" {
                    guard selectors.isEmpty else {
                        throw failure(selectorStart, "offset: must come before the first variant of '\(name)'")
                    }
                    index += 1
                    skipWhitespace()
                    let valueStart = index
                    while let c = current, c.asciiDigit != nil || c == "." || c == "-" || c == "+" { index += 1 }
                    guard valueStart < index, let value = Decimal(string: text(valueStart..<index), locale: Locale(identifier: "en_US_POSIX")),
                          DecimalDigits(parsing: Substring(text(valueStart..<index))) != nil else {
                        throw failure(valueStart, "offset: value is not a number", suggestion: "write offset:1")
                    }
                    offset = value
                    continue
                }
                if isPlural && PluralCategory(rawValue: selector) == nil {
                    throw failure(selectorStart, "unknown plural category '\(selector)' in the argument '\(name)'",
                                  suggestion: "use zero, one, two, few, many, other or an exact value such as =1")
                }
            }
            let key = explicitValue.map { "=\($0.digits)e\($0.exponent)\($0.isNegative)" } ?? selector
            guard selectors.insert(key).inserted else {
                throw failure(selectorStart, "duplicate selector '\(selector)' in the argument '\(name)'", suggestion: "remove one of them")
            }
            skipWhitespace()
            guard let open = current else { throw unterminated(name) }
            guard open == "{" else {
                throw failure(index, "expected '{' after the selector '\(selector)' in the argument '\(name)'",
                              suggestion: "enclose the variant's text in braces: \(selector) {…}")
            }
            guard nesting < Self.maximumNesting else {
                throw failure(index, "arguments are nested more than \(Self.maximumNesting) levels deep",
                              suggestion: "split the message, or select on fewer arguments at once")
            }
            index += 1
            let message = try parseMessage(nesting: nesting + 1, parent: isPlural ? .plural : .select, tag: nil)
            guard current == "}" else {
                throw failure(scalars.count, "expected '}' to close the '\(selector)' variant of the argument '\(name)'",
                              suggestion: "every '{' needs a matching '}'")
            }
            index += 1
            if let explicitValue {
                explicit.append(PluralArgument.ExplicitVariant(value: explicitValue, message: message))
            } else if selector == "other" {
                other = message
            } else if isPlural {
                categories[PluralCategory(rawValue: selector)!] = message
            } else {
                cases[selector] = message
            }
        }
    }
}
