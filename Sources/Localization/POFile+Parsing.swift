extension POFile {
    /// Reads PO text, stopping at the first problem.
    ///
    /// ```swift
    /// let file = try POFile.parse("""
    ///     msgctxt "consent.title"
    ///     msgid "Consent"
    ///     msgstr "Consimțământ"
    ///     """, path: "locales/ro/consent.po")
    /// file.messages[0].translation   // "Consimțământ"
    /// ```
    ///
    /// - Parameter path: where the text came from, for error messages and entry locations.
    /// - Throws: ``CatalogError`` with the line and column of the problem.
    public static func parse(_ text: String, path: String) throws(CatalogError) -> POFile {
        let (file, errors) = parseRecovering(text, path: path)
        if let first = errors.first { throw first }
        return file
    }

    /// Reads PO text and reports every problem instead of only the first, for tools that
    /// check whole catalogs. An entry with a problem is left out of the returned file, so
    /// do not write that file back when `errors` is not empty.
    public static func parseRecovering(_ text: String, path: String) -> (file: POFile, errors: [CatalogError]) {
        var parser = POParser(path: path)
        parser.parse(Array(text.utf8))
        var file = POFile(path: path, entries: parser.entries, trailingComments: parser.trailingComments)
        var errors = parser.errors
        errors += file.duplicateErrors()
        errors += file.charsetErrors(lines: parser.lines)
        errors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        if !errors.isEmpty {
            // Duplicates are reported but the later copy is dropped, so lookups stay predictable.
            var seen = Set<POEntry.Key>()
            file.entries.removeAll { !$0.isObsolete && !seen.insert($0.key).inserted }
        }
        return (file, errors)
    }

    private func duplicateErrors() -> [CatalogError] {
        var first: [POEntry.Key: Int] = [:]
        var errors: [CatalogError] = []
        for entry in entries where !entry.isObsolete {
            if let line = first[entry.key] {
                let name = entry.context.map { "'\($0)'" } ?? "with msgid '\(entry.id.poPreview)'"
                errors.append(CatalogError(
                    .duplicateEntry, file: path, line: entry.line, column: 1,
                    message: "duplicate message \(name); it is first defined at line \(line)",
                    suggestion: "keep one of the two entries (msguniq --use-first can do this)"))
            } else {
                first[entry.key] = entry.line
            }
        }
        return errors
    }

    private func charsetErrors(lines: [ArraySlice<UInt8>]) -> [CatalogError] {
        guard let header = entries.first(where: \.isHeader),
              let charset = POHeader(parsing: header.translation).charset else { return [] }
        let accepted = ["utf-8", "utf8", "charset"]  // `CHARSET` is xgettext's placeholder in templates
        if accepted.contains(charset.lowercased()) { return [] }
        // Point at the charset value inside the header's strings when it can be found there.
        var line = header.translationLine, column = 1
        var number = max(header.translationLine, 1)
        let needle = Array("charset=".utf8)
        search: while number <= lines.count, lines[number - 1].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            let text = lines[number - 1]
            let lowered = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            for start in lowered.indices where lowered[start...].starts(with: needle) {
                line = number
                column = POParser.column(of: text.startIndex + start + needle.count, in: text)
                break search
            }
            number += 1
        }
        return [CatalogError(
            .unsupportedCharset, file: path, line: line, column: column,
            message: "the header declares charset \(charset); Formwright catalogs must be UTF-8",
            suggestion: "convert the file with `msgconv --to-code=UTF-8` and set charset=UTF-8 in Content-Type")]
    }
}

extension String {
    /// The start of a message, for error messages about long sources.
    var poPreview: String {
        let firstLine = prefix { $0 != "\n" }
        return firstLine.count > 40 ? String(firstLine.prefix(40)) + "…" : String(firstLine)
    }
}

/// A line-oriented reader of PO text. It works on UTF-8 bytes: every keyword and delimiter
/// is ASCII, and octal or hex escapes may build multi-byte characters byte by byte.
private struct POParser {
    let path: String
    var entries: [POEntry] = []
    var trailingComments: [String] = []
    var errors: [CatalogError] = []
    var lines: [ArraySlice<UInt8>] = []

