import Foundation
import Testing

@testable import TemplateData

@Suite("Locations by JSON Pointer")
struct DataDocumentLocationTests {
    static let json = """
        {
          "child": {
            "code": "BG-VT-2026-014",
            "a/b": 1,
            "t~x": [10, {"k": null}]
          },
          "": "empty key"
        }
        """

    static let yaml = """
        child:
          code: BG-VT-2026-014
          a/b: 1
          t~x:
            - 10
            - k: null
        "": empty key
        """

    @Test(
        "JSON values are found by pointer",
        arguments: [
            ("", 1, 1), ("/child", 2, 12), ("/child/code", 3, 13), ("/child/a~1b", 4, 12), ("/child/t~0x", 5, 12),
            ("/child/t~0x/0", 5, 13), ("/child/t~0x/1", 5, 17), ("/child/t~0x/1/k", 5, 23), ("/", 7, 7),
        ])
    func jsonLocations(pointer: String, line: Int, column: Int) throws {
        let doc = try DataLoader().load(text: Self.json, path: "example.json")
        let location = doc.location(of: try #require(JSONPointer(pointer)))
        #expect(location == SourceLocation(file: "example.json", line: line, column: column))
    }

    @Test(
        "YAML values are found by pointer",
        arguments: [
            ("", 1, 1), ("/child/code", 2, 9), ("/child/a~1b", 3, 8), ("/child/t~0x", 5, 5), ("/child/t~0x/0", 5, 7),
            ("/child/t~0x/1/k", 6, 10), ("/", 7, 5),
        ])
    func yamlLocations(pointer: String, line: Int, column: Int) throws {
        let doc = try DataLoader().load(text: Self.yaml, path: "data.yaml")
        let location = doc.location(of: try #require(JSONPointer(pointer)))
        #expect(location == SourceLocation(file: "data.yaml", line: line, column: column))
    }

    @Test("keys have their own location", arguments: [("example.json", 4, 5), ("data.yaml", 3, 3)])
    func keyLocations(path: String, line: Int, column: Int) throws {
        let text = path.hasSuffix(".json") ? Self.json : Self.yaml
        let doc = try DataLoader().load(text: text, path: path)
        #expect(doc.keyLocation(of: ["child", "a/b"]) == SourceLocation(file: path, line: line, column: column))
        // Array elements have no key: the value's location stands in.
        #expect(doc.keyLocation(of: ["child", "t~x", "0"]) == doc.location(of: ["child", "t~x", "0"]))
    }

    @Test("pointers that address nothing have no location")
    func missing() throws {
        let doc = try DataLoader().load(text: Self.json, path: "example.json")
        #expect(doc.location(of: ["child", "nope"]) == nil)
        #expect(doc.location(of: ["child", "t~x", "2"]) == nil)
        #expect(DataDocument(path: "x", value: ["a": 1]).location(of: ["a"]) == nil)
    }

    @Test(
        "JSON Pointer escaping round-trips (RFC 6901)",
        arguments: [
            ("", [String]()), ("/", [""]), ("/a~1b", ["a/b"]), ("/m~0n", ["m~n"]), ("/~01", ["~1"]),
            ("/a/0/b", ["a", "0", "b"]),
            ("/ %22", [" %22"]),
        ])
    func pointerEscaping(text: String, tokens: [String]) throws {
        let pointer = try #require(JSONPointer(text))
        #expect(pointer.tokens == tokens)
        #expect(pointer.description == text)
    }

    @Test("malformed pointers are refused", arguments: ["a", "/~2", "/a~", "#/a"])
    func badPointers(text: String) {
        #expect(JSONPointer(text) == nil)
    }

    @Test("Value is addressed by pointer")
    func valueByPointer() throws {
        let doc = try DataLoader().load(text: Self.json, path: "example.json")
        #expect(doc.value[pointer: try #require(JSONPointer("/child/t~0x/1/k"))] == .null)
        #expect(doc.value[pointer: try #require(JSONPointer("/"))] == "empty key")
        #expect(JSONPointer.root.appending("x").appending(index: 2).parent == ["x"])
    }
}
