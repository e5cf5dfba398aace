import Testing
import ZipSupport

@Suite struct ZipTests {
    let entries = [
        ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored),
        ZipEntry(path: "content.xml", data: Array(String(repeating: "<p>Съгласие</p>", count: 200).utf8)),
        ZipEntry(path: "META-INF/manifest.xml", data: Array("<m/>".utf8)),
    ]

    @Test func roundTripsEntriesInOrderWithTheirCompression() throws {
        let bytes = try ZipWriter.archive(entries)
        let read = try ZipReader.entries(of: bytes)
        #expect(read.map(\.path) == ["mimetype", "content.xml", "META-INF/manifest.xml"])
        #expect(read.map(\.data) == entries.map(\.data))
        #expect(read[0].compression == .stored)
        #expect(read[1].compression == .deflated)
        // ODF requires the mimetype's bytes right after the first local header, uncompressed.
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(Array(bytes[38..<(38 + 39)]) == Array("application/vnd.oasis.opendocument.text".utf8))
    }

    @Test func isDeterministic() throws {
        #expect(try ZipWriter.archive(entries) == ZipWriter.archive(entries))
    }

    @Test func refusesDuplicateEntries() {
        #expect(throws: ZipError.self) { try ZipWriter.archive([entries[0], entries[0]]) }
    }

    @Test func readerEnforcesLimits() throws {
        let bytes = try ZipWriter.archive(entries)
        #expect(throws: ZipError.self) { try ZipReader.entries(of: bytes, limits: .init(maxEntries: 2)) }
        #expect(throws: ZipError.self) { try ZipReader.entries(of: bytes, limits: .init(maxEntrySize: 100)) }
        #expect(throws: ZipError.self) { try ZipReader.entries(of: bytes, limits: .init(maxTotalSize: 1000)) }
    }

    @Test(arguments: [[UInt8](), Array("not a zip".utf8), [0x50, 0x4B, 0x03, 0x04, 0, 0]])
    func readerRefusesGarbage(bytes: [UInt8]) {
        #expect(throws: ZipError.self) { try ZipReader.entries(of: bytes) }
    }
}
