import DocumentModel
import Foundation
import TestSupport
import Testing

/// Every written package passes `../shared/tools/validate-docx --strict`: ECMA-376
/// transitional schemas, content types, relationships, no extension markup.
@Suite struct DOCXWriterValidationTests {
    static let documents: [(name: String, document: Document)] = [
        ("everything", SampleDocuments.everything),
        ("escaping", SampleDocuments.escaping),
        ("edge-cases", SampleDocuments.edgeCases),
        ("empty", Document(metadata: Metadata(title: "Empty", language: LanguageTag("ro-RO")))),
    ] + ["bg-BG", "ro-RO", "ro-MD", "it-IT", "en-GB"].map { ("minimal-\($0)", SampleDocuments.minimal(language: $0)) }

    @Test(arguments: documents.map(\.name))
    func passesStrictValidation(name: String) throws {
        let document = try #require(Self.documents.first { $0.name == name }?.document)
        let file = try WrittenPackage(document).save(named: name)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try TestSupport.runSharedTool("validate-docx", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.output)")
    }

    @Test(arguments: ["bg-BG", "ro-RO", "ro-MD", "it-IT", "en-GB"])
    func documentLanguageIsSetForSpellChecking(tag: String) throws {
        let package = try WrittenPackage(SampleDocuments.minimal(language: tag))
        let styles = try #require(package.parsed("word/styles.xml"))
        #expect(styles.attributeValues("w:val", of: "w:lang") == [tag])
        let core = try #require(package.parsed("docProps/core.xml"))
        #expect(core.textByElement["dc:language"] == [tag])
    }
}
