public import Localization
public import TemplateData

/// A problem the server found in submitted data: where (`/child/cnp`) and what kind
/// (a ``DataError/Code`` raw value: `required`, `format`, `range`…).
public struct FieldProblem: Sendable, Hashable {
    public var pointer: String
    public var code: String

    public init(pointer: String, code: String) {
        self.pointer = pointer
        self.code = code
    }
}

extension WebForm {
    /// The server's problems as messages in the page's language, each at its field: a national
    /// ID is checked again to name what is wrong with it (`form.id.checksum`), the other kinds
    /// have one message each (`form.error.<code>`). A problem at a required property that is
    /// missing is shown at that property.
    ///
    /// ```swift
    /// WebForm.fieldErrors([FieldProblem(pointer: "/child/cnp", code: "format")],
    ///                     schema: schema, data: data, messages: messages, locale: .ro)
    /// // [FormFieldError(pointer: /child/cnp, message: "Cifra de control nu corespunde …")]
    /// ```
    public static func fieldErrors(
        _ problems: [FieldProblem], schema: DataSchema, data: Value, messages: FormMessages, locale: LocaleID
    ) -> [FormFieldError] {
        var out: [FormFieldError] = []
        for problem in problems {
            guard let pointer = JSONPointer(problem.pointer) else { continue }
            let id = messageID(for: problem, pointer: pointer, schema: schema, data: data)
            let source = ui[id] ?? ui["form.error.invalid"]!
            let error = FormFieldError(pointer: pointer, message: messages.text(id, source, locale: locale))
            if !out.contains(error) { out.append(error) }
        }
        return out
    }

    static func messageID(for problem: FieldProblem, pointer: JSONPointer, schema: DataSchema, data: Value) -> String {
        let node = outline(at: pointer, in: schema.outline)
        switch problem.code {
        case "format":
            if let format = node?.format, let kind = NationalIdentifier(rawValue: format),
               case .string(let text)? = data[pointer: pointer], let found = kind.problem(in: text) {
                return "form.id.\(found.reason.rawValue)"
            }
            if node?.format == "date" { return "form.error.date" }
            return "form.error.format"
        case "length":
            if case .string(let text)? = data[pointer: pointer], let minimum = node?.minLength, text.count < minimum {
                return "form.error.too-short"
            }
            return "form.error.too-long"
        case "required", "type", "pattern", "range", "item-count", "not-allowed", "unknown-property":
            return "form.error.\(problem.code)"
        default:
            return "form.error.invalid"
        }
    }

    /// The schema of the value at `pointer` (array indices step into `items`).
    static func outline(at pointer: JSONPointer, in root: SchemaOutline) -> SchemaOutline? {
        var node: SchemaOutline? = root
        for token in pointer.tokens {
            guard let current = node else { return nil }
            node = current.property(token) ?? (Int(token) != nil ? current.items : nil)
        }
        return node
    }
}

extension FormMessages {
    /// One of the form's own messages (`form.ui.*`, `form.error.*`, `form.id.*`) in `locale`.
    public func uiText(_ id: String, locale: LocaleID) -> String {
        text(id, WebForm.ui[id] ?? id, locale: locale)
    }
}
