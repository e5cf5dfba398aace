/// UTF-8 checks done before parsing, so the parsers can decode slices without re-checking.
enum UTF8Check {
    /// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
    /// forms, surrogates and values above U+10FFFF are ill-formed), or nil.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
                i + k < n && range.contains(bytes[i + k])
            }
            switch b0 {
            case 0xC2...0xDF:
                guard continuation(1) else { return i }
                i += 2
            case 0xE0:
                guard continuation(1, 0xA0...0xBF), continuation(2) else { return i }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continuation(1), continuation(2) else { return i }
                i += 3
            case 0xED:
                guard continuation(1, 0x80...0x9F), continuation(2) else { return i }
                i += 3
            case 0xF0:
                guard continuation(1, 0x90...0xBF), continuation(2), continuation(3) else { return i }
                i += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return i }
                i += 4
            case 0xF4:
                guard continuation(1, 0x80...0x8F), continuation(2), continuation(3) else { return i }
                i += 4
            default:
                return i
            }
        }
        return nil
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A located error for bytes that are not UTF-8, with a hint when the file is UTF-16.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> DataError? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return DataError(
                code: .invalidEncoding, location: SourceLocation(file: path, line: 1, column: 1),
                message: "the file is UTF-16 text, not UTF-8", suggestion: "save the file as UTF-8")
        }
        guard let offset = firstInvalidOffset(in: bytes) else { return nil }
        let start = hasByteOrderMark(bytes) ? 3 : 0
        var cursor = TextCursor(start: start)
        let position = cursor.position(at: offset, in: bytes)
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return DataError(
            code: .invalidEncoding, location: position.location(in: path),
            message: "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex))",
            suggestion:
                "save the file as UTF-8; it may have been written in a legacy encoding such as Windows-1251 or Windows-1250"
        )
    }

    static func hasByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