    private var entry = Draft()
    /// After an error, lines are skipped up to the next blank line, where a new entry starts.
    private var skipping = false

    init(path: String) { self.path = path }

    /// What the continuation strings (`"…"` lines) append to.
    private enum Field: Equatable {
        case context, id, idPlural, translation, plural(Int)
        case previousContext, previousID, previousIDPlural
    }

    /// Whether a line was written as `#~` (obsolete) or `#|` (previous) or plain.
    private struct Mode: Equatable {
        var obsolete = false
        var previous = false
    }

    /// The entry being read.
    private struct Draft {
        var entry = POEntry(id: "")
        var rawComments: [String] = []
        var mode: Mode?
        var sawContext = false, sawID = false, sawTranslation = false
        var field: Field?
        var fieldMode = Mode()
        var hasKeyword: Bool { sawContext || sawID || sawTranslation }
    }

    mutating func parse(_ bytes: [UInt8]) {
        lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if bytes.last == UInt8(ascii: "\n") { lines.removeLast() }
        for (index, var line) in lines.enumerated() {
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            lines[index] = line
            readLine(line, number: index + 1)
        }
        if entry.hasKeyword {
            finishEntry()
        } else if !skipping {
            trailingComments = entry.rawComments
        }
    }

    private mutating func readLine(_ line: ArraySlice<UInt8>, number: Int) {
        let start = line.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? line.endIndex
        if start == line.endIndex {
            skipping = false
            return
        }
        if skipping { return }
        if line[start] != UInt8(ascii: "#") {
            readKeywordLine(line, from: start, number: number, mode: Mode())
            return
        }
        let marker = start + 1 < line.endIndex ? line[start + 1] : 0
        switch marker {
        case UInt8(ascii: "~"):
            var rest = start + 2
            var mode = Mode(obsolete: true)
            if rest < line.endIndex, line[rest] == UInt8(ascii: "|") {
                mode.previous = true
                rest += 1
            }
            let keyword = line[rest...].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            guard let keyword else { return }  // a bare `#~` carries nothing
            if mode.previous { startComment(line, from: start) }
            readKeywordLine(line, from: keyword, number: number, mode: mode)
        case UInt8(ascii: "|"):
            startComment(line, from: start)
            guard let keyword = line[(start + 2)...].firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
            else { return }
            readKeywordLine(line, from: keyword, number: number, mode: Mode(previous: true))
        case UInt8(ascii: ","):
            startComment(line, from: start)
            let text = commentText(line, after: start + 2)
            entry.entry.flags += text.split(separator: ",").map { $0.poTrimmed() }.filter { !$0.isEmpty }
        case UInt8(ascii: "."):
            startComment(line, from: start)
            entry.entry.extractedComments.append(commentText(line, after: start + 2))
        case UInt8(ascii: ":"):
            startComment(line, from: start)
            entry.entry.references += POReference.split(commentText(line, after: start + 2))
        default:
            startComment(line, from: start)
            entry.entry.translatorComments.append(commentText(line, after: start + 1))
        }
    }

    /// A comment line begins a new entry when the current one already has keywords.
    private mutating func startComment(_ line: ArraySlice<UInt8>, from start: Int) {
        if entry.hasKeyword { finishEntry() }
        entry.rawComments.append(String(decoding: line[start...], as: UTF8.self))
    }

    /// The text after a comment marker, without the one space gettext puts there.
    private func commentText(_ line: ArraySlice<UInt8>, after index: Int) -> String {
        var from = min(index, line.endIndex)
        if from < line.endIndex, line[from] == UInt8(ascii: " ") { from += 1 }
        return String(decoding: line[from...], as: UTF8.self)
    }

