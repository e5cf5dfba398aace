/// A position in an XML source: 1-based line and column (in characters), and the byte offset.
public struct XMLLocation: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}

/// An element of a parsed XML document, with where it starts in the source.
public struct XMLElement: Sendable, Hashable {
    /// Local name (without prefix).
    public let name: String
    /// Namespace URI, or nil when the element is in no namespace.
    public let namespace: String?
    public let attributes: [XMLAttribute]
    public internal(set) var children: [XMLNode]
    /// Position of the `<` that starts the element.
    public let location: XMLLocation
    /// The prefix as written (`w` in `<w:p>`), so a document can be written back as it was.
    public let prefix: String?
    /// The `xmlns` / `xmlns:p` declarations written on this element, in source order.
    public let namespaceDeclarations: [XMLNamespaceDeclaration]

    public init(
        name: String, namespace: String?, attributes: [XMLAttribute], children: [XMLNode], location: XMLLocation,
        prefix: String? = nil, namespaceDeclarations: [XMLNamespaceDeclaration] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.location = location
        self.prefix = prefix
        self.namespaceDeclarations = namespaceDeclarations
    }

    /// The name as written: `prefix:name`, or `name`.
    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }

    /// The value of the attribute with this local name and no namespace.
    public subscript(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// The attribute itself (for its location).
    public func attribute(_ name: String) -> XMLAttribute? {
        attributes.first { $0.name == name && $0.namespace == nil }
    }

    /// Child elements, skipping text.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The concatenated text of this element and its descendants.
    public var textContent: String {
        children.map { node in
            switch node {
            case .text(let t): t.text
            case .element(let e): e.textContent
            }
        }.joined()
    }
}

public struct XMLAttribute: Sendable, Hashable {
    public let name: String
    public let namespace: String?
    public let value: String
    /// Position of the attribute's name.
    public let location: XMLLocation
    /// Position of the first character of the value (after the quote).
    public let valueLocation: XMLLocation
    /// The prefix as written (`w` in `w:val`), nil for an unprefixed attribute.
    public let prefix: String?

    public init(name: String, namespace: String?, value: String, location: XMLLocation, valueLocation: XMLLocation, prefix: String? = nil) {
        self.name = name
        self.namespace = namespace
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
        self.prefix = prefix
    }

    /// The name as written: `prefix:name`, or `name`.
    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
}

/// A namespace declaration as written on an element: `xmlns:w="…"` (prefix `w`) or
/// `xmlns="…"` (no prefix).
public struct XMLNamespaceDeclaration: Sendable, Hashable {
    public let prefix: String?
    public let uri: String

    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}

/// Character data, with where it starts and whether its source used entity or
/// character references (then positions inside it are approximate).
public struct XMLText: Sendable, Hashable {
    public let text: String
    public let location: XMLLocation
    public let hasReferences: Bool

    public init(text: String, location: XMLLocation, hasReferences: Bool) {
        self.text = text
        self.location = location
        self.hasReferences = hasReferences
    }
}

public enum XMLNode: Sendable, Hashable {
    case element(XMLElement)
    case text(XMLText)
}

/// A document that could not be read: not well-formed, not allowed (DTDs), or over a limit.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
