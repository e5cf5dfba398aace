import Foundation
import Testing
import ZipSupport

@Suite struct ZipTests {
    static let mediaType = "application/vnd.oasis.opendocument.text"
    let entries = [
        ZipEntry(path: "mimetype", data: Array(Self.mediaType.utf8), compression: .stored),
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
    }

    @Test func mimetypeIsFirstStoredAndWithoutExtraField() throws {
        let bytes = try ZipWriter.archive(entries)
        // ODF: the mimetype's bytes right after the first local header, uncompressed, no extra field.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)  // method: stored
        #expect(bytes[28] == 0 && bytes[29] == 0)  // extra field length
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(Array(bytes[38..<(38 + 39)]) == Array(Self.mediaType.utf8))
    }

    @Test func headersHoldNoVaryingField() throws {
        let bytes = try ZipWriter.archive(entries + [ZipEntry(path: "Pictures/școală.png", data: [1, 2, 3], compression: .stored)])
        let headers = ZipHeaders(bytes)
        #expect(headers.entries.map(\.name) == ["mimetype", "content.xml", "META-INF/manifest.xml", "Pictures/școală.png"])
        for entry in headers.entries {
            #expect(entry.dosTime == 0, "\(entry.name)")
            #expect(entry.dosDate == 0x21, "\(entry.name): 1980-01-01")
            #expect(entry.extraLength == 0, "\(entry.name)")
            #expect(headers.localExtraLength(entry) == 0, "\(entry.name)")
            #expect(entry.externalAttributes == 0o100644 << 16, "\(entry.name)")
            #expect(entry.flags & 0x08 == 0, "\(entry.name): no data descriptor")
        }
        #expect(headers.entries[3].flags & 0x800 != 0, "a UTF-8 name is marked as such")
    }

    @Test func isDeterministic() throws {
        #expect(try ZipWriter.archive(entries) == ZipWriter.archive(entries))
    }

    @Test func refusesDuplicateAndEmptyNames() {
        #expect(throws: ZipError.self) { try ZipWriter.archive([entries[0], entries[0]]) }
        #expect(throws: ZipError.self) { try ZipWriter.archive([ZipEntry(path: "", data: [1])]) }
    }

    @Test func emptyEntriesNonASCIINamesAndAnEmptyArchiveRoundTrip() throws {
        let bytes = try ZipWriter.archive([
            ZipEntry(path: "empty.xml", data: []), ZipEntry(path: "Pictures/școală.txt", data: Array("ă".utf8)),
        ])
        let read = try ZipReader.entries(of: bytes)
        #expect(read.map(\.path) == ["empty.xml", "Pictures/școală.txt"])
        #expect(read[0].data.isEmpty)
        #expect(read[1].data == Array("ă".utf8))
        let empty = try ZipWriter.archive([ZipEntry]())
        #expect(empty.count == 22)
        #expect(ZipWriter.uncompressedSize(of: empty) == 0)
    }

    @Test func uncompressedSizeIsReadFromTheDirectory() throws {
        let bytes = try ZipWriter.archive(entries)
        #expect(ZipWriter.uncompressedSize(of: bytes) == entries.reduce(0) { $0 + $1.data.count })
        #expect(ZipWriter.uncompressedSize(of: Array("not a zip".utf8)) == nil)
        #expect(ZipWriter.uncompressedSize(of: []) == nil)
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