    private mutating func readKeywordLine(_ line: ArraySlice<UInt8>, from start: Int, number: Int, mode: Mode) {
        if line[start] == UInt8(ascii: "\"") {
            readContinuation(line, from: start, number: number, mode: mode)
            return
        }
        var end = start
        while end < line.endIndex, line[end].isPOKeywordByte { end += 1 }
        let word = String(decoding: line[start..<end], as: UTF8.self)
        guard !word.isEmpty else {
            fail(.syntax, number, line, start,
                 "expected a keyword (msgctxt, msgid, msgstr) or a quoted string",
                 suggestion: "comments start with #; strings are written in double quotes")
            return
        }
        var index: Int?
        var afterWord = end
        if word == "msgstr", end < line.endIndex, line[end] == UInt8(ascii: "[") {
            var close = end + 1
            while close < line.endIndex, line[close].isASCIIDigit { close += 1 }
            guard close > end + 1, close < line.endIndex, line[close] == UInt8(ascii: "]"),
                  let value = Int(String(decoding: line[(end + 1)..<close], as: UTF8.self))
            else {
                fail(.syntax, number, line, end, "malformed plural index after msgstr", suggestion: "write msgstr[0], msgstr[1] …")
                return
            }
            index = value
            afterWord = close + 1
        }
        guard let value = readStrings(line, from: afterWord, number: number, keyword: word) else { return }

        if mode.previous {
            guard begin(mode, line, start, number) else { return }
            let field: Field
            let current: String?
            switch word {
            case "msgctxt": (field, current) = (.previousContext, entry.entry.previousContext)
            case "msgid": (field, current) = (.previousID, entry.entry.previousID)
            case "msgid_plural": (field, current) = (.previousIDPlural, entry.entry.previousIDPlural)
            default:
                fail(.syntax, number, line, start, "'\(word)' cannot be a previous (#|) line",
                     suggestion: "#| lines hold only msgctxt, msgid or msgid_plural")
                return
            }
            guard current == nil else {
                fail(.syntax, number, line, start, "a second #| \(word) in the same entry")
                return
            }
            switch field {
            case .previousContext: entry.entry.previousContext = value
            case .previousID: entry.entry.previousID = value
            default: entry.entry.previousIDPlural = value
            }
            entry.field = field
            entry.fieldMode = mode
            return
        }

        switch word {
        case "msgctxt":
            if entry.hasKeyword { finishEntry() }
            guard begin(mode, line, start, number) else { return }
            entry.entry.context = value
            entry.sawContext = true
            entry.entry.line = number
            entry.field = .context
        case "msgid":
            if entry.sawID { finishEntry() }
            guard begin(mode, line, start, number) else { return }
            entry.entry.id = value
            entry.sawID = true
            if !entry.sawContext { entry.entry.line = number }
            entry.field = .id
        case "msgid_plural":
            guard entry.sawID, !entry.sawTranslation, entry.entry.idPlural == nil, sameMode(mode, line, start, number) else {
                fail(.syntax, number, line, start, "msgid_plural must follow msgid and come before msgstr")
                return
            }
            entry.entry.idPlural = value
            entry.field = .idPlural
        case "msgstr":
            guard entry.sawID else {
                fail(.msgstrWithoutMsgid, number, line, start, "msgstr without a msgid before it",
                     suggestion: "add the English source as msgid \"…\" above this line")
                return
            }
            guard sameMode(mode, line, start, number) else { return }
            if let index {
                guard entry.entry.idPlural != nil else {
                    fail(.syntax, number, line, start, "msgstr[\(index)] in an entry without msgid_plural",
                         suggestion: "write msgstr \"…\" (Formwright keeps plurals inside the MessageFormat message)")
                    return
                }
                guard index == entry.entry.pluralTranslations.count else {
                    fail(.syntax, number, line, start,
                         "expected msgstr[\(entry.entry.pluralTranslations.count)], found msgstr[\(index)]",
                         suggestion: "number the plural forms from 0 without gaps")
                    return
                }
                if index == 0 { entry.entry.translationLine = number }
                entry.entry.pluralTranslations.append(value)
                entry.field = .plural(index)
            } else {
                guard !entry.sawTranslation else {
                    fail(.syntax, number, line, start, "a second msgstr in the same entry",
                         suggestion: "join the two strings or start a new entry with msgctxt/msgid")
                    return
                }
                guard entry.entry.idPlural == nil else {
                    fail(.syntax, number, line, start, "an entry with msgid_plural needs msgstr[0], msgstr[1] …",
                         suggestion: "write msgstr[0] \"…\" instead of msgstr \"…\"")
                    return
                }
                entry.entry.translation = value
                entry.entry.translationLine = number
                entry.field = .translation
            }
            entry.sawTranslation = true
        default:
            let known = ["msgctxt", "msgid", "msgid_plural", "msgstr"]
            let closest = known.min { Spelling.distance(word, $0) < Spelling.distance(word, $1) }!
            let suggestion = Spelling.distance(word, closest) <= 2
                ? "did you mean '\(closest)'?"
                : "a PO line starts with msgctxt, msgid, msgid_plural, msgstr, a quoted string or #"
            fail(.unknownKeyword, number, line, start, "unknown keyword '\(word)'", suggestion: suggestion)
            return
        }
        entry.fieldMode = mode
    }

