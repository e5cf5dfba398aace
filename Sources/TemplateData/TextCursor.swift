/// Turns byte offsets into line:column, moving forward only so a whole file costs one pass.
///
/// Lines break at `\n`, `\r\n` and a lone `\r`; columns count Unicode scalars (UTF-8 lead bytes).
struct TextCursor {
    private var offset: Int
    private var line = 1
    private var column = 1
    private var afterCarriageReturn = false
    private let start: Int

    /// `start` skips a byte order mark, so the first character is column 1.
    init(start: Int = 0) {
        self.start = start
        self.offset = start
    }

    mutating func position(at target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextPosition {
        if target < offset { self = TextCursor(start: start) }
        while offset < target && offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                if !afterCarriageReturn { line += 1 }
                column = 1
                afterCarriageReturn = false
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
                afterCarriageReturn = true
            } else {
                if byte & 0xC0 != 0x80 { column += 1 }
                afterCarriageReturn = false
            }
            offset += 1
        }
        return TextPosition(line: line, column: column)
    }
}
