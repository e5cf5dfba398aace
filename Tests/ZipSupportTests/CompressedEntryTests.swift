import Testing
import ZipSupport

@Suite struct CompressedEntryTests {
    let styles = ZipEntry(path: "styles.xml", data: Array(String(repeating: "<style:style name=\"Ș\"/>", count: 300).utf8))
    let mimetype = ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored)

    @Test func precompressedEntriesGiveTheSameArchive() throws {
        let content = ZipEntry(path: "content.xml", data: Array("<p>Съгласие &amp; consimțământ</p>".utf8))
        let plain = try ZipWriter.archive([mimetype, styles, content])
        let precompressed = try ZipWriter.archive([mimetype.compressed(), styles.compressed(), content.compressed()])
        #expect(plain == precompressed)
    }

    @Test func anEntryRepeatedAcrossArchivesIsReadBackIntact() throws {
        // The second and later archives take styles.xml from the cache of repeated entries.
        var archives: [[UInt8]] = []
        for index in 0..<4 {
            let content = ZipEntry(path: "content.xml", data: Array("<p>document \(index)</p>".utf8))
            archives.append(try ZipWriter.archive([mimetype, styles, content]))
        }
        for (index, bytes) in archives.enumerated() {
            let read = try ZipReader.entries(of: bytes)
            #expect(read.map(\.path) == ["mimetype", "styles.xml", "content.xml"])
            #expect(read[1].data == styles.data)
            #expect(read[2].data == Array("<p>document \(index)</p>".utf8))
        }
        // Same styles, different content: only the content's bytes differ in size.
        #expect(archives[1].count == archives[2].count)
    }

    @Test func storedEntriesKeepTheirBytesAndDeflatedOnesShrink() throws {
        let stored = try mimetype.compressed()
        #expect(stored.payload == mimetype.data)
        let deflated = try styles.compressed()
        #expect(deflated.uncompressedSize == styles.data.count)
        #expect(deflated.payload.count < styles.data.count / 10)
    }

    @Test func emptyEntriesAndNonASCIINamesRoundTrip() throws {
        let bytes = try ZipWriter.archive([
            ZipEntry(path: "empty.xml", data: []), ZipEntry(path: "Pictures/școală.txt", data: Array("ă".utf8)),
        ])
        let read = try ZipReader.entries(of: bytes)
        #expect(read.map(\.path) == ["empty.xml", "Pictures/școală.txt"])
        #expect(read[0].data.isEmpty)
        #expect(read[1].data == Array("ă".utf8))
    }

    @Test func partCacheBuildsAPartOncePerKey() {
        let cache = PartCache<String>()
        var builds = 0
        for _ in 0..<3 {
            let bytes = cache.bytes(for: "styles") { () -> [UInt8] in builds += 1; return [1, 2, 3] }
            #expect(bytes == [1, 2, 3])
        }
        #expect(builds == 1)
        #expect(cache.bytes(for: "other") { () -> [UInt8] in builds += 1; return [4] } == [4])
        #expect(builds == 2)
    }
}
