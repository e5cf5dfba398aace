public import TemplateData
import Foundation

/// What a posted form carries: the data, and the form's own control fields.
public struct FormSubmission: Sendable, Hashable {
    /// The data, shaped as the schema expects.
    public var data: Value
    /// `_format`: the format button pressed (`odt`, `docx`, `pdf`, or `png` for the preview), if any.
    public var format: String?
    /// `_csrf`, to compare with the token the page was given.
    public var csrfToken: String?
    /// The list whose "add a row" button was pressed without the script (`_action=add:/guardians`):
    /// the server shows the page again with ``data`` (it always ends a list with an empty row).
    public var addRowTo: JSONPointer?
}

/// A field of a posted form that cannot become data. `field` is the name as posted (the JSON
/// pointer of the value), so a server can show it at the field.
public struct FormDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case malformedBody = "malformed-body"
        case unknownField = "unknown-field"
        case notANumber = "not-a-number"
        case notAWholeNumber = "not-a-whole-number"
        case notABoolean = "not-a-boolean"
        case notAChoice = "not-a-choice"
        case tooManyRows = "too-many-rows"
    }

    public let code: Code
    /// Where the value goes; nil when the body itself is broken.
    public let pointer: JSONPointer?
    public let message: String
    public let suggestion: String?

    public var description: String {
        var text = "\(pointer.map { "field \($0.description.isEmpty ? "/" : $0.description)" } ?? "form body"): error: \(message)"
        if let suggestion { text += " (\(suggestion))" }
        return text
    }
}

/// Every problem of one posted form.
public struct FormDecodingErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public let errors: [FormDecodingError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension WebForm {
    /// Array indices above this are refused (a posted name is not allowed to allocate a huge list).
    public static let maximumRowIndex = 999

    /// Turns an `application/x-www-form-urlencoded` body from ``page(_:)`` back into the data the
    /// schema expects: numbers and integers as numbers, checkboxes as booleans, enum choices as the
    /// enum's own values, dates as `YYYY-MM-DD` strings, list rows in index order with empty rows
    /// dropped, empty optional fields (and objects left wholly empty) omitted. Names starting
    /// with `_` are the form's controls, not data.
    ///
    /// ```swift
    /// let data = try WebForm.decode(urlEncoded: Array("%2Fchild%2Fage=10".utf8), schema: schema)
    /// data[path: ["child", "age"]]   // .number(10)
    /// ```
    ///
    /// - Throws: ``FormDecodingErrors`` with every field that cannot become data.
    public static func decode(urlEncoded body: [UInt8], schema: DataSchema) throws(FormDecodingErrors) -> Value {
        try submission(urlEncoded: body, schema: schema).data
    }

    /// ``decode(urlEncoded:schema:)`` and the control fields.
    public static func submission(urlEncoded body: [UInt8], schema: DataSchema) throws(FormDecodingErrors) -> FormSubmission {
        var decoder = FormDecoder(schema: schema.outline)
        var submission = FormSubmission(data: .object(OrderedObject()))
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = FormDecoder.percentDecoded(parts[0]), let value = FormDecoder.percentDecoded(parts.count > 1 ? parts[1] : [])
            else {
                decoder.errors.append(FormDecodingError(
                    code: .malformedBody, pointer: nil, message: "a field name or value is not valid percent-encoded UTF-8",
                    suggestion: "send the form as application/x-www-form-urlencoded in UTF-8"))
                continue
            }
            if name.hasPrefix("_") {
                switch name {
                case "_format": submission.format = value
                case "_csrf": submission.csrfToken = value
                case "_action" where value.hasPrefix("add:"): submission.addRowTo = JSONPointer(String(value.dropFirst(4)))
                default: break
                }
                continue
            }
            decoder.add(name: name, value: value)
        }
        let data = decoder.build(decoder.schema, decoder.tree, pointer: .root, inList: false) ?? .object(OrderedObject())
        guard decoder.errors.isEmpty else { throw FormDecodingErrors(errors: decoder.errors) }
        submission.data = data
        return submission
    }
}

/// Posted names and values, checked against the schema and then assembled.
struct FormDecoder {
    /// What was posted below one pointer.
    final class Node {
        var value: String?
        var children: [String: Node] = [:]
    }

    let schema: SchemaOutline
    let tree = Node()
    var errors: [FormDecodingError] = []

    init(schema: SchemaOutline) { self.schema = schema }

