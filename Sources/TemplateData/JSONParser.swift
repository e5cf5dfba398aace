import Foundation

/// A strict RFC 8259 JSON parser that keeps every value's line:column.
///
/// It is iterative (an explicit stack, not recursion), so nesting is bounded by
/// ``DataLimits/maximumDepth`` and never by the thread's stack. Numbers become `Decimal`
/// straight from their text; duplicate keys, trailing commas, comments and lone surrogates
/// are errors, each located where the problem is.
struct JSONParser: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: String
    private let limits: DataLimits
    private var index: Int
    private var cursor: TextCursor
    private var valueCount = 0
    private(set) var valuePositions: [String: TextPosition] = [:]
    private(set) var keyPositions: [String: TextPosition] = [:]
    /// Whether `valuePositions` and `keyPositions` are filled. Building a pointer string and a
    /// line:column for every value costs more than the parse itself, and the positions are only
    /// read when validation finds a problem, so ``DataLoader`` parses without them first and
    /// again with them only when they are asked for (or when the fast parse fails, so that a
    /// duplicate key's message can name the first occurrence and its pointer).
    let recordsPositions: Bool

    /// `bytes` must already be valid UTF-8 (see ``UTF8Check``).
    init(bytes: UnsafeBufferPointer<UInt8>, path: String, limits: DataLimits, recordsPositions: Bool = true) {
        self.bytes = bytes
        self.path = path
        self.limits = limits
        self.recordsPositions = recordsPositions
        let start = UTF8Check.hasByteOrderMark(bytes) ? 3 : 0
        self.index = start
        self.cursor = TextCursor(start: start)
    }

    private struct Frame {
        let isObject: Bool
        let pointer: String
        var elements: [Value] = []
        var members = OrderedObject()
        var key = ""
    }

    // MARK: Document

    mutating func parseDocument() throws(DataError) -> Value {
        var frames: [Frame] = []
        var pointer = ""
        skipWhitespace()
        if index >= bytes.count {
            throw error(.syntax, "the file is empty; expected a JSON value", at: index)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw error(.syntax, "unexpected end of file; expected a value", at: index)
            }
            if recordsPositions { valuePositions[pointer] = cursor.position(at: index, in: bytes) }
            valueCount += 1
            if valueCount > limits.maximumValueCount {
                throw error(
                    .limitExceeded, "the file holds more than \(limits.maximumValueCount) values", at: index,
                    suggestion: "split the data, or raise DataLimits.maximumValueCount")
            }
            var completed: Value
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[index] == UInt8(ascii: "{")
                if frames.count + 1 > limits.maximumDepth {
                    throw error(
                        .limitExceeded, "nesting is deeper than \(limits.maximumDepth) levels", at: index,
                        suggestion: "flatten the data, or raise DataLimits.maximumDepth")
                }
                index += 1
                skipWhitespace()
                let close = UInt8(ascii: isObject ? "}" : "]")
                if index < bytes.count && bytes[index] == close {
                    index += 1
                    completed = isObject ? .object(OrderedObject()) : .array([])
                } else {
                    frames.append(Frame(isObject: isObject, pointer: pointer))
                    if isObject {
                        pointer = try parseMemberKey(into: &frames[frames.count - 1], afterComma: false)
                    } else if recordsPositions {
                        pointer += "/0"
                    }
                    continue
                }
            case UInt8(ascii: "\""):
                completed = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                completed = .number(try parseNumber())
            default:
                completed = try parseLiteral()
            }

            // Hand the finished value to its container; close containers as they end.
            while true {
                guard !frames.isEmpty else {
                    skipWhitespace()
                    if index < bytes.count {
                        throw error(
                            .syntax, "unexpected \(describeToken(at: index)) after the end of the JSON value",
                            at: index,
                            suggestion: "a JSON file holds one value; wrap several in an array [ … ]")
                    }
                    return completed
                }
                let top = frames.count - 1
                skipWhitespace()
                if frames[top].isObject {
                    frames[top].members[frames[top].key] = completed
                    if consume(",") {
                        pointer = try parseMemberKey(into: &frames[top], afterComma: true)
                        break
                    } else if consume("}") {
                        completed = .object(frames.removeLast().members)
                    } else {
                        throw expectedAfter("object member", close: "}")
                    }
                } else {
                    frames[top].elements.append(completed)
                    let commaOffset = index
                    if consume(",") {
                        skipWhitespace()
                        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                            throw error(
                                .syntax, "trailing comma before ']'", at: commaOffset,
                                suggestion: "remove the comma; JSON does not allow one after the last element")
                        }
                        if recordsPositions { pointer = frames[top].pointer + "/\(frames[top].elements.count)" }
                        break
                    } else if consume("]") {
                        completed = .array(frames.removeLast().elements)
                    } else {
                        throw expectedAfter("array element", close: "]")
                    }
                }
            }
        }
    }

    /// Parses `"key" :` and returns the member's pointer.
    private mutating func parseMemberKey(into frame: inout Frame, afterComma: Bool) throws(DataError) -> String {
        let commaOffset = index - 1
        skipWhitespace()
        guard index < bytes.count else {
            throw error(.syntax, "unexpected end of file; expected a key in double quotes", at: index)
        }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            break
        case UInt8(ascii: "}") where afterComma:
            throw error(
                .syntax, "trailing comma before '}'", at: commaOffset,
                suggestion: "remove the comma; JSON does not allow one after the last member")
        case UInt8(ascii: "'"):
            throw error(
                .syntax, "expected a key in double quotes, found a single quote", at: index,
                suggestion: "JSON strings use double quotes: \"key\"")
        default:
            let word = self.word(at: index)
            let hint = word.isEmpty ? nil : "object keys must be quoted: \"\(word)\""
            throw error(
                .syntax,
                "expected a key in double quotes\(afterComma ? "" : " or '}'"), found \(describeToken(at: index))",
                at: index, suggestion: hint)
        }
        let keyOffset = index
        let key = try parseString()
        guard recordsPositions else {
            if frame.members[key] != nil {
                throw DataError(
                    code: .duplicateKey, location: cursor.position(at: keyOffset, in: bytes).location(in: path),
                    message: "duplicate key \"\(key)\"",
                    suggestion: "each key may appear once in an object; remove or rename one of them")
            }
            skipWhitespace()
            guard consume(":") else {
                throw error(.syntax, "expected ':' after object key, found \(describeToken(at: index))", at: index)
            }
            frame.key = key
            return ""
        }
        let keyPosition = cursor.position(at: keyOffset, in: bytes)
        let pointer = frame.pointer + "/" + JSONPointer.escape(key)
        if frame.members[key] != nil {
            let first = keyPositions[pointer].map { " (first at line \($0.line), column \($0.column))" } ?? ""
            throw DataError(
                code: .duplicateKey, pointer: pointer, location: keyPosition.location(in: path),
                message: "duplicate key \"\(key)\"\(first)",
                suggestion: "each key may appear once in an object; remove or rename one of them")
        }
        keyPositions[pointer] = keyPosition
        skipWhitespace()
        guard consume(":") else {
            throw error(.syntax, "expected ':' after object key, found \(describeToken(at: index))", at: index)
        }
        frame.key = key
        return pointer
    }

    // MARK: Scalars

    private mutating func parseString() throws(DataError) -> String {
        let quoteOffset = index
        index += 1
        let start = index
        // Fast path: no escapes, so the slice is the string (bytes are valid UTF-8 already).
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte, quoteOffset: quoteOffset) }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0..<0x20:
                throw controlCharacter(byte, quoteOffset: quoteOffset)
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw error(
            .syntax, "string is not closed; expected '\"'", at: quoteOffset,
            suggestion: "add the closing double quote")
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(DataError) {
        let escapeOffset = index
        index += 1
        guard index < bytes.count else {
            throw error(.syntax, "unexpected end of file in an escape sequence", at: escapeOffset)
        }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let first = try parseHex4(escapeOffset: escapeOffset)
            var scalarValue = UInt32(first)
            if (0xD800...0xDBFF).contains(first) {
                let lowOffset = index
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw error(
                        .syntax,
                        "unpaired surrogate \\u\(hex4(first)): a high surrogate must be followed by a low one (\\uDC00–\\uDFFF)",
                        at: escapeOffset)
                }
                index += 2
                let second = try parseHex4(escapeOffset: lowOffset)
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw error(
                        .syntax,
                        "unpaired surrogate \\u\(hex4(first)): expected a low surrogate (\\uDC00–\\uDFFF), found \\u\(hex4(second))",
                        at: lowOffset)
                }
                scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(first) {
                throw error(
                    .syntax, "unpaired surrogate \\u\(hex4(first)): a low surrogate must follow a high one",
                    at: escapeOffset)
            }
            // Valid by construction: not a surrogate, at most U+10FFFF.
            buffer.append(contentsOf: Array(String(Unicode.Scalar(scalarValue)!).utf8))
        default:
            let shown = byte < 0x80 && byte >= 0x20 ? String(UnicodeScalar(byte)) : "…"
            throw error(
                .syntax, "invalid escape sequence '\\\(shown)'", at: escapeOffset,
                suggestion:
                    "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write \\\\ for a backslash")
        }
    }

    private mutating func parseHex4(escapeOffset: Int) throws(DataError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw error(.syntax, "expected four hexadecimal digits after '\\u'", at: escapeOffset)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private func hex4(_ value: UInt16) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - text.count) + text
    }

    private mutating func parseNumber() throws(DataError) -> Decimal {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error(.syntax, "expected a digit after '-', found \(describeToken(at: index))", at: index)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error(
                    .syntax, "numbers must not have leading zeros", at: start,
                    suggestion: "if it is a code such as a postcode or phone number, write it as a string in quotes")
            }
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.syntax, "expected a digit after the decimal point", at: index)
            }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.syntax, "expected a digit in the exponent", at: index)
            }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        switch ExactDecimal.decimal(fromJSONNumber: text) {
        case .success(let value):
            return value
        case .failure(let failure):
            let (message, suggestion) = ExactDecimal.describe(failure, text: text)
            throw error(.numberOutOfRange, message, at: start, suggestion: suggestion)
        }
    }

    private mutating func parseLiteral() throws(DataError) -> Value {
        let word = self.word(at: index)
        switch word {
        case "true":
            index += 4
            return .bool(true)
        case "false":
            index += 5
            return .bool(false)
        case "null":
            index += 4
            return .null
        default: break
        }
        var suggestion: String?
        switch bytes[index] {
        case UInt8(ascii: "'"):
            suggestion = "JSON strings use double quotes: \"…\""
        case UInt8(ascii: "/"):
            throw error(
                .syntax, "comments are not allowed in JSON", at: index,
                suggestion: "remove the comment, or write the data as YAML")
        case UInt8(ascii: "+"), UInt8(ascii: "."):
            suggestion = "JSON numbers start with a digit or '-' (write 0.5, not .5 or +0.5)"
        default:
            let lower = word.lowercased()
            if ["true", "false", "null"].contains(lower) {
                suggestion = "did you mean \(lower)? JSON literals are lowercase"
            } else if ["nan", "infinity", "-infinity"].contains(lower) {
                suggestion = "JSON has no \(word); use null or a string"
            } else if !word.isEmpty {
                suggestion = "if this is text, put it in double quotes: \"\(word)\""
            }
        }
        throw error(
            .syntax,
            "expected a value (string, number, object, array, true, false or null), found \(describeToken(at: index))",
            at: index, suggestion: suggestion)
    }

    // MARK: Helpers

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func consume(_ ascii: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: ascii) else { return false }
        index += 1
        return true
    }

    /// The run of letters, digits, `-`, `_` and `.` at `offset` (for messages about bare words).
    private func word(at offset: Int) -> String {
        var end = offset
        while end < bytes.count, end - offset < 40 {
            let byte = bytes[end]
            let isWordByte =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte >= 0x80
            guard isWordByte else { break }
            end += 1
        }
        // Never cut a UTF-8 sequence in half.
        while end > offset, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }

    /// How the text at `offset` is named in messages: `'}'`, `"abc"` or `end of file`.
    private func describeToken(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let word = self.word(at: offset)
        if !word.isEmpty { return "'\(word)'" }
        let byte = bytes[offset]
        switch byte {
        case 0x0A, 0x0D: return "end of line"
        case 0x20..<0x7F: return "'\(Character(UnicodeScalar(byte)))'"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }

    private mutating func expectedAfter(_ what: String, close: Character) -> DataError {
        guard index < bytes.count else {
            return error(.syntax, "unexpected end of file; expected ',' or '\(close)' after \(what)", at: index)
        }
        var suggestion: String?
        if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[")
        {
            suggestion = "a comma may be missing at the end of the previous line"
        }
        return error(.syntax, "expected ',' or '\(close)' after \(what)", at: index, suggestion: suggestion)
    }

    private mutating func controlCharacter(_ byte: UInt8, quoteOffset: Int) -> DataError {
        if byte == 0x0A || byte == 0x0D {
            return error(
                .syntax, "line break inside a string", at: index,
                suggestion:
                    "close the string with '\"' on the line where it starts (line \(cursor.position(at: quoteOffset, in: bytes).line)), or write \\n for a line break"
            )
        }
        let code = String(byte, radix: 16, uppercase: true)
        return error(
            .syntax,
            "control character U+\(String(repeating: "0", count: 4 - code.count) + code) must be escaped in a string",
            at: index,
            suggestion: byte == 0x09
                ? "write \\t for a tab" : "write it as \\u\(String(repeating: "0", count: 4 - code.count) + code)")
    }

    private mutating func error(_ code: DataError.Code, _ message: String, at offset: Int, suggestion: String? = nil)
        -> DataError
    {
        DataError(
            code: code, location: cursor.position(at: offset, in: bytes).location(in: path), message: message,
            suggestion: suggestion)
    }
}
