import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing

/// Every document the writer produces must be plain ODF 1.3 (`validate-odt --strict`:
/// schema-valid, no extension markup, manifest complete).
@Suite struct ODTWriterValidationTests {
    static let documents: [(String, Document)] =
        [
            ("full", SampleDocuments.full), ("minimal", SampleDocuments.minimal),
            ("tablesInList", SampleDocuments.tablesInList), ("edgeCases", SampleDocuments.edgeCases),
        ]
        + SampleDocuments.locales.map { ($0, SampleDocuments.localized($0)) }

    @Test(arguments: documents.map(\.0))
    func passesStrictValidation(_ name: String) throws {
        let document = try #require(Self.documents.first { $0.0 == name }?.1)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(name).odt")
        try Data(try ODTWriter().write(document)).write(to: file)

        let result = try TestSupport.runSharedTool("validate-odt", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.output)")
    }

    @Test(arguments: SampleDocuments.locales)
    func setsTheDocumentLanguage(_ tag: String) throws {
        let entries = try ODTWriter().parts(of: SampleDocuments.localized(tag))
        let styles = try #require(entries.first { $0.path == "styles.xml" }).text
        let meta = try #require(entries.first { $0.path == "meta.xml" }).text
        let language = LanguageTag(tag)
        #expect(styles.contains("fo:language=\"\(language.language)\" fo:country=\"\(language.region ?? "")\""))
        #expect(meta.contains("<dc:language>\(tag)</dc:language>"))
    }
}
