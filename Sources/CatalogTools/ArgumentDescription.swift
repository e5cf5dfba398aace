import DocumentModel
import Localization
import Template

/// What a translator needs to know about a message argument: what kind of value it is and
/// where it comes from, written as an extracted comment (`#.`) in the POT.
///
/// ```swift
/// // <t id="plan.children" count="children | count">{count, plural, one {# child} other {# children}}</t>
/// ArgumentDescription.comment(for: message)
/// // "{count}: number (plural) = children | count"
/// ```
enum ArgumentDescription {
    /// One comment line for the arguments of a message, or nil when it has none.
    static func comment(for message: MessageSource) -> String? {
        let used = (try? MessageFormat(message.source).arguments) ?? []
        var names = used.map(\.name)
        for bound in message.arguments where !names.contains(bound.name) { names.append(bound.name) }
        guard !names.isEmpty else { return nil }
        let parts = names.map { name -> String in
            let kind = used.first { $0.name == name }?.kind
            let expression = message.arguments.first { $0.name == name }?.expression
            var text = "{\(name)}: \(type(kind: kind, expression: expression))"
            if let expression { text += " = \(source(of: expression))" }
            return text
        }
        return "Arguments: " + parts.joined(separator: "; ")
    }

    /// The value's type as a translator reads it: what the message does with it, else what
    /// the bound expression yields.
    static func type(kind: MessageArgument.Kind?, expression: Expression?) -> String {
        switch kind {
        case .plural: return "number (plural)"
        case .selectordinal: return "number (ordinal)"
        case .number: return "number"
        case .date: return "date"
        case .time: return "time"
        case .spellout: return "number (in words)"
        case .select: return "choice (select)"
        case .plain, nil: break
        }
        guard let expression else { return "text" }
        return type(of: expression)
    }

    static func type(of expression: Expression) -> String {
        switch expression {
        case .string: "text"
        case .number: "number"
        case .bool, .not, .and, .or, .compare: "yes/no"
        case .null: "empty"
        case .field(.pageNumber): "page number"
        case .field(.pageCount): "page count"
        case .reference: "article reference (e.g. Article 3)"
        case .arithmetic: "number"
        case .path: "text"
        case .filter(let inner, let name, _, _):
            switch name {
            case "date": "formatted date"
            case "number", "count", "sum": "number"
            case "money": "formatted amount"
            case "words": "amount in words"
            case "join": "list of texts"
            case "default", "upper", "lower", "mask": name == "default" ? type(of: inner) : "text"
            default: type(of: inner)
            }
        }
    }

    /// The expression as it would be written in the template.
    static func source(of expression: Expression) -> String {
        switch expression {
        case .path(let parts): parts.joined(separator: ".")
        case .string(let text): "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .field(.pageNumber): "$page"
        case .field(.pageCount): "$pages"
        case .not(let inner): "not " + grouped(inner)
        case .and(let a, let b): grouped(a) + " and " + grouped(b)
        case .or(let a, let b): grouped(a) + " or " + grouped(b)
        case .compare(let a, let op, let b): grouped(a) + " " + op.rawValue + " " + grouped(b)
        case .filter(let inner, let name, let arguments, _):
            source(of: inner) + " | " + name + (arguments.isEmpty ? "" : ":" + arguments.map(source(of:)).joined(separator: ", "))
        case .arithmetic(let a, let op, let b, _): grouped(a) + " " + op.rawValue + " " + grouped(b)
        case .reference(let name): "ref:" + name
        }
    }

    private static func grouped(_ expression: Expression) -> String {
        switch expression {
        case .and, .or, .compare, .filter, .arithmetic: "(" + source(of: expression) + ")"
        default: source(of: expression)
        }
    }
}
