import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing

/// The XML parts of the full sample, compared with `Golden/`. After an intended change,
/// re-record with `RECORD_GOLDEN=1 swift test --filter ODTWriterGoldenTests` and review the diff.
@Suite struct ODTWriterGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test func fullSampleMatchesGoldenParts() throws {
        let bytes = try ODTWriter().write(SampleDocuments.full)
        let problems = try TestSupport.compareWithGolden(
            package: bytes, parts: ["content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"],
            directory: Self.goldenDirectory)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
