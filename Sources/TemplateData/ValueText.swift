import Foundation

/// How values are shown inside messages: short, quoted, never a whole subtree.
enum ValueText {
    /// `"22.11.2026"`, `number 12.5`, `true`, `null`, `a list of 3 items`, `an object`.
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let d): "number \(d)"
        case .string(let s): quoted(s)
        case .array(let a): a.count == 1 ? "a list of 1 item" : "a list of \(a.count) items"
        case .object: "an object"
        }
    }

    /// A value as written in a list of allowed values: strings quoted, others as JSON.
    static func literal(_ value: Value) -> String {
        switch value {
        case .number(let d): "\(d)"
        case .string(let s): quoted(s)
        default: describe(value)
        }
    }

    /// The string in double quotes, cut to 60 characters, with line breaks shown as `\n`.
    static func quoted(_ s: String) -> String {
        var shown = s.count > 60 ? String(s.prefix(57)) + "…" : s
        shown = shown.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(shown)\""
    }
}
