import Foundation
import Localization

/// Reads a schema document into ``SchemaNode``s, collecting every mistake with its location.
struct SchemaParser {
    let document: DataDocument
    let formats: FormatChecker
    private(set) var errors: [DataError] = []
    private(set) var nodes: [String: SchemaNode] = [:]
    private var refs: [(from: String, target: String, written: String)] = []

    init(document: DataDocument, formats: FormatChecker) {
        self.document = document
        self.formats = formats
    }

    /// Keywords whose value this parser reads.
    static let supported: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "format", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
        "title", "description", "default", "$defs", "definitions", "$ref",
    ]
    /// Standard annotations and identifiers that change nothing about validation.
    static let annotations: Set<String> = [
        "$schema", "$id", "$comment", "$anchor", "$vocabulary", "examples", "readOnly", "writeOnly", "deprecated",
        "contentMediaType", "contentEncoding",
    ]
    /// Standard keywords that would change validation but are not implemented: refusing them
    /// beats letting a schema author believe a rule is checked.
    static let unsupported: Set<String> = [
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas",
        "dependencies", "patternProperties", "propertyNames", "minProperties", "maxProperties", "unevaluatedProperties",
        "unevaluatedItems", "prefixItems", "contains", "minContains", "maxContains", "uniqueItems", "multipleOf",
        "$dynamicRef", "$dynamicAnchor", "$recursiveRef",
    ]

    mutating func parseRoot() -> SchemaNode {
        let root = parse(document.value, pointer: "")
        resolveReferences()
        return root
    }

    // MARK: Schemas

    private mutating func parse(_ value: Value, pointer: String) -> SchemaNode {
        let node: SchemaNode
        switch value {
        case .bool(let accepts):
            node = SchemaNode(pointer: pointer, rejectsEverything: !accepts)
        case .object(let object):
            node = SchemaNode(pointer: pointer, keywords: parseKeywords(object, pointer: pointer))
        default:
            report(at: pointer, "a schema must be an object (or true/false), found \(ValueText.describe(value))")
            node = SchemaNode(pointer: pointer)
        }
        nodes[pointer] = node
        return node
    }

    private mutating func parseKeywords(_ object: OrderedObject, pointer: String) -> SchemaNode.Keywords {
        var k = SchemaNode.Keywords()
        for (key, value) in object {
            let at = pointer + "/" + JSONPointer.escape(key)
            switch key {
            case "type":
                k.types = parseTypes(value, at: at)
            case "properties":
                guard case .object(let properties) = value else {
                    report(at: at, "\"properties\" must be an object mapping names to schemas")
                    continue
                }
                for (name, schema) in properties {
                    k.properties[name] = parse(schema, pointer: at + "/" + JSONPointer.escape(name))
                    k.propertyOrder.append(name)
                }
            case "required":
                k.required = parseStringList(value, at: at, keyword: "required")
            case "additionalProperties":
                switch value {
                case .bool(let allowed): k.additionalProperties = allowed ? .allowed : .forbidden
                default: k.additionalProperties = .schema(parse(value, pointer: at))
                }
            case "items":
                if case .array = value {
                    report(
                        at: at,
                        "\"items\" must be one schema for every element; a list of schemas (tuple form) is not supported"
                    )
                } else {
                    k.items = parse(value, pointer: at)
                }
            case "enum":
                guard case .array(let values) = value, !values.isEmpty else {
                    report(at: at, "\"enum\" must be a non-empty list of the allowed values")
                    continue
                }
                k.enumValues = values
            case "const":
                k.constValue = value
            case "format":
                guard case .string(let name) = value else {
                    report(at: at, "\"format\" must be a string")
                    continue
                }
                if formats[name] == nil {
                    let close = Spelling.closest(to: name, among: formats.names)
                    report(
                        at: at, "unknown format \"\(name)\"",
                        suggestion: close.map { "did you mean \"\($0)\"?" }
                            ?? "known formats: \(formats.names.map { "\"\($0)\"" }.joined(separator: ", "))")
                }
                k.format = name
            case "pattern":
                guard case .string(let source) = value else {
                    report(at: at, "\"pattern\" must be a regular expression in a string")
                    continue
                }
                do {
                    k.pattern = SchemaNode.Pattern(source: source, regex: try NSRegularExpression(pattern: source))
                } catch {
                    report(at: at, "\"pattern\" is not a valid regular expression: \(source)")
                }
            case "minLength": k.minLength = parseCount(value, at: at, keyword: key)
            case "maxLength": k.maxLength = parseCount(value, at: at, keyword: key)
            case "minItems": k.minItems = parseCount(value, at: at, keyword: key)
            case "maxItems": k.maxItems = parseCount(value, at: at, keyword: key)
            case "minimum": k.minimum = parseNumber(value, at: at, keyword: key)
            case "maximum": k.maximum = parseNumber(value, at: at, keyword: key)
            case "exclusiveMinimum", "exclusiveMaximum":
                if case .bool = value {
                    report(
                        at: at, "\"\(key)\" is a number in JSON Schema 2020-12, not true/false",
                        suggestion: "write the bound itself, e.g. \"\(key)\": 0")
                    continue
                }
                let bound = parseNumber(value, at: at, keyword: key)
                if key == "exclusiveMinimum" { k.exclusiveMinimum = bound } else { k.exclusiveMaximum = bound }
            case "title", "description":
                guard case .string(let text) = value else {
                    report(at: at, "\"\(key)\" must be a string")
                    continue
                }
                if key == "title" { k.title = text } else { k.description = text }
            case "default":
                k.defaultValue = value
            case "$defs", "definitions":
                guard case .object(let definitions) = value else {
                    report(at: at, "\"\(key)\" must be an object mapping names to schemas")
                    continue
                }
                for (name, schema) in definitions {
                    _ = parse(schema, pointer: at + "/" + JSONPointer.escape(name))
                }
            case "$ref":
                guard case .string(let reference) = value else {
                    report(at: at, "\"$ref\" must be a string such as \"#/$defs/address\"")
                    continue
                }
                guard reference.hasPrefix("#"), let target = JSONPointer(String(reference.dropFirst())) else {
                    report(
                        at: at,
                        "only references inside this schema are supported (\"#/$defs/name\"), found \"\(reference)\"")
                    continue
                }
                k.ref = target.description
                refs.append((pointer, target.description, reference))
            default:
                if SchemaParser.annotations.contains(key) { continue }
                if SchemaParser.unsupported.contains(key) {
                    reportKey(
                        at: at, "the keyword \"\(key)\" is not supported by Formwright schemas",
                        suggestion: "supported: \(SchemaParser.supported.sorted().joined(separator: ", "))")
                    continue
                }
                let known = SchemaParser.supported.union(SchemaParser.annotations).union(SchemaParser.unsupported)
                if let close = Spelling.closest(to: key, among: known.sorted()) {
                    reportKey(at: at, "unknown keyword \"\(key)\"", suggestion: "did you mean \"\(close)\"?")
                }
            }
        }
        // A required name that can never be present is a schema bug, not a data error.
        if case .forbidden = k.additionalProperties {
            for name in k.required where k.properties[name] == nil {
                report(
                    at: pointer + "/required",
                    "\"\(name)\" is required but not declared in \"properties\", which allows no others",
                    suggestion: Spelling.closest(to: name, among: k.propertyOrder).map { "did you mean \"\($0)\"?" })
            }
        }
        return k
    }

    // MARK: Keyword values

    private mutating func parseTypes(_ value: Value, at pointer: String) -> [SchemaNode.JSONType]? {
        let names: [(String, String)]
        switch value {
        case .string(let name): names = [(name, pointer)]
        case .array(let list):
            var collected: [(String, String)] = []
            for (index, element) in list.enumerated() {
                guard case .string(let name) = element else {
                    report(at: pointer + "/\(index)", "\"type\" entries must be type names")
                    continue
                }
                collected.append((name, pointer + "/\(index)"))
            }
            names = collected
        default:
            report(at: pointer, "\"type\" must be a type name or a list of them")
            return nil
        }
        var types: [SchemaNode.JSONType] = []
        for (name, at) in names {
            if let type = SchemaNode.JSONType(rawValue: name) {
                types.append(type)
                continue
            }
            let aliases = [
                "int": "integer", "bool": "boolean", "float": "number", "double": "number", "decimal": "number",
                "str": "string", "text": "string", "list": "array", "dict": "object", "map": "object", "date": "string",
            ]
            let close =
                aliases[name.lowercased()]
                ?? Spelling.closest(to: name, among: SchemaNode.JSONType.allCases.map(\.rawValue))
            var suggestion = close.map { "did you mean \"\($0)\"?" }
            if name.lowercased() == "date" { suggestion = "write \"type\": \"string\", \"format\": \"date\"" }
            report(
                at: at,
                "unknown type \"\(name)\"; types are string, number, integer, boolean, null, array and object",
                suggestion: suggestion)
        }
        return types.isEmpty ? nil : types
    }

    private mutating func parseStringList(_ value: Value, at pointer: String, keyword: String) -> [String] {
        guard case .array(let list) = value else {
            report(at: pointer, "\"\(keyword)\" must be a list of property names")
            return []
        }
        var names: [String] = []
        for (index, element) in list.enumerated() {
            guard case .string(let name) = element else {
                report(at: pointer + "/\(index)", "\"\(keyword)\" entries must be property names (strings)")
                continue
            }
            if names.contains(name) {
                report(at: pointer + "/\(index)", "\"\(name)\" is listed twice in \"\(keyword)\"")
                continue
            }
            names.append(name)
        }
        return names
    }

    private mutating func parseCount(_ value: Value, at pointer: String, keyword: String) -> Int? {
        guard case .number(let d) = value, d.isWholeNumber, d >= 0, d <= Decimal(Int32.max) else {
            report(at: pointer, "\"\(keyword)\" must be a whole number of zero or more")
            return nil
        }
        return NSDecimalNumber(decimal: d).intValue
    }

    private mutating func parseNumber(_ value: Value, at pointer: String, keyword: String) -> Decimal? {
        guard case .number(let d) = value else {
            report(at: pointer, "\"\(keyword)\" must be a number")
            return nil
        }
        return d
    }

    // MARK: References

    private mutating func resolveReferences() {
        for (from, target, written) in refs where nodes[target] == nil {
            let defNames = nodes.keys.filter { $0.hasPrefix("/$defs/") && $0.dropFirst(7).firstIndex(of: "/") == nil }
                .map { "#" + $0 }
            report(
                at: from + "/$ref", "\"$ref\": \"\(written)\" points to no schema in this file",
                suggestion: Spelling.closest(to: written, among: defNames.sorted()).map { "did you mean \"\($0)\"?" })
        }
        // A chain of references that comes back to itself would never reach a keyword to check.
        for (from, _, written) in refs {
            var seen: Set<String> = [from]
            var current = nodes[from]?.ref
            while let target = current, let next = nodes[target] {
                if !seen.insert(target).inserted {
                    report(
                        at: from + "/$ref", "\"$ref\": \"\(written)\" leads back to itself without checking anything")
                    break
                }
                current = next.ref
            }
        }
    }

    // MARK: Errors

    private mutating func report(at pointer: String, _ message: String, suggestion: String? = nil) {
        errors.append(
            DataError(
                code: .invalidSchema, pointer: pointer, file: document.path,
                location: document.location(ofEscaped: pointer),
                message: message, suggestion: suggestion))
    }

    private mutating func reportKey(at pointer: String, _ message: String, suggestion: String? = nil) {
        errors.append(
            DataError(
                code: .invalidSchema, pointer: pointer, file: document.path,
                location: document.keyLocation(ofEscaped: pointer),
                message: message, suggestion: suggestion))
    }
}
