import Foundation
@testable import OfficeConversion
import TestSupport
import Testing

/// A PDF is accepted only whole: header, `%%EOF` at its end, at least one page.
@Suite struct PDFCheckTests {
    static let onePage = Array("%PDF-1.6\n1 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\n2 0 obj<</Type /Page/Parent 1 0 R>>endobj\ntrailer<<>>\n%%EOF\n".utf8)

    @Test func countsPageObjectsNotThePageTree() {
        #expect(PDFCheck.countPageObjects(Self.onePage) == 1)
        #expect(PDFCheck.countPageObjects(Array("/Type/Pages /Type/Page /Type\n/Page>> /Type/PageLabel".utf8)) == 2)
    }

    @Test(arguments: ["truncated", "not a PDF", "no pages", "empty"])
    func refusesIncompleteFiles(name: String) throws {
        let bytes: [UInt8] = switch name {
        case "truncated": Array(Self.onePage.prefix(Self.onePage.count - 8))
        case "not a PDF": Array("<html>%%EOF".utf8)
        case "no pages": Array("%PDF-1.6\n1 0 obj<</Type/Pages/Count 0>>endobj\n%%EOF\n".utf8)
        default: []
        }
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("x.pdf")
        try Data(bytes).write(to: url)
        #expect(throws: OfficeConversionError.self, "\(name)") { try PDFCheck.pageCount(of: url) }
    }

    @Test func acceptsAWholePDF() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("x.pdf")
        try Data(Self.onePage).write(to: url)
        #expect(try PDFCheck.pageCount(of: url) == 1)
    }

    @Test func filterOptionsSelectThePDFALevel() {
        #expect(PDFTarget.pdf.filterArgument == "pdf:writer_pdf_Export")
        #expect(PDFTarget.pdfa(.b2).filterArgument == #"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"#)
        #expect(PDFALevel.allCases.map(\.part) == [1, 2, 3])
    }

    @Test func missingLibreOfficeNamesThePackage() {
        let error = #expect(throws: OfficeConversionError.self) {
            _ = try OfficeConverter(soffice: URL(fileURLWithPath: "/nonexistent/soffice"))
        }
        #expect(error?.code == .missingTool)
        #expect(error?.description.contains("--soffice") == true)
        // Not on PATH: the hint names the Debian package.
        #expect(ExecutableLocator.find("soffice", environment: ["PATH": "/nonexistent"]) == nil)
    }
}
