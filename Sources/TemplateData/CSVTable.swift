import Foundation

/// RFC 4180 splitting and the conversion of CSV rows to documents (see ``RecordFile``).
enum CSVTable {
    /// The column names, split at dots, shared by every row of a file.
    final class Header: Sendable {
        /// Per column: the path of object keys it fills (`case.code` → `["case", "code"]`).
        let paths: [[String]]
        let names: [String]

        init(names: [String], paths: [[String]]) {
            self.names = names
            self.paths = paths
        }
    }

    struct Cell: Sendable {
        var text: String
        var position: TextPosition
    }

    private struct Row {
        var cells: [Cell] = []
        var line: Int
        var error: DataError?
    }

    // MARK: Splitting

    static func records(_ bytes: [UInt8], path: String, limits: DataLimits) throws(DataError) -> [DataRecord] {
        let rows = try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) -> [Row] in
            if let error = UTF8Check.check(buffer, path: path) { throw error }
            return try split(buffer, path: path)
        }
        guard let first = rows.first else {
            throw DataError(
                code: .syntax, location: SourceLocation(file: path, line: 1, column: 1),
                message: "the file is empty; expected a header row naming the columns")
        }
        if let error = first.error { throw error }
        let header = try makeHeader(first, path: path, limits: limits)
        var records: [DataRecord] = []
        records.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            let content: DataRecord.Content
            if let error = row.error {
                content = .invalid(error)
            } else if row.cells.count != header.names.count {
                content = .invalid(DataError(
                    code: .syntax, location: SourceLocation(file: path, line: row.line, column: 1),
                    message: "this row has \(row.cells.count) field\(row.cells.count == 1 ? "" : "s"); the header has \(header.names.count)",
                    suggestion: "quote fields that contain commas or line breaks (\"Ionescu, Maria\")"))
            } else {
                content = .csv(header, row.cells)
            }
            records.append(DataRecord(path: path, number: records.count + 1, line: row.line, content: content))
        }
        return records
    }

    /// Splits into rows of cells. A malformed row gets an error and the scan resumes at the
    /// next line; an unclosed quote spoils the rest of the file and is thrown.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(DataError) -> [Row] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let start = UTF8Check.hasByteOrderMark(bytes) ? 3 : 0
        var cursor = TextCursor(start: start)
        var rows: [Row] = []
        var index = start
        let n = bytes.count
        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }
        func isLineEnd(_ i: Int) -> Bool { i >= n || bytes[i] == lf || bytes[i] == cr }
        func skipLineEnd(_ i: inout Int) {
            if i < n && bytes[i] == cr { i += 1 }
            if i < n && bytes[i] == lf { i += 1 }
        }
        while index < n {
            let rowPosition = cursor.position(at: index, in: bytes)
            // A blank line is not a record.
            if isLineEnd(index) {
                skipLineEnd(&index)
                continue
            }
            var row = Row(line: rowPosition.line)
            rowLoop: while true {
                let position = cursor.position(at: index, in: bytes)
                if index < n && bytes[index] == quote {
                    var value: [UInt8] = []
                    var i = index + 1
                    while true {
                        guard i < n else {
                            throw DataError(
                                code: .syntax, location: position.location(in: path),
                                message: "this quoted field is never closed",
                                suggestion: "end the field with \"; write a quote inside a field as \"\"")
                        }
                        if bytes[i] == quote {
                            if i + 1 < n && bytes[i + 1] == quote {
                                value.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        value.append(bytes[i])
                        i += 1
                    }
                    row.cells.append(Cell(text: String(decoding: value, as: UTF8.self), position: position))
                    index = i
                    if !isLineEnd(index) && bytes[index] != comma {
                        row.error = DataError(
                            code: .syntax, location: cursor.position(at: index, in: bytes).location(in: path),
                            message: "unexpected text after a closing quote",
                            suggestion: "a quoted field ends at its closing quote; put the whole field in quotes")
                    }
                } else {
                    var i = index
                    while !isLineEnd(i) && bytes[i] != comma {
                        if bytes[i] == quote && row.error == nil {
                            row.error = DataError(
                                code: .syntax, location: cursor.position(at: i, in: bytes).location(in: path),
                                message: "a quote inside an unquoted field",
                                suggestion: "quote the whole field and double the inner quote: \"say \"\"yes\"\"\"")
                        }
                        i += 1
                    }
                    row.cells.append(Cell(text: text(index, i), position: position))
                    index = i
                }
                if row.error != nil {
                    while !isLineEnd(index) { index += 1 }
                }
                if isLineEnd(index) {
                    skipLineEnd(&index)
                    break rowLoop
                }
                index += 1  // the comma
            }
            rows.append(row)
        }
        return rows
    }

    private static func makeHeader(_ row: Row, path: String, limits: DataLimits) throws(DataError) -> Header {
        var names: [String] = [], paths: [[String]] = []
        var seen: [String: Cell] = [:]
        for cell in row.cells {
            let name = cell.text.trimmingCharacters(in: .whitespaces)
            let location = cell.position.location(in: path)
            let segments = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !name.isEmpty, !segments.contains(where: \.isEmpty) else {
                throw DataError(
                    code: .syntax, location: location,
                    message: name.isEmpty ? "a column has no name" : "the column name \"\(name)\" has an empty part",
                    suggestion: "name every column; nested fields are written parent.child")
            }
            if seen[name] != nil {
                throw DataError(
                    code: .duplicateKey, location: location, message: "the column \"\(name)\" appears twice",
                    suggestion: "each column may appear once; remove or rename one of them")
            }
            if segments.count + 1 > limits.maximumDepth {
                throw DataError(
                    code: .limitExceeded, location: location,
                    message: "the column \"\(name)\" nests deeper than \(limits.maximumDepth) levels",
                    suggestion: "flatten the data, or raise DataLimits.maximumDepth")
            }
            seen[name] = cell
            names.append(name)
            paths.append(segments)
        }
        // `case` and `case.code` cannot both be columns: one would be a string, the other an object.
        for name in names {
            var prefix = name
            while let dot = prefix.lastIndex(of: ".") {
                prefix = String(prefix[..<dot])
                if let clash = seen[prefix] {
                    throw DataError(
                        code: .duplicateKey, location: clash.position.location(in: path),
                        message: "the column \"\(prefix)\" clashes with \"\(name)\", which makes \"\(prefix)\" an object",
                        suggestion: "rename one of the columns")
                }
            }
        }
        return Header(names: names, paths: paths)
    }

    // MARK: Documents

    static func document(
        header: Header, cells: [Cell], path: String, line: Int, schema: DataSchema?, limits: DataLimits
    ) throws(DataError) -> DataDocument {
        var positions: [String: TextPosition] = ["": TextPosition(line: line, column: 1)]
        var root = Tree()
        for (column, cell) in cells.enumerated() where !cell.text.isEmpty {
            let keys = header.paths[column]
            let value = typed(cell.text, types: schema?.declaredTypes(at: keys))
            root.insert(value, at: keys[...])
            var pointer = ""
            for key in keys {
                pointer += "/" + JSONPointer.escape(key)
                if positions[pointer] == nil { positions[pointer] = cell.position }
            }
        }
        if cells.count > limits.maximumValueCount {
            throw DataError(
                code: .limitExceeded, location: SourceLocation(file: path, line: line, column: 1),
                message: "the row holds more than \(limits.maximumValueCount) values",
                suggestion: "split the data, or raise DataLimits.maximumValueCount")
        }
        return DataDocument(
            path: path, value: root.value, valuePositions: positions, keyPositions: positions, plainScalarText: [:])
    }

    /// A cell as the schema wants it; when it does not read as the declared type it stays a
    /// string, so validation reports it at the cell ("expected a number, found "12,5"").
    static func typed(_ text: String, types: Set<SchemaNode.JSONType>?) -> Value {
        guard let types, !types.contains(.string) else { return .string(text) }
        if types.contains(.number) || types.contains(.integer), let number = exactNumber(text) {
            return .number(number)
        }
        if types.contains(.boolean) {
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: break
            }
        }
        if types.contains(.null), text == "null" { return .null }
        return .string(text)
    }

    /// JSON number syntax only (`-12.50`, `1e3`), so `12,5` or `0x10` are not guessed at.
    static func exactNumber(_ text: String) -> Decimal? {
        var bytes = Array(text.utf8)[...]
        func digits() -> Bool {
            let before = bytes.count
            while let b = bytes.first, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { bytes.removeFirst() }
            return bytes.count < before
        }
        if bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
        guard digits() else { return nil }
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            guard digits() else { return nil }
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes.removeFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes.removeFirst() }
            guard digits() else { return nil }
        }
        guard bytes.isEmpty else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Nested objects built column by column, keeping the header's order.
    private struct Tree {
        var object = OrderedObject()
        var children: [String: Tree] = [:]
        var childOrder: [String] = []

        mutating func insert(_ value: Value, at keys: ArraySlice<String>) {
            guard let key = keys.first else { return }
            if keys.count == 1 {
                object[key] = value
            } else {
                if children[key] == nil {
                    childOrder.append(key)
                    object[key] = .object(OrderedObject())  // holds the key's place
                }
                children[key, default: Tree()].insert(value, at: keys.dropFirst())
            }
        }

        var value: Value {
            var result = object
            for key in childOrder { result[key] = children[key]!.value }
            return .object(result)
        }
    }
}
