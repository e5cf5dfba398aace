import DOCXWriter
import DocumentModel
import Testing

/// Same document in, same bytes out: no clock, no random ids, no dictionary order.
@Suite struct DOCXWriterDeterminismTests {
    @Test func sameDocumentGivesIdenticalBytes() throws {
        let first = try DOCXWriter().write(SampleDocuments.everything)
        let second = try DOCXWriter().write(SampleDocuments.everything)
        #expect(first == second)
        #expect(first.count > 1000)
    }

    @Test func writerValuesAreInterchangeableAcrossTasks() async throws {
        let expected = try DOCXWriter().write(SampleDocuments.edgeCases)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<4 { group.addTask { try DOCXWriter().write(SampleDocuments.edgeCases) } }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func noCreationDateUnlessMetadataGivesOne() throws {
        var document = SampleDocuments.minimal(language: "ro-MD")
        let without = try WrittenPackage(document)
        #expect(without.text(of: "docProps/core.xml")?.contains("dcterms:created") == false)

        document.metadata.created = "2026-02-01"
        let with = try WrittenPackage(document)
        let core = try #require(with.parsed("docProps/core.xml"))
        #expect(core.textByElement["dcterms:created"] == ["2026-02-01T00:00:00Z"])
        #expect(core.attributeValues("xsi:type", of: "dcterms:created") == ["dcterms:W3CDTF"])
    }

    @Test func differentDocumentsGiveDifferentBytes() throws {
        let bulgarian = try DOCXWriter().write(SampleDocuments.minimal(language: "bg-BG"))
        let italian = try DOCXWriter().write(SampleDocuments.minimal(language: "it-IT"))
        #expect(bulgarian != italian)
    }
}
