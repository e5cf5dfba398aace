import Localization

/// One finding of a catalog tool, printed as `file:line: severity: message` so editors and
/// CI logs can jump to it.
///
/// ```swift
/// let finding = CatalogDiagnostic(.error, file: "locales/ro/common.po", line: 12,
///                                 message: "cedilla ş in Romanian", suggestion: "write ș (comma below)")
/// print(finding)   // locales/ro/common.po:12: error: cedilla ş in Romanian
///                  //   suggestion: write ș (comma below)
/// ```
public struct CatalogDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// The file, relative to the project root where possible (`locales/ro/common.po`).
    public var file: String
    /// 1-based line; 0 when the finding concerns the whole file.
    public var line: Int
    /// 1-based column, or 0 when only the line is known.
    public var column: Int
    /// What is wrong, for the translator or template author.
    public var message: String
    /// How to fix it, when there is an obvious fix.
    public var suggestion: String?

    public init(_ severity: Severity, file: String, line: Int, column: Int = 0, message: String, suggestion: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line` (or `file:line:column`, or `file`).
    public var location: String { CatalogError.location(file: file, line: line, column: column) }

    public var description: String {
        CatalogError.describe(location: location, severity: severity.rawValue, message: message, suggestion: suggestion)
    }
}

/// A catalog operation that could not be carried out; nothing was written.
///
/// ```swift
/// do { try XLIFFImporter(project: project).importFile(url) }
/// catch { for problem in error.diagnostics { print(problem) } }
/// ```
public struct CatalogToolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found, errors first.
    public var diagnostics: [CatalogDiagnostic]

    public init(_ diagnostics: [CatalogDiagnostic]) { self.diagnostics = diagnostics }

    public init(file: String, line: Int = 0, column: Int = 0, _ message: String, suggestion: String? = nil) {
        self.init([CatalogDiagnostic(.error, file: file, line: line, column: column, message: message, suggestion: suggestion)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension [CatalogDiagnostic] {
    /// Sorted by file, then line, then column, errors before warnings on the same spot.
    func sortedByLocation() -> [CatalogDiagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.severity == .error ? 0 : 1) < ($1.file, $1.line, $1.column, $1.severity == .error ? 0 : 1) }
    }
}
