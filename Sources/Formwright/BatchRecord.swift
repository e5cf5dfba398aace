public import Foundation
public import TemplateData
import Localization

/// One document's worth of data in a batch: a JSON/YAML data file, or one record of an
/// NDJSON or CSV file.
///
/// ```swift
/// let (records, failures) = BatchRecord.collect(files: [URL(fileURLWithPath: "cases.csv")], limits: .init())
/// records[0].location   // "cases.csv:2"
/// ```
public struct BatchRecord: Sendable {
    public enum Source: Sendable {
        case file(URL)
        case record(DataRecord)
    }

    public let source: Source
    /// 1-based position in the whole batch (`{index}` in output names).
    public let index: Int
    /// The data file's name without its extension (`{file}` in output names).
    public let fileStem: String

    /// Where the data is, for messages: `case.json`, or `cases.csv:12` for a record.
    public var location: String {
        switch source {
        case .file(let url): TemplatePackage.displayPath(url)
        case .record(let record): "\(record.path):\(record.line)"
        }
    }

    /// Loads and validates the data.
    public func load(in package: TemplatePackage, limits: DataLimits) throws(FormwrightError) -> Value {
        switch source {
        case .file(let url): try package.loadData(url, limits: limits)
        case .record(let record): try package.load(record, limits: limits)
        }
    }

    /// Expands data files and record files into records, in the order given. A record file
    /// that cannot be split (a bad CSV header, an unclosed quote) becomes a failure; the
    /// other files are still used.
    public static func collect(files: [URL], limits: DataLimits) -> (records: [BatchRecord], failures: [BatchFailure]) {
        var records: [BatchRecord] = [], failures: [BatchFailure] = []
        for url in files {
            let stem = url.deletingPathExtension().lastPathComponent
            let path = TemplatePackage.displayPath(url)
            guard RecordFormat(path: path) != nil else {
                records.append(BatchRecord(source: .file(url), index: records.count + 1, fileStem: stem))
                continue
            }
            if let size = TemplatePackage.fileSize(url), size > limits.maximumFileSize * 64 {
                // A record file holds many records; it is memory-mapped, but still bounded.
                failures.append(BatchFailure(location: path, error: FormwrightError(.limit,
                    diagnostics: [Limits.reached(
                        .maxDataSize, file: path,
                        "the record file is \(size) bytes; record files may be at most \(limits.maximumFileSize * 64) bytes (64 × Limits.maxDataSize)",
                        advice: "split the file")])))
                continue
            }
            do {
                let file = try RecordFile(contentsOf: URL(fileURLWithPath: path), limits: limits)
                for record in file.records {
                    records.append(BatchRecord(source: .record(record), index: records.count + 1, fileStem: stem))
                }
            } catch {
                failures.append(BatchFailure(location: path, error: FormwrightError(
                    .data, [error])))
            }
        }
        return (records, failures)
    }

    /// The data files of a folder (`.json`, `.yaml`, `.yml`, `.ndjson`, `.jsonl`, `.csv`;
    /// not its subfolders, not hidden files), sorted by name.
    public static func dataFiles(in directory: URL) throws(FormwrightError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw FormwrightError(.usage, "--data-dir \(TemplatePackage.displayPath(directory)): no such folder, or it cannot be read")
        }
        return names.sorted()
            .filter { !$0.hasPrefix(".") && (DataFormat(path: $0) != nil || RecordFormat(path: $0) != nil) }
            .map { directory.appendingPathComponent($0) }
    }
}

/// A document (or a whole record, or a record file) that was not written, and why.
public struct BatchFailure: Sendable, CustomStringConvertible {
    /// Where the data is: `case.json`, `cases.csv:12`.
    public let location: String
    /// The output the document would have had, when it got that far.
    public let output: String?
    public let error: FormwrightError
    /// How many documents were not written because of it.
    public let documentCount: Int

    public init(location: String, output: String? = nil, error: FormwrightError, documentCount: Int = 1) {
        self.location = location
        self.output = output
        self.error = error
        self.documentCount = documentCount
    }

    /// `error: cases.csv:12: not rendered (out/BG-1-bg.odt)` and then every problem.
    public var description: String {
        VisibleText.escaping("error: \(location): not rendered" + (output.map { " (\($0))" } ?? "")) + "\n" + error.description
    }
}
