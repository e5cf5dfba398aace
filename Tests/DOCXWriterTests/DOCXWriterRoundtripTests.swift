import Foundation
import TestSupport
import Testing

/// LibreOffice opens the sample, lays it out and prints it to PDF: the text survives,
/// the page break makes a second page, and the footer's fields are computed.
@Suite struct DOCXWriterRoundtripTests {
    @Test func libreOfficeRendersTheSample() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let file = try package.save(named: "everything")
        let directory = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try TestSupport.runSharedTool(
            "office-roundtrip", [file.path, "--outdir", directory.appendingPathComponent("out").path])
        #expect(result.status == 0, "\(result.output)")

        // Output lines: "PDF: <path>", "TEXT: <path>", "PAGES: <n>".
        var fields: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let textPath = try #require(fields["TEXT"], "\(result.output)")
        let text = try String(contentsOfFile: textPath, encoding: .utf8)
        #expect(fields["PAGES"] == "2")
        #expect(text.contains("Съгласие за обмен на информация"))
        #expect(text.contains("Page 1 of 2"))
        #expect(text.contains("Page 2 of 2"))
        #expect(text.contains("Ioana Ștefănescu"))
        #expect(text.contains("Консултация с психолог"))
    }
}
