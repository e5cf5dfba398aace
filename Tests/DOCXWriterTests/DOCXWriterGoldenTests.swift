import DocumentModel
import Foundation
import TestSupport
import Testing

/// The XML of the sample that uses every model feature, compared part by part with
/// `Golden/`. Re-record after an intended change with
/// `RECORD_GOLDEN=1 swift test --filter DOCXWriterGoldenTests` and review the diff.
@Suite struct DOCXWriterGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let parts = [
        "[Content_Types].xml", "docProps/core.xml", "word/document.xml", "word/styles.xml", "word/numbering.xml",
        "word/header1.xml", "word/footer1.xml",
    ]

    @Test func everythingSampleMatchesGoldenFiles() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        let problems = try TestSupport.compareWithGolden(package: package.bytes, parts: Self.parts, directory: Self.goldenDirectory)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
