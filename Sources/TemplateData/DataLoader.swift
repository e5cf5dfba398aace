public import Foundation
import Yams

/// Reads JSON and YAML data files into a ``DataDocument``, with every value's position.
///
/// JSON goes through Formwright's own strict parser (numbers are exact `Decimal`s, duplicate
/// keys are errors); YAML through Yams with YAML 1.2 core-schema scalars. Problems are
/// thrown as a located ``DataError``.
///
/// ```swift
/// let loader = DataLoader()
/// let doc = try loader.load(text: #"{"amount": 0.10}"#, path: "budget.json")
/// doc.value["amount"]   // .number(0.1), exactly
/// let fromDisk = try loader.load(contentsOf: URL(fileURLWithPath: "example.yaml"))
/// ```
public struct DataLoader: Sendable {
    public var limits: DataLimits

    public init(limits: DataLimits = DataLimits()) {
        self.limits = limits
    }

    /// Loads a file; the format comes from its extension unless `format` is given.
    /// The path shown in messages is the URL's path as given.
    public func load(contentsOf url: URL, format: DataFormat? = nil) throws(DataError) -> DataDocument {
        let path = url.isFileURL ? url.relativePath : url.absoluteString
        let resolvedFormat = try Self.format(of: path, given: format)
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
            size > limits.maximumFileSize
        {
            throw sizeError(size, path: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it could not be read" : "it does not exist"
            throw DataError(code: .unreadable, file: path, message: "cannot open the data file: \(reason)")
        }
        return try load(Array(data), path: path, format: resolvedFormat)
    }

    /// Loads data given as bytes; `path` is what messages show and picks the format by its
    /// extension unless `format` is given.
    public func load(_ bytes: [UInt8], path: String, format: DataFormat? = nil) throws(DataError) -> DataDocument {
        let resolvedFormat = try Self.format(of: path, given: format)
        if bytes.count > limits.maximumFileSize { throw sizeError(bytes.count, path: path) }
        let value = try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) -> Value? in
            if let error = UTF8Check.check(buffer, path: path) { throw error }
            return resolvedFormat == .json ? try parseJSONWithoutPositions(buffer, path: path) : nil
        }
        guard let value else {
            return try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) -> DataDocument in
                try loadYAML(buffer, path: path)
            }
        }
        // Positions are found again only if someone asks (a validation error): see JSONParser.
        let limits = self.limits
        return DataDocument(path: path, value: value, plainScalarText: [:]) {
            bytes.withUnsafeBufferPointer { buffer in
                var parser = JSONParser(bytes: buffer, path: path, limits: limits)
                _ = try? parser.parseDocument()
                return (parser.valuePositions, parser.keyPositions)
            }
        }
    }

    /// Loads data given as text (convenient in tests and for data built in memory).
    public func load(text: String, path: String, format: DataFormat? = nil) throws(DataError) -> DataDocument {
        try load(Array(text.utf8), path: path, format: format)
    }

    // MARK: Formats

    private func parseJSONWithoutPositions(_ buffer: UnsafeBufferPointer<UInt8>, path: String) throws(DataError) -> Value {
        var parser = JSONParser(bytes: buffer, path: path, limits: limits, recordsPositions: false)
        do {
            return try parser.parseDocument()
        } catch {
            // The parse that keeps positions reports the same problem with its full context.
            var located = JSONParser(bytes: buffer, path: path, limits: limits)
            _ = try located.parseDocument()
            throw error
        }
    }

    private func loadYAML(_ buffer: UnsafeBufferPointer<UInt8>, path: String) throws(DataError) -> DataDocument {
        let start = UTF8Check.hasByteOrderMark(buffer) ? 3 : 0
        if let offset = YAMLNestingScan.firstOffsetDeeperThan(limits.maximumDepth, in: buffer, start: start) {
            var cursor = TextCursor(start: start)
            throw DataError(
                code: .limitExceeded, location: cursor.position(at: offset, in: buffer).location(in: path),
                message: "nesting is deeper than \(limits.maximumDepth) levels",
                suggestion: "flatten the data, or raise DataLimits.maximumDepth")
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, YAMLConverter.resolver)
        } catch let error as YamlError {
            throw Self.dataError(from: error, path: path, text: text)
        } catch {
            throw DataError(code: .syntax, file: path, message: "the YAML could not be read: \(error)")
        }
        guard let root else {
            throw DataError(
                code: .syntax, location: SourceLocation(file: path, line: 1, column: 1),
                message: "the file is empty; expected YAML data")
        }
        var converter = YAMLConverter(path: path, limits: limits)
        let value = try converter.convert(root, pointer: "", depth: 0)
        return DataDocument(
            path: path, value: value, valuePositions: converter.valuePositions, keyPositions: converter.keyPositions,
            plainScalarText: converter.plainScalarText)
    }

    // MARK: Errors

    private static func format(of path: String, given: DataFormat?) throws(DataError) -> DataFormat {
        guard let format = given ?? DataFormat(path: path) else {
            throw DataError(
                code: .unsupportedFileType, file: path, message: "cannot tell the data format from the file name",
                suggestion: "name the file with .json, .yaml or .yml")
        }
        return format
    }

    private func sizeError(_ size: Int, path: String) -> DataError {
        DataError(
            code: .limitExceeded, file: path,
            message: "the file is \(size) bytes; data files may be at most \(limits.maximumFileSize) bytes",
            suggestion: "split the data, or raise DataLimits.maximumFileSize")
    }

    static func dataError(from error: YamlError, path: String, text: String) -> DataError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
        func explain(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _):
            return DataError(
                code: .syntax, location: at(mark), message: explain(context, problem),
                suggestion: problem.contains("tab") || problem.contains("cannot start any token")
                    ? "indent with spaces, not tabs; put text with special characters (: # @ `) in quotes" : nil)
        case .parser(let context, let problem, let mark, _):
            return DataError(
                code: .syntax, location: at(mark), message: explain(context, problem),
                suggestion: problem.contains("expected key") || problem.contains("expected <block end>")
                    ? "check the indentation of this line against the lines above it" : nil)
        case .composer(let context, let problem, let mark, _):
            var suggestion: String?
            if problem.contains("another document") {
                suggestion = "a data file holds one document; remove the extra '---'"
            }
            if problem.contains("undefined alias") { suggestion = "define the anchor (&name) before using it (*name)" }
            return DataError(
                code: .syntax, location: at(mark), message: explain(context, problem), suggestion: suggestion)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return DataError(
                code: .duplicateKey, location: at(context.mark),
                message: "duplicate key \(keys) in this mapping",
                suggestion: "each key may appear once in a mapping; remove or rename one of them")
        case .reader(let problem, let offset, _, _):
            var location: SourceLocation?
            if let offset, let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) {
                let before = text[..<index]
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
                location = SourceLocation(file: path, line: line, column: before[lineStart...].unicodeScalars.count + 1)
            }
            return DataError(code: .syntax, file: path, location: location, message: problem)
        default:
            return DataError(code: .syntax, file: path, message: "the YAML could not be read: \(error)")
        }
    }
}
