public import Template
public import TemplateData
import Localization

/// A data path a template reads, with loop variables resolved: `attendees[].name` for
/// `{{ a.name }}` inside `{% for a in attendees %}`.
public struct DataPathUse: Sendable, Hashable {
    public enum Use: String, Sendable, Hashable {
        /// Printed: `{{ path }}`, a message argument.
        case value
        /// Tested: `{% if path %}`.
        case condition
        /// Looped over: `{% for x in path %}`.
        case list
    }

    /// Object keys, `"[]"` for the items of a list.
    public let keys: [String]
    public let use: Use
    /// The filter applied directly to the path, if any (`date`, `number`, `count`, …).
    public let filter: String?
    /// Index into the template's places (1-based).
    public let place: Int

    /// `attendees[].name`
    public var dotted: String {
        var text = ""
        for key in keys {
            if key == "[]" { text += "[]" } else { text += text.isEmpty ? key : ".\(key)" }
        }
        return text
    }
}

/// A tag as typed in the document, for `formwright inspect`.
public struct TagUse: Sendable, Hashable {
    public let place: String
    public let source: String
}

extension OfficeTemplate {
    /// Every data path the template reads, in document order.
    public var dataPaths: [DataPathUse] {
        var uses: [DataPathUse] = []
        var scopes: [(variable: String, keys: [String])] = []
        func resolve(_ path: [String]) -> [String]? {
            guard let head = path.first else { return nil }
            if head == "loop" { return nil }
            if let scope = scopes.last(where: { $0.variable == head }) { return scope.keys + ["[]"] + path.dropFirst() }
            return path
        }
        func visit(_ expression: Expression, use: DataPathUse.Use, filter: String? = nil, place: Int) {
            switch expression {
            case .path(let p):
                if let keys = resolve(p) { uses.append(DataPathUse(keys: keys, use: use, filter: filter, place: place)) }
            case .not(let e): visit(e, use: use, place: place)
            case .and(let a, let b), .or(let a, let b):
                visit(a, use: use, place: place)
                visit(b, use: use, place: place)
            case .compare(let a, _, let b):
                visit(a, use: .value, place: place)
                visit(b, use: .value, place: place)
            case .arithmetic(let a, _, let b, _):
                visit(a, use: .value, filter: "number", place: place)
                visit(b, use: .value, filter: "number", place: place)
            case .filter(let input, let name, let arguments, _):
                visit(input, use: name == "count" || name == "join" || name == "sum" || name == "where" || name == "distinct" ? .list : use, filter: name, place: place)
                for argument in arguments { visit(argument, use: .value, place: place) }
            default:
                break
            }
        }
        func walk(_ pieces: [Piece]) {
            for piece in pieces {
                switch piece {
                case .value(let e, let location, _): visit(e, use: .value, place: location.line)
                case .condition(let branches):
                    for branch in branches {
                        if let c = branch.condition { visit(c, use: .condition, place: branch.location.line) }
                        walk(branch.body)
                    }
                case .loop(let variable, let source, let location, let body, _):
                    visit(source, use: .list, place: location.line)
                    guard case .path(let p) = source, let keys = resolve(p) else {
                        scopes.append((variable, ["?"]))
                        walk(body)
                        scopes.removeLast()
                        continue
                    }
                    scopes.append((variable, keys))
                    walk(body)
                    scopes.removeLast()
                case .message(_, let arguments, let location, _, _, _):
                    for argument in arguments { visit(argument.expression, use: .value, place: location.line) }
                case .cellContent(let body), .columnTable(_, let body), .note(_, _, let body): walk(body)
                case .imageStart(let slot): visit(slot.expression, use: .value, filter: "image", place: slot.location.line)
                case .bytes, .locale, .unique, .numbering, .numberingRestarts, .imageValue, .imageIndex, .columnGrid, .columnWidth, .columnSpan, .columnCount, .noteReference, .noteID: break
                }
            }
        }
        for part in parts { if case .compiled(let pieces) = part.content { walk(pieces) } }
        return uses
    }