    /// Records the obsolete-ness of a new entry, or checks that a further keyword matches it.
    private mutating func begin(_ mode: Mode, _ line: ArraySlice<UInt8>, _ start: Int, _ number: Int) -> Bool {
        if entry.mode == nil {
            entry.mode = Mode(obsolete: mode.obsolete)
            entry.entry.isObsolete = mode.obsolete
            return true
        }
        return sameMode(mode, line, start, number)
    }

    private mutating func sameMode(_ mode: Mode, _ line: ArraySlice<UInt8>, _ start: Int, _ number: Int) -> Bool {
        if entry.mode == nil || entry.mode?.obsolete == mode.obsolete { return true }
        fail(.syntax, number, line, start, "an entry mixes obsolete (#~) and active lines",
             suggestion: "prefix every line of an obsolete entry with #~, or remove #~ to revive it")
        return false
    }

    private mutating func readContinuation(_ line: ArraySlice<UInt8>, from start: Int, number: Int, mode: Mode) {
        guard let field = entry.field else {
            fail(.syntax, number, line, start, "a string without a keyword before it",
                 suggestion: "continuation strings follow msgctxt, msgid or msgstr")
            return
        }
        guard mode == entry.fieldMode else {
            fail(.syntax, number, line, start, "a continuation string does not match the #~ or #| prefix of the line before it")
            return
        }
        guard let value = readStrings(line, from: start, number: number, keyword: nil) else { return }
        switch field {
        case .context: entry.entry.context! += value
        case .id: entry.entry.id += value
        case .idPlural: entry.entry.idPlural! += value
        case .translation: entry.entry.translation += value
        case .plural(let index): entry.entry.pluralTranslations[index] += value
        case .previousContext: entry.entry.previousContext! += value
        case .previousID: entry.entry.previousID! += value
        case .previousIDPlural: entry.entry.previousIDPlural! += value
        }
    }

    /// Reads one or more quoted strings up to the end of the line and joins them.
    private mutating func readStrings(_ line: ArraySlice<UInt8>, from start: Int, number: Int, keyword: String?) -> String? {
        var bytes: [UInt8] = []
        var index = start
        var count = 0
        var firstQuote = start
        while true {
            while index < line.endIndex, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") { index += 1 }
            if index == line.endIndex { break }
            guard line[index] == UInt8(ascii: "\"") else {
                if count == 0, let keyword {
                    fail(.syntax, number, line, index, "expected a quoted string after \(keyword)",
                         suggestion: "write \(keyword) \"…\"")
                } else {
                    fail(.syntax, number, line, index, "unexpected text after the closing quote",
                         suggestion: "escape a quote inside a string as \\\"")
                }
                return nil
            }
            if count == 0 { firstQuote = index }
            guard let end = readString(line, openingQuote: index, number: number, into: &bytes) else { return nil }
            index = end
            count += 1
        }
        guard count > 0 else {
            let keyword = keyword ?? "the keyword"
            fail(.syntax, number, line, index, "expected a quoted string after \(keyword)", suggestion: "write \(keyword) \"…\"")
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            fail(.invalidEscape, number, line, firstQuote, "escape sequences in this string do not form UTF-8 text",
                 suggestion: "write the characters themselves instead of octal or hex bytes")
            return nil
        }
        return text
    }

