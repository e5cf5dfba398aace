public import Foundation

extension POFile {
    /// Reads a PO file from disk. The bytes must be UTF-8 (a leading byte-order mark is
    /// skipped); other encodings are reported with the line and column of the first bad byte.
    ///
    /// ```swift
    /// let file = try POFile.read(contentsOf: url)
    /// ```
    ///
    /// - Parameter path: the path to show in errors and locations; defaults to `url.path`.
    public static func read(contentsOf url: URL, path: String? = nil) throws(CatalogError) -> POFile {
        let path = path ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CatalogError(.io, file: path, line: 0, column: 0, message: "cannot read the catalog: \(error.localizedDescription)")
        }
        return try parse(decoding: [UInt8](data), path: path)
    }

    /// Writes ``serialized()`` atomically: readers never see a half-written catalog.
    public func write(to url: URL) throws(CatalogError) {
        do {
            try Data(serialized().utf8).write(to: url, options: .atomic)
        } catch {
            throw CatalogError(.io, file: url.path, line: 0, column: 0, message: "cannot write the catalog: \(error.localizedDescription)")
        }
    }

    static func decodeUTF8(_ bytes: [UInt8], path: String) throws(CatalogError) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        var line = 1, column = 1
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            case .error, .emptyInput:
                break
            }
            break
        }
        throw CatalogError(
            .unsupportedCharset, file: path, line: line, column: column,
            message: "the file is not valid UTF-8",
            suggestion: "convert it with `msgconv --to-code=UTF-8` or save it as UTF-8 in the editor")
    }

    static func parse(decoding bytes: [UInt8], path: String) throws(CatalogError) -> POFile {
        try parse(decodeUTF8(bytes, path: path), path: path)
    }
}