    /// The paths the template reads that `schema` does not declare, as located errors with
    /// a "did you mean". Rendering such a template would print nothing where they are used.
    public func undeclaredPaths(in schema: DataSchema) -> [TemplateError] {
        var errors: [TemplateError] = []
        var seen: Set<String> = []
        for use in dataPaths where !use.keys.contains("?") {
            let result = schema.lookup(use.keys)
            let message: String, suggestion: String?
            switch result {
            case .declared: continue
            case .undeclared(let index, let known):
                let key = use.keys[index]
                let parent = DataPathUse(keys: Array(use.keys[..<index]), use: use.use, filter: nil, place: use.place).dotted
                message = "'\(use.dotted)' is not in the schema: \(parent.isEmpty ? "the data" : "'\(parent)'") has no '\(key)'"
                suggestion = Spelling.closest(to: key, among: known).map { "did you mean '\($0)'?" }
                    ?? (known.isEmpty ? "declare it in \(schema.path)" : "declare it in \(schema.path), or use one of: \(known.prefix(8).joined(separator: ", "))")
            case .notAContainer(let index):
                let parent = DataPathUse(keys: Array(use.keys[..<index]), use: use.use, filter: nil, place: use.place).dotted
                message = "'\(use.dotted)' reads into '\(parent)', which the schema does not declare as an object or list"
                suggestion = "check the path, or change the type in \(schema.path)"
            }
            guard seen.insert("\(use.place) \(use.dotted)").inserted else { continue }
            let place = definition.places.indices.contains(use.place - 1) ? definition.places[use.place - 1] : nil
            var error = TemplateError(code: "office.undeclared-path", file: definition.file, line: use.place, column: 0, message: message,
                                      suggestion: suggestion, sourceLine: place?.text)
            error.place = place?.description ?? "unknown place"
            errors.append(error)
        }
        return errors
    }

    /// A draft JSON Schema for the paths the template reads: objects from dotted paths, lists
    /// from loops, booleans from bare conditions, dates and numbers from their filters.
    public func draftSchema(title: String) -> String {
        final class Draft {
            var kind = "string"
            var format: String?
            var properties: [(String, Draft)] = []
            var items: Draft?
            func child(_ key: String) -> Draft {
                kind = "object"
                if let existing = properties.first(where: { $0.0 == key }) { return existing.1 }
                let d = Draft()
                properties.append((key, d))
                return d
            }
        }
        let root = Draft()
        root.kind = "object"
        for use in dataPaths where !use.keys.contains("?") {
            var node = root
            for key in use.keys {
                if key == "[]" {
                    node.kind = "array"
                    if node.items == nil { node.items = Draft() }
                    node = node.items!
                } else {
                    node = node.child(key)
                }
            }
            guard node.properties.isEmpty, node.items == nil else { continue }
            switch (use.use, use.filter) {
            case (.list, _): if node.kind != "object" { node.kind = "array" }
            case (.condition, _) where node.kind == "string": node.kind = "boolean"
            case (_, "date"?): node.kind = "string"; node.format = "date"
            case (_, "number"?), (_, "sum"?): node.kind = "number"
            case (_, "money"?): node.kind = "number"
            default: break
            }
        }
        func quote(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func render(_ d: Draft, indent: String) -> String {
            var lines: [String] = ["\"type\": \(quote(d.kind))"]
            if let format = d.format { lines.append("\"format\": \(quote(format))") }
            if d.kind == "object" {
                let props = d.properties.map { "\(indent)    \(quote($0.0)): {\n\(render($0.1, indent: indent + "    "))\n\(indent)    }" }
                lines.append("\"properties\": {\n" + props.joined(separator: ",\n") + "\n\(indent)  }")
                lines.append("\"additionalProperties\": false")
            }
            if d.kind == "array" {
                let items = d.items ?? Draft()
                lines.append("\"items\": {\n\(render(items, indent: indent + "  "))\n\(indent)  }")
            }
            return lines.map { "\(indent)  \($0)" }.joined(separator: ",\n")
        }
        return "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": \(quote(title)),\n" + render(root, indent: "") + "\n}\n"
    }
}
