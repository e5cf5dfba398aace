import Testing
import ZipSupport

@Suite struct ZipStreamTests {
    let content = Array(String(repeating: "<text:p>Съгласие &amp; consimțământ</text:p>\n", count: 5_000).utf8)

    @Test(arguments: [1, 7, 4096, 64 << 10, 1 << 20])
    func aStreamedPartEqualsTheBufferedPart(chunkSize: Int) throws {
        let buffered = try ZipWriter.archive([ZipEntry(path: "content.xml", data: content)])
        let streamed = try ZipWriter.archive([.stream(ZipStream(path: "content.xml", chunksOf: content, chunkSize: chunkSize))])
        #expect(streamed == buffered)
    }

    @Test func chunksOfAnyShapeAndAnUnknownSizeReadBack() throws {
        // Chunks of growing length, some empty, and no size announced (libzip marks it ZIP64).
        var offset = 0, step = 0
        let stream = ZipStream(path: "content.xml") { [content] in
            guard offset < content.count else { return nil }
            step += 1
            let end = min(content.count, offset + (step % 5) * 333)
            defer { offset = end }
            return content[offset..<end]
        }
        let bytes = try ZipWriter.archive([.stream(stream)])
        #expect(try ZipReader.entries(of: bytes).map(\.data) == [content])
        #expect(ZipWriter.uncompressedSize(of: bytes) == content.count)
    }

    @Test func aStoredStreamIsStored() throws {
        let bytes = try ZipWriter.archive([.stream(ZipStream(path: "mimetype", chunksOf: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored, chunkSize: 5))])
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(try ZipReader.entries(of: bytes)[0].compression == .stored)
    }

    struct Broken: Error, CustomStringConvertible { var description: String { "the table ran out of rows" } }

    @Test func aFailingStreamFailsTheArchiveWithItsReason() throws {
        var calls = 0
        let stream = ZipStream(path: "content.xml") {
            calls += 1
            if calls > 2 { throw Broken() }
            return ArraySlice(repeating: 0x41, count: 1000)
        }
        let error = #expect(throws: ZipError.self) { try ZipWriter.archive([.stream(stream)]) }
        #expect(error?.message.contains("the table ran out of rows") == true)
        #expect(error?.message.contains("content.xml") == true)
    }

    @Test func aStreamThatBreaksItsAnnouncedSizeIsRefused() throws {
        var given = false
        let short = ZipStream(path: "content.xml", size: 100) {
            defer { given = true }
            return given ? nil : ArraySlice(repeating: 0x41, count: 50)
        }
        #expect(throws: ZipError.self) { try ZipWriter.archive([.stream(short)]) }
    }
}
