import XMLSupport

/// A mutable tree of one XML part while an office template is compiled: runs are split and
/// merged, tags moved and scopes replaced. It is thrown away once the part is compiled into
/// ``Piece``s; rendering never sees it.
final class Node {
    enum Kind {
        case element(Element)
        case text(String)
        /// A tag of the template, by index into the part's tags.
        case tag(Int)
    }

    struct Element {
        var qualifiedName: String
        var localName: String
        var namespace: String?
        /// `(qualified name, value)` in source order, namespace declarations first.
        var attributes: [(name: String, value: String)]
    }

    var kind: Kind
    var children: [Node] = []
    weak var parent: Node?

    init(_ kind: Kind) { self.kind = kind }

    init(element: XMLElement) {
        var attributes: [(String, String)] = element.namespaceDeclarations.map { ($0.prefix.map { "xmlns:\($0)" } ?? "xmlns", $0.uri) }
        attributes += element.attributes.map { ($0.qualifiedName, $0.value) }
        kind = .element(Element(qualifiedName: element.qualifiedName, localName: element.name, namespace: element.namespace, attributes: attributes))
        for child in element.children {
            switch child {
            case .element(let e): append(Node(element: e))
            case .text(let t): append(Node(.text(t.text)))
            }
        }
    }

    var element: Element? { if case .element(let e) = kind { e } else { nil } }
    var localName: String? { element?.localName }
    var text: String? { if case .text(let t) = kind { t } else { nil } }
    var tagIndex: Int? { if case .tag(let i) = kind { i } else { nil } }

    func attribute(_ qualifiedName: String) -> String? {
        element?.attributes.first { $0.name == qualifiedName }?.value
    }

    func setAttribute(_ qualifiedName: String, _ value: String) {
        guard case .element(var e) = kind else { return }
        if let i = e.attributes.firstIndex(where: { $0.name == qualifiedName }) { e.attributes[i].value = value } else { e.attributes.append((qualifiedName, value)) }
        kind = .element(e)
    }

    func append(_ child: Node) {
        child.parent = self
        children.append(child)
    }

    func insert(_ nodes: [Node], at index: Int) {
        for node in nodes { node.parent = self }
        children.insert(contentsOf: nodes, at: index)
    }

    var indexInParent: Int? { parent?.children.firstIndex { $0 === self } }

    func remove() {
        guard let parent, let i = indexInParent else { return }
        parent.children.remove(at: i)
        self.parent = nil
    }

    func replace(with nodes: [Node]) {
        guard let parent, let i = indexInParent else { return }
        parent.children.remove(at: i)
        parent.insert(nodes, at: i)
        self.parent = nil
    }

    /// A shallow copy of this element (name and attributes, no children).
    func shallowCopy() -> Node { Node(kind) }

    func deepCopy() -> Node {
        let copy = Node(kind)
        for child in children { copy.append(child.deepCopy()) }
        return copy
    }

    /// Ancestors from the parent up to the root.
    var ancestors: [Node] {
        var out: [Node] = []
        var current = parent
        while let c = current { out.append(c); current = c.parent }
        return out
    }

    /// Descendants in document order (self first).
    func walk(_ visit: (Node) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }

    /// Every tag index in this subtree.
    var tagIndices: [Int] {
        var out: [Int] = []
        walk { if let i = $0.tagIndex { out.append(i) } }
        return out
    }

    /// The nearest ancestor with one of these local names.
    func nearest(_ names: Set<String>) -> Node? {
        ancestors.first { $0.localName.map(names.contains) ?? false }
    }
}

/// The lowest node that has all `nodes` in its subtree.
func lowestCommonAncestor(_ nodes: [Node]) -> Node? {
    guard let first = nodes.first else { return nil }
    var candidates = [first] + first.ancestors
    for node in nodes.dropFirst() {
        let chain = [node] + node.ancestors
        candidates = candidates.filter { c in chain.contains { $0 === c } }
    }
    return candidates.first
}

extension Node {
    /// The child of `ancestor` on the way from `ancestor` down to this node.
    func child(under ancestor: Node) -> Node? {
        var current: Node = self
        while let parent = current.parent {
            if parent === ancestor { return current }
            current = parent
        }
        return nil
    }
}
