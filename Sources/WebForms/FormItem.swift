import TemplateData

/// One thing the page shows for a schema node at one data pointer: a field, a group of
/// fields (an object), or a repeatable list. Built from the schema and the current values
/// before any HTML is written, so errors can be placed first.
struct FormItem: Sendable {
    enum Control: Sendable, Equatable {
        case text
        case textarea
        case date
        case number(integer: Bool)
        case choice([Value])
        case checkbox
        case nationalID(NationalIdentifier)
    }

    enum Kind: Sendable {
        case field(Control)
        case group([FormItem])
        /// Rows, the list's schema and the most rows allowed.
        case list(rows: [FormItem], maxItems: Int?)
    }

    let pointer: JSONPointer
    /// Object keys from the root, array steps left out: the message id path (`guardians.name`).
    let keys: [String]
    let schema: SchemaOutline
    var kind: Kind
    /// Required where it stands (and every enclosing object is required too).
    let isRequired: Bool
    /// A row of a list (labelled by its number rather than the schema).
    let rowNumber: Int?
    let value: Value?
    var errors: [String] = []

    var id: String { FieldID.field(pointer) }
    var name: String { pointer.description }
}

/// HTML ids from JSON pointers: `/child/date_of_birth` → `f.child.date_of_birth`; help and
/// error texts get `h.` and `e.`, groups `g.`. Any character other than `A–Z a–z 0–9 _ -`
/// in a key is written `~HH` per UTF-8 byte, so ids stay unique and need no quoting in CSS
/// or URL fragments. The script computes the same ids when it renumbers rows.
enum FieldID {
    static func encoded(_ pointer: JSONPointer) -> String {
        var out = ""
        for token in pointer.tokens {
            out += "."
            for byte in token.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "~" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
        }
        return out
    }
    static func field(_ pointer: JSONPointer) -> String { "f" + encoded(pointer) }
    static func help(_ pointer: JSONPointer) -> String { "h" + encoded(pointer) }
    static func error(_ pointer: JSONPointer) -> String { "e" + encoded(pointer) }
    static func group(_ pointer: JSONPointer) -> String { "g" + encoded(pointer) }
    static func check(_ pointer: JSONPointer) -> String { "c" + encoded(pointer) }
}

extension SchemaOutline {
    /// The first declared type other than `null`; `string` when none is declared.
    var mainType: String {
        types.first { $0 != "null" } ?? (enumValues != nil ? "string" : properties.isEmpty ? (items != nil ? "array" : "string") : "object")
    }
}

/// Builds the ``FormItem`` tree.
struct FormLayout {
    /// Rows drawn for a list never exceed this, whatever `maxItems` says.
    static let maximumRows = 200

    static func items(for schema: DataSchema, values: Value?) -> [FormItem] {
        let root = schema.outline
        guard case .group(let children) = item(root, pointer: .root, keys: [], required: true, rowNumber: nil, value: values).kind
        else { return [] }
        return children
    }

    static func item(_ schema: SchemaOutline, pointer: JSONPointer, keys: [String], required: Bool, rowNumber: Int?, value: Value?)
        -> FormItem
    {
        let kind: FormItem.Kind
        switch schema.mainType {
        case "object":
            let requiredKeys = Set(schema.required)
            let children = schema.properties.map { property in
                item(
                    property.schema, pointer: pointer.appending(property.name), keys: keys + [property.name],
                    required: required && requiredKeys.contains(property.name), rowNumber: nil, value: value?[property.name])
            }
            kind = .group(children)
        case "array":
            let itemSchema = schema.items ?? SchemaOutline.plainText
            var existing: [Value] = []
            if case .array(let values) = value { existing = values }
            var count = max(existing.count, schema.minItems ?? 0)
            // One empty row more: a list grows without the script too.
            if count < (schema.maxItems ?? Int.max) { count += 1 }
            count = min(count, schema.maxItems ?? Int.max, maximumRows)
            let rows = (0..<count).map { index in
                item(
                    itemSchema, pointer: pointer.appending(index: index), keys: keys, required: true, rowNumber: index + 1,
                    value: index < existing.count ? existing[index] : nil)
            }
            kind = .list(rows: rows, maxItems: schema.maxItems)
        case "boolean":
            kind = .field(.checkbox)
        case "number", "integer":
            kind = schema.enumValues.map { .field(.choice($0)) } ?? .field(.number(integer: schema.mainType == "integer"))
        default:
            if let values = schema.enumValues {
                kind = .field(.choice(values))
            } else if let format = schema.format, let identifier = NationalIdentifier(rawValue: format) {
                kind = .field(.nationalID(identifier))
            } else if schema.format == "date" {
                kind = .field(.date)
            } else if (schema.maxLength ?? 0) > 200 {
                kind = .field(.textarea)
            } else {
                kind = .field(.text)
            }
        }
        return FormItem(
            pointer: pointer, keys: keys, schema: schema, kind: kind, isRequired: required, rowNumber: rowNumber, value: value)
    }
}

extension SchemaOutline {
    /// The items of a list whose schema says nothing about them: text.
    static let plainText: SchemaOutline = {
        // Built from a one-line schema so the outline type keeps a single initializer.
        let schema = try! DataSchema(text: #"{"type": "string"}"#, path: "items.json")
        return schema.outline
    }()
}

/// How a value is written in a form control, and read back.
enum FormText {
    static func of(_ value: Value) -> String {
        switch value {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .number(let d): "\(d)"
        case .string(let s): s
        case .array, .object: ""
        }
    }
}
