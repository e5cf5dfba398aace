import Foundation
import TestSupport

/// A small template folder written for a test (templates/<id>/ with an empty locales/), so
/// batch and hostile-input tests do not depend on the bundled templates' content.
struct ScratchTemplate {
    let root: URL
    var templateDirectory: URL { root.appendingPathComponent("templates/t") }

    static let schema = """
        {"type": "object", "required": ["case"],
         "properties": {
           "case": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}},
           "child": {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}},
           "items": {"type": "array"}
         }}
        """

    static let body = """
        <h1><t id="t.title" code="case.code">Case {code}</t></h1>
        <p>{child.name} ({child.age})</p>
        <ul if="items"><li each="x in items">{x}</li></ul>
        """

    /// A fresh folder holding the template; remove `root` when done.
    init(body: String = ScratchTemplate.body, schema: String? = ScratchTemplate.schema, rawTemplate: String? = nil) throws {
        root = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates/t"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("locales"), withIntermediateDirectories: true)
        let source = rawTemplate ?? """
            <document xmlns="urn:formwright:template:1" id="t"\(schema == nil ? "" : " schema=\"schema.json\"")>
            <body>
            \(body)
            </body>
            </document>
            """
        try Data(source.utf8).write(to: templateDirectory.appendingPathComponent("template.xml"))
        if let schema { try Data(schema.utf8).write(to: templateDirectory.appendingPathComponent("schema.json")) }
    }

    /// Writes a file under `root` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs `formwright render <template> …` from `root`.
    func render(_ arguments: [String]) throws -> TestSupport.ProcessResult {
        try TestSupport.formwright(["render", templateDirectory.path] + arguments, in: root)
    }

    /// Every file under `folder` (relative paths, sorted), hidden ones included.
    func files(in folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
