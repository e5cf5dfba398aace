import Foundation
import Testing

@testable import TemplateData

@Suite("Limits, encodings and files")
struct DataLimitsTests {
    private func loadError(_ bytes: [UInt8], path: String, limits: DataLimits = DataLimits()) -> DataError? {
        do {
            _ = try DataLoader(limits: limits).load(bytes, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "invalid UTF-8 is a located error",
        arguments: [
            ("data.json", [UInt8](#"{"a": "x"#.utf8) + [0xC3, 0x28] + Array("\"}".utf8), 1, 9),
            ("data.yaml", [UInt8]("a: 1\nb: ж".utf8) + [0xFF] + Array("\n".utf8), 2, 5),
            ("data.json", [UInt8]("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8), 1, 3),  // encoded surrogate
            ("data.json", [UInt8]("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8), 1, 3),  // overlong '/'
            ("data.yaml", [UInt8]("a: ".utf8) + [0xF4, 0x90, 0x80, 0x80], 1, 4),  // above U+10FFFF
        ])
    func invalidUTF8(path: String, bytes: [UInt8], line: Int, column: Int) throws {
        let error = try #require(loadError(bytes, path: path))
        #expect(error.code == .invalidEncoding)
        #expect(error.location == SourceLocation(file: path, line: line, column: column))
        #expect(error.suggestion?.contains("UTF-8") == true)
    }

    @Test("UTF-16 files are recognised", arguments: ["data.json", "data.yaml"])
    func utf16(path: String) throws {
        let error = try #require(loadError([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], path: path))
        #expect(error.message == "the file is UTF-16 text, not UTF-8")
    }

    @Test("files over the size limit are refused before parsing", arguments: ["data.json", "data.yaml"])
    func fileSize(path: String) throws {
        let error = try #require(
            loadError(Array(repeating: 0x20, count: 101), path: path, limits: DataLimits(maximumFileSize: 100)))
        #expect(error.code == .limitExceeded)
        #expect(
            error.description == """
                \(path): error: the file is 101 bytes; data files may be at most 100 bytes
                  hint: split the data, or raise DataLimits.maximumFileSize
                """)
    }

    @Test(
        "nesting deeper than the limit is refused with a location",
        arguments: [
            ("data.json", String(repeating: "[", count: 9) + String(repeating: "]", count: 9), 1, 9),
            ("data.json", String(repeating: "{\"a\":", count: 9) + "1" + String(repeating: "}", count: 9), 1, 41),
            ("data.yaml", String(repeating: "[", count: 9) + String(repeating: "]", count: 9), 1, 9),
            (
                "data.yaml",
                (0..<9).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " 1\n", 9,
                17
            ),
            ("data.yaml", String(repeating: "- ", count: 9) + "x\n", 1, 1),
        ])
    func depth(path: String, text: String, line: Int, column: Int) throws {
        let error = try #require(loadError(Array(text.utf8), path: path, limits: DataLimits(maximumDepth: 8)))
        #expect(error.code == .limitExceeded)
        #expect(error.message == "nesting is deeper than 8 levels")
        #expect(error.location?.line == line)
        #expect(error.location?.column == column)
    }

    @Test("nesting at the limit is accepted", arguments: ["data.json", "data.yaml"])
    func depthAtLimit(path: String) throws {
        let text = String(repeating: "[", count: 8) + "1" + String(repeating: "]", count: 8)
        let doc = try DataLoader(limits: DataLimits(maximumDepth: 8)).load(text: text, path: path)
        #expect(doc.value[path: Array(repeating: "0", count: 8)] == 1)
    }

    @Test("a million nested brackets fail cleanly at the default limit", arguments: ["data.json", "data.yaml"])
    func hostileDepth(path: String) throws {
        let error = try #require(loadError(Array(repeating: UInt8(ascii: "["), count: 1_000_000), path: path))
        #expect(error.code == .limitExceeded)
        #expect(error.location == SourceLocation(file: path, line: 1, column: 257))
    }

    @Test("block scalars with deep indentation are not mistaken for nesting")
    func blockScalarIndentation() throws {
        let lines = (0..<20).map { String(repeating: " ", count: 2 + $0) + "line \($0)" }
        let text = "note: |\n" + lines.joined(separator: "\n") + "\nnext: 1\n"
        let doc = try DataLoader(limits: DataLimits(maximumDepth: 4)).load(text: text, path: "data.yaml")
        #expect(doc.value["next"] == 1)
    }

    @Test("the value count limit applies to JSON too")
    func valueCount() throws {
        let text = "[" + Array(repeating: "1", count: 11).joined(separator: ",") + "]"
        let error = try #require(
            loadError(Array(text.utf8), path: "data.json", limits: DataLimits(maximumValueCount: 10)))
        #expect(error.code == .limitExceeded)
        #expect(error.location == SourceLocation(file: "data.json", line: 1, column: 20))
    }

    @Test(
        "the format comes from the extension",
        arguments: [("a.json", DataFormat.json), ("b.YML", .yaml), ("c.yaml", .yaml)])
    func formatFromExtension(path: String, format: DataFormat) {
        #expect(DataFormat(path: path) == format)
    }

    @Test("unknown extensions are refused unless a format is given")
    func unknownExtension() throws {
        let error = try #require(loadError(Array("{}".utf8), path: "data.txt"))
        #expect(error.code == .unsupportedFileType)
        #expect(error.suggestion == "name the file with .json, .yaml or .yml")
        let doc = try DataLoader().load(text: "a: 1", path: "data.txt", format: .yaml)
        #expect(doc.value["a"] == 1)
    }

    @Test("files are loaded by URL, and a missing one is a clear error")
    func loadFromURL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "formwright-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("case.yaml")
        try Data("child:\n  code: BG-014\n".utf8).write(to: file)
        let doc = try DataLoader().load(contentsOf: file)
        #expect(doc.value[pointer: ["child", "code"]] == "BG-014")
        #expect(doc.location(of: ["child", "code"])?.line == 2)

        var limits = DataLimits()
        limits.maximumFileSize = 5
        #expect(throws: DataError.self) { try DataLoader(limits: limits).load(contentsOf: file) }

        let missing = directory.appendingPathComponent("missing.json")
        do {
            _ = try DataLoader().load(contentsOf: missing)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.message == "cannot open the data file: it does not exist")
        }
    }
}
