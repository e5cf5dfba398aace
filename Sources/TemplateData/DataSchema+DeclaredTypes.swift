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
