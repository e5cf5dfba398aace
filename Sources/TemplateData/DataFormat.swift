/// The text formats data files can be written in.
///
/// ```swift
/// DataFormat(path: "case-014.yml")   // .yaml
/// ```
public enum DataFormat: String, Sendable, Hashable, CaseIterable {
    case json
    case yaml

    /// The format named by a file's extension (`.json`, `.yaml`, `.yml`, any case); nil otherwise.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        default: return nil
        }
    }
}
