public import Foundation

/// A read-only view of one (sub)schema with `$ref` already followed, for tools that are
/// driven by a schema rather than checked by it (the web form generator).
///
/// ```swift
/// let outline = schema.outline
/// outline.properties.first?.name          // "form_version"
/// outline.property("child")?.required     // ["name", "code", "date_of_birth", "age"]
/// ```
public final class SchemaOutline: Sendable {
    /// One member of an object schema, in the schema file's order.
    public struct Property: Sendable {
        public let name: String
        public let schema: SchemaOutline
    }

    /// The declared `type` names (`string`, `integer`, …); empty when the schema declares none.
    public let types: [String]
    public let properties: [Property]
    public let required: [String]
    /// The schema of a list's items.
    public let items: SchemaOutline?
    public let enumValues: [Value]?
    public let format: String?
    /// The `pattern` source, as written.
    public let pattern: String?
    public let minLength: Int?
    public let maxLength: Int?
    public let minimum: Decimal?
    public let maximum: Decimal?
    public let minItems: Int?
    public let maxItems: Int?
    public let title: String?
    public let description: String?
    public let defaultValue: Value?
    /// True for an object schema that allows members beyond ``properties``.
    public let allowsAdditionalProperties: Bool

    init(node: SchemaNode, schema: DataSchema, depth: Int) {
        let node = schema.resolveReference(node)
        types = node.types?.map(\.rawValue) ?? []
        // A recursive `$ref` would outline forever; a form never needs more than a few levels.
        let deeper = depth < 12
        properties = deeper ? node.propertyOrder.compactMap { name in
            node.properties[name].map { Property(name: name, schema: SchemaOutline(node: $0, schema: schema, depth: depth + 1)) }
        } : []
        required = node.required
        items = deeper ? node.items.map { SchemaOutline(node: $0, schema: schema, depth: depth + 1) } : nil
        enumValues = node.enumValues
        format = node.format
        pattern = node.pattern?.source
        minLength = node.minLength
        maxLength = node.maxLength
        minimum = node.minimum ?? node.exclusiveMinimum
        maximum = node.maximum ?? node.exclusiveMaximum
        minItems = node.minItems
        maxItems = node.maxItems
        title = node.title
        description = node.description
        defaultValue = node.defaultValue
        if case .forbidden = node.additionalProperties { allowsAdditionalProperties = false } else { allowsAdditionalProperties = true }
    }

    /// The member named `name`, if declared.
    public func property(_ name: String) -> SchemaOutline? {
        properties.first { $0.name == name }?.schema
    }
}

extension DataSchema {
    /// The root schema as a read-only tree, `$ref`s followed.
    public var outline: SchemaOutline { SchemaOutline(node: root, schema: self, depth: 0) }

    func resolveReference(_ node: SchemaNode) -> SchemaNode {
        var node = node, hops = 0
        while let ref = node.ref, let target = nodes[ref], hops < 32 {
            node = target
            hops += 1
        }
        return node
    }
}
