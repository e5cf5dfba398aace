import CatalogTools
import Foundation
import Localization
import Template
import TestSupport

/// Paths and helpers shared by the catalog tool tests.
enum CatalogFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fresh copy of `Fixtures/project` (templates/ and locales/) that a test may change.
    static func projectCopy() throws -> CatalogProject {
        let root = try TestSupport.temporaryDirectory()
        for name in ["templates", "locales"] {
            try FileManager.default.copyItem(at: directory.appendingPathComponent("project").appendingPathComponent(name),
                                             to: root.appendingPathComponent(name))
        }
        return CatalogProject(root: root)
    }

    /// A fresh copy of the repository's shipped templates and catalogs.
    static func shippedCopy() throws -> CatalogProject {
        let root = try TestSupport.temporaryDirectory()
        for name in ["templates", "locales"] {
            try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        return CatalogProject(root: root)
    }

    static var shipped: CatalogProject { CatalogProject(root: TestSupport.repositoryRoot) }

    static func broken(_ name: String) throws -> POFile {
        let text = try String(contentsOf: directory.appendingPathComponent("broken").appendingPathComponent(name), encoding: .utf8)
        return try POFile.parse(text, path: "broken/" + name)
    }

    /// Every file below `directory` with its bytes, keyed by relative path.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count))] = try Data(contentsOf: url)
            }
        }
        return result
    }

    static func tool(_ name: String) -> URL { URL(fileURLWithPath: "/usr/bin/" + name) }

    /// Writes `text` to a temporary file and runs a gettext tool on it.
    static func gettext(_ tool: String, _ arguments: [String], text: String) throws -> TestSupport.ProcessResult {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent("catalog.po")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try TestSupport.run(Self.tool(tool), arguments + [url.path])
    }
}
