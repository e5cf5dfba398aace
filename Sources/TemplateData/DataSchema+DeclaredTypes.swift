extension DataSchema {
    /// The types the schema declares for the value at a path of object keys, following
    /// `$ref` and `additionalProperties`; nil when it declares none (anything goes).
    /// CSV cells are typed with it.
    func declaredTypes(at keys: [String]) -> Set<SchemaNode.JSONType>? {
        var node = resolve(root)
        for key in keys {
            if let child = node.properties[key] {
                node = resolve(child)
            } else if case .schema(let additional) = node.additionalProperties {
                node = resolve(additional)
            } else {
                return nil
            }
        }
        return node.types.map(Set.init)
    }

    private func resolve(_ node: SchemaNode) -> SchemaNode {
        var node = node, hops = 0
        // A `$ref` chain is short; the bound only guards against a cycle.
        while let ref = node.ref, let target = nodes[ref], hops < 32 {
            node = target
            hops += 1
        }
        return node
    }
}

/// What a schema says of a data path that a template uses.
public enum SchemaPathLookup: Sendable, Hashable {
    /// The schema declares the path (or leaves that part of the data open).
    case declared
    /// `keys[index]` is not a property of the object there, whose properties are `known`.
    case undeclared(index: Int, known: [String])
    /// `keys[index]` goes into a value that is not an object or list.
    case notAContainer(index: Int)
}

extension DataSchema {
    /// Follows a path of object keys (`"[]"` steps into the items of a list) through the
    /// schema, to tell a template author about a misspelt or undeclared path before any data
    /// is rendered.
    ///
    /// ```swift
    /// schema.lookup(["attendees", "[]", "nmae"])   // .undeclared(index: 2, known: ["name", "role"])
    /// ```
    public func lookup(_ keys: [String]) -> SchemaPathLookup {
        var node = resolve(root)
        for (index, key) in keys.enumerated() {
            if key == "[]" {
                if let items = node.items { node = resolve(items); continue }
                if let types = node.types, !types.contains(.array) { return .notAContainer(index: index) }
                return .declared
            }
            if let child = node.properties[key] {
                node = resolve(child)
                continue
            }
            if let types = node.types, !types.contains(.object) {
                // A list's `count`-like use is a filter, not a key: anything else is a mistake.
                return .notAContainer(index: index)
            }
            switch node.additionalProperties {
            case .schema(let additional): node = resolve(additional)
            case .allowed where node.properties.isEmpty: return .declared
            case .allowed, .forbidden: return .undeclared(index: index, known: node.propertyOrder)
            }
        }
        return .declared
    }
}
