import Foundation
import TestSupport
import Testing

/// What a new user meets on the command line: ids as well as folders, `--lang`, `-o` that
/// must match the format, diagnostics as JSON Lines, help that wraps to the terminal.
@Suite struct CLIFacadeTests {
    static let example = "templates/consent-data-sharing/example.bg.json"

    @Test func aTemplateIdAndLangRenderLikeAFolderAndLocale() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let byID = dir.appendingPathComponent("id.odt"), byFolder = dir.appendingPathComponent("folder.odt")
        let a = try TestSupport.formwright(["render", "consent-data-sharing", "--data", Self.example, "--lang", "bg", "-o", byID.path])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try TestSupport.formwright(
            ["render", "templates/consent-data-sharing", "--data", Self.example, "--locale", "bg", "-o", byFolder.path])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(try Data(contentsOf: byID) == Data(contentsOf: byFolder))
    }

    @Test func anOutputNameThatIsNotAFormatIsRefusedAndNothingIsWritten() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("consent.doc")
        let r = try TestSupport.formwright(["render", "consent-data-sharing", "--data", Self.example, "--locale", "bg", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Formwright does not write .doc files"), "\(r.stderr)")
        #expect(r.stderr.contains("-o consent.odt"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // The format follows -o when --format is not given.
        let docx = dir.appendingPathComponent("consent.docx")
        let ok = try TestSupport.formwright(["render", "consent-data-sharing", "--data", Self.example, "--locale", "bg", "-o", docx.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try String(decoding: Data(contentsOf: docx).prefix(200), as: UTF8.self).contains("[Content_Types].xml"))
    }

    @Test func diagnosticsAsJSONLinesCarryCodeAndPointer() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TestSupport.formwright([
            "render", "consent-data-sharing", "--data", "templates/consent-data-sharing/tests/broken.json", "--locale", "bg",
            "-o", dir.appendingPathComponent("x.odt").path, "--diagnostics", "json",
        ])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count >= 3, "\(r.stderr)")
        var objects: [[String: Any]] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            objects.append(try #require(object, "not JSON: \(line)"))
        }
        let date = try #require(objects.first { $0["pointer"] as? String == "/child/date_of_birth" }, "\(r.stderr)")
        #expect(date["code"] as? String == "data.format")
        #expect(date["severity"] as? String == "error")
        #expect(date["line"] as? Int == 20)
        #expect((date["file"] as? String)?.hasSuffix("broken.json") == true)
    }

    @Test func aLimitDiagnosticNamesTheFlagInJSONToo() throws {
        let r = try TestSupport.formwright([
            "render", "consent-data-sharing", "--data", Self.example, "--locale", "bg", "-o", "/nonexistent/x.odt",
            "--max-template-size", "100", "--diagnostics", "json",
        ])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stderr.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(object["code"] as? String == "limit.template-size")
        #expect(object["limit"] as? String == "maxTemplateSize")
        #expect((object["suggestion"] as? String)?.hasPrefix("raise it with --max-template-size ") == true, "\(r.stderr)")
    }

    /// Paragraphs are wrapped by the argument parser, not in the source: no line of a
    /// paragraph ends early where the source broke it.
    @Test func helpParagraphsAreNotPreWrapped() throws {
        let r = try TestSupport.formwright(["render", "--help"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(!lines.contains { $0.hasSuffix("every problem is reported") }, "\(r.stdout.prefix(400))")
        #expect(r.stdout.contains("Examples:"))
    }
}
