public import Template
public import TemplateData
import Localization

/// A tag as typed in the document, for `formwright inspect`.
public struct TagUse: Sendable, Hashable {
    public let place: String
    public let source: String
}

extension OfficeTemplate {
    /// Every expression of the template with its loops and conditions, for path analysis.
    public var expressionUses: [ExpressionUse] {
        func uses(_ pieces: [Piece]) -> [ExpressionUse] {
            pieces.flatMap { piece -> [ExpressionUse] in
                switch piece {
                case .value(let e, let location, _): [.value(e, location)]
                case .condition(let branches):
                    branches.flatMap { branch in (branch.condition.map { [.condition($0, branch.location)] } ?? []) + uses(branch.body) }
                case .loop(let variable, let source, let location, let body, _):
                    [.loop(variable: variable, source: source, location, body: uses(body))]
                case .message(_, let arguments, let location, _, _, _): arguments.map { .value($0.expression, location) }
                case .imageStart(let slot): [.value(.filter(slot.expression, name: "image", arguments: [], offset: 0), slot.location)]
                case .cellContent(let body), .columnTable(_, let body), .note(_, _, let body): uses(body)
                case .bytes, .locale, .unique, .numbering, .numberingRestarts, .imageValue, .imageIndex,
                     .columnGrid, .columnWidth, .columnSpan, .columnCount, .noteReference, .noteID: []
                }
            }
        }
        return parts.flatMap { part -> [ExpressionUse] in if case .compiled(let pieces) = part.content { uses(pieces) } else { [] } }
    }

    /// Every data path the template reads, in document order.
    public var dataPaths: [DataPathUse] { DataPathUse.paths(in: expressionUses) }

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
                let parent = DataPathUse(keys: Array(use.keys[..<index]), use: use.use, filter: nil, location: use.location).dotted
                message = "'\(use.dotted)' is not in the schema: \(parent.isEmpty ? "the data" : "'\(parent)'") has no '\(key)'"
                suggestion = Spelling.closest(to: key, among: known).map { "did you mean '\($0)'?" }
                    ?? (known.isEmpty ? "declare it in \(schema.path)" : "declare it in \(schema.path), or use one of: \(known.prefix(8).joined(separator: ", "))")
            case .notAContainer(let index):
                let parent = DataPathUse(keys: Array(use.keys[..<index]), use: use.use, filter: nil, location: use.location).dotted
                message = "'\(use.dotted)' reads into '\(parent)', which the schema does not declare as an object or list"
                suggestion = "check the path, or change the type in \(schema.path)"
            }
            guard seen.insert("\(use.location.line) \(use.dotted)").inserted else { continue }
            let place = definition.places.indices.contains(use.location.line - 1) ? definition.places[use.location.line - 1] : nil
            var error = TemplateError(code: "office.undeclared-path", file: definition.file, line: use.location.line, column: 0, message: message,
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