    mutating func add(name: String, value: String) {
        guard let pointer = JSONPointer(name), !pointer.tokens.isEmpty else {
            errors.append(.init(
                code: .unknownField, pointer: nil, message: "the field name \(Self.shown(name)) is not a JSON pointer into the data",
                suggestion: "post the form as the page draws it: field names such as /child/date_of_birth"))
            return
        }
        var node = schema, target = tree
        for (index, token) in pointer.tokens.enumerated() {
            let here = JSONPointer(tokens: Array(pointer.tokens[...index]))
            switch node.mainType {
            case "object":
                guard let child = node.property(token) else {
                    errors.append(.init(
                        code: .unknownField, pointer: here, message: "the schema has no field \(Self.shown(token)) here",
                        suggestion: node.properties.isEmpty ? nil : "known fields: " + node.properties.map(\.name).joined(separator: ", ")))
                    return
                }
                node = child
            case "array":
                guard let row = Int(token), row >= 0, String(row) == token else {
                    errors.append(.init(code: .unknownField, pointer: here, message: "a list row must be numbered 0, 1, 2, …", suggestion: nil))
                    return
                }
                guard row <= WebForm.maximumRowIndex else {
                    errors.append(.init(
                        code: .tooManyRows, pointer: here, message: "row \(row + 1) is beyond the \(WebForm.maximumRowIndex + 1) rows a form can post",
                        suggestion: nil))
                    return
                }
                node = node.items ?? SchemaOutline.plainText
            default:
                errors.append(.init(code: .unknownField, pointer: here, message: "this field holds a single value, not fields of its own", suggestion: nil))
                return
            }
            if let existing = target.children[token] {
                target = existing
            } else {
                let created = Node()
                target.children[token] = created
                target = created
            }
        }
        // For a checkbox the hidden `false` comes first and a checked box's `true` after it: the last value wins.
        target.value = value
    }

    mutating func build(_ schema: SchemaOutline, _ node: Node, pointer: JSONPointer, inList: Bool) -> Value? {
        switch schema.mainType {
        case "object":
            var object = OrderedObject()
            for property in schema.properties {
                guard let child = node.children[property.name] else { continue }
                if let value = build(property.schema, child, pointer: pointer.appending(property.name), inList: false) {
                    object[property.name] = value
                }
            }
            if object.isEmpty { return nil }
            // An empty row with its unchecked boxes is still an empty row.
            if inList, Self.isBlank(.object(object)) { return nil }
            return .object(object)
        case "array":
            let itemSchema = schema.items ?? SchemaOutline.plainText
            let rows = node.children.compactMap { key, child in Int(key).map { ($0, child) } }.sorted { $0.0 < $1.0 }
            let values = rows.compactMap { build(itemSchema, $0.1, pointer: pointer.appending(index: $0.0), inList: true) }
            return values.isEmpty ? nil : .array(values)
        default:
            guard let text = node.value else { return nil }
            return leaf(schema, text, pointer: pointer)
        }
    }

    mutating func leaf(_ schema: SchemaOutline, _ text: String, pointer: JSONPointer) -> Value? {
        if let choices = schema.enumValues {
            if text.isEmpty { return nil }
            if let match = choices.first(where: { FormText.of($0) == text && $0 != .null }) { return match }
            errors.append(.init(
                code: .notAChoice, pointer: pointer, message: "\(Self.shown(text)) is not one of the choices",
                suggestion: "choose one of: " + choices.map(FormText.of).joined(separator: ", ")))
            return nil
        }
        switch schema.mainType {
        case "boolean":
            switch text {
            case "true", "on": return .bool(true)
            case "false", "": return .bool(false)
            default:
                errors.append(.init(code: .notABoolean, pointer: pointer, message: "a checkbox sends true or false, not \(Self.shown(text))", suggestion: nil))
                return nil
            }
        case "number", "integer":
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let number = Self.number(trimmed) else {
                errors.append(.init(
                    code: .notANumber, pointer: pointer, message: "\(Self.shown(text)) is not a number",
                    suggestion: "write digits with a decimal point or comma, e.g. 12.5"))
                return nil
            }
            if schema.mainType == "integer", !number.isWholeNumber {
                errors.append(.init(code: .notAWholeNumber, pointer: pointer, message: "\(Self.shown(text)) is not a whole number", suggestion: nil))
                return nil
            }
            return .number(number)
        default:
            // Browsers send a textarea's line breaks as CR LF.
            return text.isEmpty ? nil : .string(text.replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }

    /// Unchecked boxes, and objects of nothing else: what an untouched row posts.
    static func isBlank(_ value: Value) -> Bool {
        switch value {
        case .bool(false): true
        case .object(let object): object.allSatisfy { isBlank($0.value) }
        default: false
        }
    }

    /// JSON number text, or the same with one decimal comma (`12,5`) as people type it in bg, ro and it.
    static func number(_ text: String) -> Decimal? {
        var text = text
        if !text.contains("."), text.filter({ $0 == "," }).count == 1 { text = text.replacingOccurrences(of: ",", with: ".") }
        if text.hasPrefix("+") { text.removeFirst() }
        guard text.range(of: #"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil else { return nil }
        // Leading zeros are not JSON, but "007" typed in a box is 7.
        var digits = Substring(text), sign = ""
        if digits.hasPrefix("-") { sign = "-"; digits = digits.dropFirst() }
        while digits.count > 1, digits.first == "0", digits.dropFirst().first?.isNumber == true { digits = digits.dropFirst() }
        guard case .success(let value) = ExactDecimal.decimal(fromJSONNumber: sign + digits) else { return nil }
        return value
    }

    /// A value in a message: quoted, and cut when long (never a whole posted text).
    static func shown(_ text: String) -> String {
        "\"" + (text.count > 30 ? String(text.prefix(27)) + "…" : text) + "\""
    }

    /// `application/x-www-form-urlencoded` decoding: `+` is a space, `%HH` a byte; nil unless UTF-8.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) else { return nil }
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(validating: out, as: UTF8.self)
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