    /// Reads one quoted string, resolving C escapes; returns the index after its closing quote.
    private mutating func readString(_ line: ArraySlice<UInt8>, openingQuote: Int, number: Int, into bytes: inout [UInt8]) -> Int? {
        var index = openingQuote + 1
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") { return index + 1 }
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                index += 1
                continue
            }
            guard index + 1 < line.endIndex else { break }
            let escape = line[index + 1]
            switch escape {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "?"): bytes.append(escape)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = 0, end = index + 1
                while end < line.endIndex, end < index + 4, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(line[end]) {
                    value = value * 8 + Int(line[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard value <= 0xFF, value != 0 else {
                    invalidEscape(line, index, end, number)
                    return nil
                }
                bytes.append(UInt8(value))
                index = end
                continue
            case UInt8(ascii: "x"):
                var value = 0, end = index + 2
                while end < line.endIndex, let digit = line[end].hexDigitValue, value <= 0xFF {
                    value = value * 16 + digit
                    end += 1
                }
                guard end > index + 2, value <= 0xFF, value != 0 else {
                    invalidEscape(line, index, end, number)
                    return nil
                }
                bytes.append(UInt8(value))
                index = end
                continue
            default:
                invalidEscape(line, index, index + 2, number)
                return nil
            }
            index += 2
        }
        fail(.unterminatedString, number, line, openingQuote, "unterminated string: the closing quote is missing",
             suggestion: "end the string with \" on the same line; continue long text on the next line in a new \"…\"")
        return nil
    }

    private mutating func invalidEscape(_ line: ArraySlice<UInt8>, _ start: Int, _ end: Int, _ number: Int) {
        let sequence = String(decoding: line[start..<min(end, line.endIndex)], as: UTF8.self)
        fail(.invalidEscape, number, line, start, "invalid escape sequence '\(sequence)'",
             suggestion: "write \\\\ for a backslash; known escapes are \\n \\t \\r \\\" \\\\ \\a \\b \\f \\v, octal \\ooo and hex \\xhh (not zero)")
    }

    private mutating func finishEntry() {
        defer { entry = Draft() }
        guard entry.sawID, entry.sawTranslation else {
            let what = entry.sawID ? "msgid" : "msgctxt"
            errors.append(CatalogError(
                .msgidWithoutMsgstr, file: path, line: entry.entry.line, column: 1,
                message: "\(what) without a msgstr after it",
                suggestion: entry.sawID ? "add msgstr \"\" (empty means untranslated)" : "add the msgid and msgstr of this entry"))
            return
        }
        entries.append(entry.entry)
    }

    private mutating func fail(
        _ code: CatalogError.Code, _ number: Int, _ line: ArraySlice<UInt8>, _ index: Int,
        _ message: String, suggestion: String? = nil
    ) {
        errors.append(CatalogError(
            code, file: path, line: number, column: POParser.column(of: index, in: line),
            message: message, suggestion: suggestion))
        entry = Draft()
        skipping = true
    }

    /// The 1-based column of a byte offset, counted in Unicode scalars as editors show it.
    static func column(of index: Int, in line: ArraySlice<UInt8>) -> Int {
        line[line.startIndex..<min(index, line.endIndex)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}

private extension UInt8 {
    var isPOKeywordByte: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || self == UInt8(ascii: "_") || isASCIIDigit
    }
    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var hexDigitValue: Int? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(self - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(self - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(self - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}

private extension Substring {
    func poTrimmed() -> String {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}

