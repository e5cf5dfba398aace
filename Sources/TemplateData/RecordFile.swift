public import Foundation

/// A file of many records, one document each: NDJSON (one JSON value per line) or CSV.
///
/// Splitting the file into records is cheap and done at once; each record is parsed by
/// ``DataRecord/load(schema:limits:)``, so one broken record does not stop the others.
/// Blank lines are skipped. Every record knows its line, for messages like
/// `cases.ndjson:41:17: error: /child/code: …`.
///
/// CSV (RFC 4180): the first row names the columns; `,` separates fields; fields may be
/// quoted with `"` (a quote inside is written `""`, and quoted fields may span lines); lines
/// end in LF or CRLF. A dotted column name (`case.code`) makes nested objects
/// (`{"case": {"code": …}}`). Cells are strings, except where the schema declares the
/// column a number, integer or boolean (and not also a string): then `12.50` is a number and
/// `true`/`false` a boolean. An empty cell leaves the field out, so a required field
/// reports "missing". Lists cannot be written in CSV; use NDJSON for them.
///
/// ```swift
/// let file = try RecordFile(bytes: Array("case.code,child.age\nBG-1,9\n".utf8), path: "c.csv")
/// let doc = try file.records[0].load(schema: schema)
/// doc.value[path: ["case", "code"]]   // .string("BG-1")
/// ```
public struct RecordFile: Sendable {
    public let path: String
    public let format: RecordFormat
    public let records: [DataRecord]

    /// Splits `bytes` into records. Throws only for problems that spoil the whole file
    /// (a CSV header that cannot be used, invalid UTF-8 in a CSV, an unclosed quote).
    public init(bytes: [UInt8], path: String, format: RecordFormat? = nil, limits: DataLimits = DataLimits())
        throws(DataError)
    {
        guard let format = format ?? RecordFormat(path: path) else {
            throw DataError(
                code: .unsupportedFileType, file: path, message: "cannot tell the record format from the file name",
                suggestion: "name the file with .ndjson, .jsonl or .csv")
        }
        self.path = path
        self.format = format
        switch format {
        case .ndjson: records = Self.splitLines(bytes, path: path)
        case .csv: records = try CSVTable.records(bytes, path: path, limits: limits)
        }
    }

    /// Reads a record file (memory-mapped, so a large file is not copied up front).
    public init(contentsOf url: URL, format: RecordFormat? = nil, limits: DataLimits = DataLimits()) throws(DataError) {
        let path = url.isFileURL ? url.relativePath : url.absoluteString
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it could not be read" : "it does not exist"
            throw DataError(code: .unreadable, file: path, message: "cannot open the record file: \(reason)")
        }
        try self.init(bytes: Array(data), path: path, format: format, limits: limits)
    }

    /// NDJSON: one record per non-blank line; a trailing `\r` is dropped.
    static func splitLines(_ bytes: [UInt8], path: String) -> [DataRecord] {
        var records: [DataRecord] = []
        var start = 0, line = 1
        let newline = UInt8(ascii: "\n")
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != newline { end += 1 }
            var last = end
            if last > start && bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
            let slice = bytes[start..<last]
            if slice.contains(where: { !($0 == 0x20 || $0 == 0x09) }) {
                records.append(DataRecord(path: path, number: records.count + 1, line: line, content: .json(Array(slice))))
            }
            line += 1
            start = end + 1
        }
        return records
    }
}
