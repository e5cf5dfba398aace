import Foundation
import Testing
import ZipSupport

/// libzip converts times through `localtime`/`mktime`: the writer must give the same bytes
/// whatever the process's time zone. The zone is changed for this process only while the
/// suite runs (it reads TZ through libc, which is what libzip uses).
@Suite(.serialized) struct TimeZoneTests {
    static let zones = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Europe/Bucharest", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe"]

    static func archive(inZone zone: String) throws -> [UInt8] {
        let previous = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", zone, 1)
        tzset()
        defer {
            if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let fixed = try PrecompressedParts([ZipEntry(path: "styles.xml", data: Array("<styles/>".utf8))])
        return try ZipWriter.archive([
            .entry(ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored)),
            .stream(ZipStream(path: "content.xml", chunksOf: Array(String(repeating: "<p>Ziua de azi</p>", count: 50).utf8), chunkSize: 100)),
            .copy("styles.xml", from: fixed),
        ])
    }

    @Test func sameBytesInEveryTimeZone() throws {
        let reference = try Self.archive(inZone: "UTC")
        for zone in Self.zones.dropFirst() {
            let bytes = try Self.archive(inZone: zone)
            #expect(bytes == reference, "\(zone)")
            #expect(ZipHeaders(bytes).entries.allSatisfy { $0.dosTime == 0 && $0.dosDate == 0x21 }, "\(zone)")
        }
    }
}
