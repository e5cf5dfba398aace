/// One record of a ``RecordFile``: a line of NDJSON or a row of CSV, loaded on demand so a
/// batch can load records in parallel and a broken record fails alone.
///
/// ```swift
/// let file = try RecordFile(contentsOf: URL(fileURLWithPath: "cases.csv"))
/// for record in file.records {
///     print(record.location)                       // cases.csv:2:1
///     let document = try record.load(schema: schema)
/// }
/// ```
public struct DataRecord: Sendable {
    /// The record file, as given (for messages).
    public let path: String
    /// 1-based position of the record in its file (header and blank lines not counted).
    public let number: Int
    /// The line the record starts on.
    public let line: Int

    enum Content: Sendable {
        case json([UInt8])
        case csv(CSVTable.Header, [CSVTable.Cell])
        /// The row could not be split into fields; the error is thrown by `load`.
        case invalid(DataError)
    }

    let content: Content

    /// Where the record starts: `file:line:1`.
    public var location: SourceLocation { SourceLocation(file: path, line: line, column: 1) }

    /// Parses the record. CSV cells become strings, or numbers and booleans where `schema`
    /// declares that type for the column and the cell reads as one (see ``RecordFile``).
    /// The document's locations are in the record file, so validation errors point at the
    /// right line. It is not validated here.
    public func load(schema: DataSchema? = nil, limits: DataLimits = DataLimits()) throws(DataError) -> DataDocument {
        switch content {
        case .invalid(let error):
            throw error
        case .json(let bytes):
            return try loadJSON(bytes, limits: limits)
        case .csv(let header, let cells):
            return try CSVTable.document(header: header, cells: cells, path: path, line: line, schema: schema, limits: limits)
        }
    }

    private func loadJSON(_ bytes: [UInt8], limits: DataLimits) throws(DataError) -> DataDocument {
        let shift = line - 1
        func shifted(_ error: DataError) -> DataError {
            var error = error
            if var location = error.location {
                location.line += shift
                error.location = location
            }
            return error
        }
        if bytes.count > limits.maximumFileSize {
            throw DataError(
                code: .limitExceeded, location: location,
                message: "the record is \(bytes.count) bytes; a record may be at most \(limits.maximumFileSize) bytes",
                suggestion: "split the record, or raise DataLimits.maximumFileSize")
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) -> DataDocument in
            if let error = UTF8Check.check(buffer, path: path) { throw shifted(error) }
            var parser = JSONParser(bytes: buffer, path: path, limits: limits)
            let value: Value
            do throws(DataError) {
                value = try parser.parseDocument()
            } catch {
                throw shifted(error)
            }
            func move(_ positions: [String: TextPosition]) -> [String: TextPosition] {
                positions.mapValues { TextPosition(line: $0.line + shift, column: $0.column) }
            }
            return DataDocument(
                path: path, value: value, valuePositions: move(parser.valuePositions),
                keyPositions: move(parser.keyPositions), plainScalarText: [:])
        }
    }
}
