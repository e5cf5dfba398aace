/// The formats that hold many records, one document each.
///
/// ```swift
/// RecordFormat(path: "district-2026.csv")     // .csv
/// RecordFormat(path: "minutes.ndjson")        // .ndjson
/// RecordFormat(path: "case.json")             // nil: one document, not records
/// ```
public enum RecordFormat: String, Sendable, Hashable, CaseIterable {
    /// Newline-delimited JSON: one JSON value per line (`.ndjson`, `.jsonl`).
    case ndjson
    /// RFC 4180 comma-separated values with a header row (`.csv`).
    case csv

    /// The format named by a file's extension (any case); nil for anything else.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "ndjson", "jsonl": self = .ndjson
        case "csv": self = .csv
        default: return nil
        }
    }
}
