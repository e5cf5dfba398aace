import DOCXWriter
import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing

/// One set of documents written by both writers and printed by LibreOffice: the same words
/// in the same order, the same number of pages and the same paper size and orientation on
/// every page. Set `LAYOUT_KEEP_RENDERING=1` to keep the PDFs and a PNG of every page (the
/// folder is printed), to look at them.
@Suite(.enabled(if: PDFOutputTests.tool("soffice") != nil && PDFOutputTests.tool("pdfinfo") != nil))
struct LayoutParityTests {
    struct Rendering {
        var words: [String]
        /// `"595x842"` per page, in points.
        var pageSizes: [String]
    }

    static func render(_ document: Document, name: String, in directory: URL) throws -> (odt: Rendering, docx: Rendering) {
        let odt = directory.appendingPathComponent("\(name).odt"), docx = directory.appendingPathComponent("\(name).docx")
        try Data(try ODTWriter().write(document)).write(to: odt)
        try Data(try DOCXWriter().write(document)).write(to: docx)
        return (try render(odt, in: directory), try render(docx, in: directory))
    }

    static func render(_ file: URL, in directory: URL) throws -> Rendering {
        let out = directory.appendingPathComponent(file.pathExtension)
        let result = try TestSupport.runSharedTool("office-roundtrip", [file.path, "--outdir", out.path])
        try #require(result.status == 0, "\(result.output)")
        let lines = result.stdout.split(separator: "\n")
        let textPath = try #require(lines.first { $0.hasPrefix("TEXT: ") }).dropFirst("TEXT: ".count)
        let pdfPath = String(try #require(lines.first { $0.hasPrefix("PDF: ") }).dropFirst("PDF: ".count))
        let text = try String(contentsOfFile: String(textPath), encoding: .utf8)
        let info = try TestSupport.run(try #require(PDFOutputTests.tool("pdfinfo")), ["-f", "1", "-l", "999", pdfPath]).stdout
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains(" size: ") }.map { line -> String in
            let numbers = line.split(separator: ":")[1].split(separator: " ").compactMap { Double($0) }
            return numbers.count >= 2 ? "\(Int(numbers[0].rounded()))x\(Int(numbers[1].rounded()))" : String(line)
        }
        if ProcessInfo.processInfo.environment["LAYOUT_KEEP_RENDERING"] == "1", let pdftoppm = PDFOutputTests.tool("pdftoppm") {
            _ = try TestSupport.run(pdftoppm, ["-png", "-r", "60", pdfPath, pdfPath.replacingOccurrences(of: ".pdf", with: "")])
        }
        return Rendering(words: text.split(whereSeparator: \.isWhitespace).map(String.init), pageSizes: sizes)
    }

    static let names = ["complete", "landscape-section", "first-page", "cell-alignment", "font-colour", "letter"]

    @Test(arguments: names)
    func bothFormatsPrintTheSameTextOnTheSamePages(_ name: String) throws {
        let document = try #require(LayoutSamples.all.first { $0.name == name }?.document)
        let directory = try TestSupport.temporaryDirectory()
        let keep = ProcessInfo.processInfo.environment["LAYOUT_KEEP_RENDERING"] == "1"
        defer { if keep { print("\(name): \(directory.path)") } else { try? FileManager.default.removeItem(at: directory) } }
        let (odt, docx) = try Self.render(document, name: name, in: directory)
        #expect(odt.words == docx.words, "\(name): ODT \(odt.words.joined(separator: " "))\nDOCX \(docx.words.joined(separator: " "))")
        #expect(odt.pageSizes == docx.pageSizes, "\(name): ODT \(odt.pageSizes), DOCX \(docx.pageSizes)")
        #expect(!odt.words.isEmpty)
    }

    /// The annex prints on landscape A4 between portrait pages, in both formats, and the
    /// first page alone has the letterhead.
    @Test func theAnnexIsLandscapeAndOnlyPageOneHasTheLetterhead() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (odt, docx) = try Self.render(LayoutSamples.complete, name: "complete", in: directory)
        for rendering in [odt, docx] {
            #expect(rendering.pageSizes.first == "595x842", "\(rendering.pageSizes)")
            #expect(rendering.pageSizes.contains("842x595"), "\(rendering.pageSizes)")
            #expect(rendering.pageSizes.last == "595x842", "\(rendering.pageSizes)")
            let text = rendering.words.joined(separator: " ")
            #expect(text.components(separatedBy: "ANTET").count - 1 == 1, "\(text)")
            // The usual header is on every page but the first.
            #expect(text.components(separatedBy: "Direcția Generală de Asistență Socială și Protecția Copilului").count - 1
                    == rendering.pageSizes.count - 1, "\(text)")
        }
    }
}
