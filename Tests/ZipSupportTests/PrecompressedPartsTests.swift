import Testing
import ZipSupport

@Suite struct PrecompressedPartsTests {
    let mimetype = ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored)
    let styles = ZipEntry(path: "styles.xml", data: Array(String(repeating: "<style:style name=\"Ș\"/>", count: 300).utf8))
    let picture = ZipEntry(path: "Pictures/a.png", data: (0..<200).map { UInt8($0) }, compression: .stored)

    @Test func copyingEveryEntryGivesTheArchiveItCameFrom() throws {
        let parts = try PrecompressedParts([mimetype, styles, picture])
        #expect(parts.paths == ["mimetype", "styles.xml", "Pictures/a.png"])
        let copied = try ZipWriter.archive(parts.paths.map { ZipItem.copy($0, from: parts) })
        #expect(copied == parts.archiveBytes)
    }

    @Test func copiedEntriesKeepTheirStoredBytesAndReadBack() throws {
        let parts = try PrecompressedParts([styles, picture])
        var archives: [[UInt8]] = []
        for index in 0..<3 {
            archives.append(try ZipWriter.archive([
                .entry(mimetype), .entry(ZipEntry(path: "content.xml", data: Array("<p>document \(index)</p>".utf8))),
                .copy("styles.xml", from: parts), .copy("Pictures/a.png", from: parts),
            ]))
        }
        let source = ZipHeaders(parts.archiveBytes)
        for (index, bytes) in archives.enumerated() {
            let read = try ZipReader.entries(of: bytes)
            #expect(read.map(\.path) == ["mimetype", "content.xml", "styles.xml", "Pictures/a.png"])
            #expect(read[1].data == Array("<p>document \(index)</p>".utf8))
            #expect(read[2].data == styles.data)
            #expect(read[3].data == picture.data)
            #expect(read[3].compression == .stored)
            let headers = ZipHeaders(bytes)
            #expect(headers.payload(headers.entries[2]) == source.payload(source.entries[0]))
            #expect(headers.payload(headers.entries[3]) == source.payload(source.entries[1]))
        }
    }

    /// A deflate stream libzip would never write (one uncompressed deflate block) comes out
    /// unchanged: the entry is copied, not inflated and deflated again.
    @Test func anEntryIsCopiedWithoutRecompression() throws {
        let text = Array(String(repeating: "aaaa", count: 64).utf8)
        let storedBlock: [UInt8] = [0x01, UInt8(text.count & 0xFF), UInt8(text.count >> 8), ~UInt8(text.count & 0xFF), ~UInt8(text.count >> 8)] + text
        let foreign = Self.handMadeArchive(name: "styles.xml", data: text, payload: storedBlock)
        let parts = try PrecompressedParts(archive: foreign)
        let bytes = try ZipWriter.archive([.entry(mimetype), .copy("styles.xml", from: parts)])
        let headers = ZipHeaders(bytes)
        #expect(Array(headers.payload(headers.entries[1])) == storedBlock)
        #expect(headers.entries[1].method == 8)
        #expect(try ZipReader.entries(of: bytes)[1].data == text)
        // Compressing the same text gives far fewer bytes: the copy above was not recompressed.
        let fresh = ZipHeaders(try ZipWriter.archive([ZipEntry(path: "styles.xml", data: text)]))
        #expect(fresh.entries[0].compressedSize < storedBlock.count / 4)
    }

    @Test func twoOwnersNeverShareParts() throws {
        let first = try PrecompressedParts([ZipEntry(path: "styles.xml", data: Array("<a/>".utf8))])
        let second = try PrecompressedParts([ZipEntry(path: "styles.xml", data: Array("<b/>".utf8))])
        let one = try ZipReader.entries(of: try ZipWriter.archive([.copy("styles.xml", from: first)]))
        let other = try ZipReader.entries(of: try ZipWriter.archive([.copy("styles.xml", from: second)]))
        #expect(one[0].data == Array("<a/>".utf8))
        #expect(other[0].data == Array("<b/>".utf8))
    }

    @Test func unknownPartsAndForeignMethodsAreRefused() throws {
        let parts = try PrecompressedParts([styles])
        #expect(throws: ZipError.self) { try ZipWriter.archive([.copy("settings.xml", from: parts)]) }
        var bzip2 = Self.handMadeArchive(name: "x.xml", data: [1], payload: [1])
        bzip2[8] = 12  // local header: method bzip2
        let central = bzip2.count - 22 - 46 - 5
        bzip2[central + 10] = 12
        #expect(throws: ZipError.self) { try PrecompressedParts(archive: bzip2) }
    }

    /// One deflated entry with `payload` as its stored bytes, written by hand.
    static func handMadeArchive(name: String, data: [UInt8], payload: [UInt8]) -> [UInt8] {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc = ~crc
        var out: [UInt8] = []
        func u16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
        func common() {
            u16(20); u16(0); u16(8); u16(0); u16(0x21); u32(crc); u32(UInt32(payload.count)); u32(UInt32(data.count)); u16(name.utf8.count); u16(0)
        }
        u32(0x0403_4B50); common(); out += name.utf8; out += payload
        let directory = out.count
        u32(0x0201_4B50); u16(3 << 8 | 20); common(); u16(0); u16(0); u16(0); u32(0o100644 << 16); u32(0); out += name.utf8
        let directorySize = out.count - directory
        u32(0x0605_4B50); u16(0); u16(0); u16(1); u16(1); u32(UInt32(directorySize)); u32(UInt32(directory)); u16(0)
        return out
    }
}
