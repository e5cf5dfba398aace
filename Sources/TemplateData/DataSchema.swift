public import Foundation

/// A JSON Schema (a 2020-12 subset) that data is checked against before rendering.
///
/// Supported: `type` (one or a list; `integer` is any whole number), `properties`,
/// `required`, `additionalProperties` (boolean or schema), `items`, `enum`, `const`,
/// `format` (see ``FormatChecker``), `pattern`, `minLength`/`maxLength` (in characters),
/// `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum` (exact decimals),
/// `minItems`/`maxItems`, `$defs` with local `$ref` (`#/$defs/name`), and the annotations
/// `title`, `description`, `default`. Unknown keywords are ignored, except near-misses of
/// known ones (`requird`), which are errors with a suggestion, and standard keywords this
/// subset does not implement (`oneOf`, `if`, …), which are errors rather than silently
/// unchecked rules.
///
/// ```swift
/// let schema = try DataSchema(text: #"{"type": "object", "required": ["child"]}"#, path: "schema.json")
/// let errors = schema.validate(try DataLoader().load(text: "{}", path: "data.json"))
/// errors.first?.description   // data.json:1:1: error: missing required property "child"
/// ```
public struct DataSchema: Sendable {
    /// The schema file as given, for messages.
    public let path: String
    /// The root schema's `title`.
    public var title: String? { root.title }
    /// The root schema's `description`.
    public var description: String? { root.description }

    let root: SchemaNode
    /// Every parsed (sub)schema by escaped pointer, so `$ref` can find its target.
    let nodes: [String: SchemaNode]
    let formats: FormatChecker

    /// Parses a schema from a loaded document (JSON or YAML); every mistake in it is reported.
    public init(document: DataDocument, formats: FormatChecker = .standard) throws(DataErrorList) {
        var parser = SchemaParser(document: document, formats: formats)
        let root = parser.parseRoot()
        guard parser.errors.isEmpty else { throw DataErrorList(parser.errors) }
        self.path = document.path
        self.root = root
        self.nodes = parser.nodes
        self.formats = formats
    }

    /// Parses schema text; JSON unless `path` ends in `.yaml`/`.yml`.
    public init(text: String, path: String, formats: FormatChecker = .standard, limits: DataLimits = DataLimits())
        throws(DataErrorList)
    {
        try self.init(bytes: Array(text.utf8), path: path, formats: formats, limits: limits)
    }

    /// Parses schema bytes; JSON unless `path` ends in `.yaml`/`.yml`.
    public init(bytes: [UInt8], path: String, formats: FormatChecker = .standard, limits: DataLimits = DataLimits())
        throws(DataErrorList)
    {
        let document: DataDocument
        do {
            document = try DataLoader(limits: limits).load(bytes, path: path, format: DataFormat(path: path) ?? .json)
        } catch {
            throw DataErrorList([error])
        }
        try self.init(document: document, formats: formats)
    }

    /// Reads and parses a schema file.
    public init(contentsOf url: URL, formats: FormatChecker = .standard, limits: DataLimits = DataLimits())
        throws(DataErrorList)
    {
        let document: DataDocument
        do {
            let path = url.isFileURL ? url.relativePath : url.absoluteString
            document = try DataLoader(limits: limits).load(contentsOf: url, format: DataFormat(path: path) ?? .json)
        } catch {
            throw DataErrorList([error])
        }
        try self.init(document: document, formats: formats)
    }
}
