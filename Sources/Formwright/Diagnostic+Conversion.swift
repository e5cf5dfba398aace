public import CatalogTools
public import LetterheadReader
public import Localization
public import OfficeConversion
public import Template
public import TemplateData
public import XMLSupport

// The one place where every module's error shape becomes a `Diagnostic`.

extension Diagnostic {
    /// A problem the library wrote as text: `what is wrong`, then an optional `\n  hint: …`.
    init(text: String, code: String) {
        let parts = text.components(separatedBy: "\n  hint: ")
        self.init(code: code, message: parts[0], suggestion: parts.count > 1 ? parts.dropFirst().joined(separator: "\n  hint: ") : nil)
    }

    /// A template, expression or render problem, at line:column or, in an office template,
    /// at a part and paragraph.
    public init(_ error: TemplateError) {
        var location = Location(file: error.file, line: error.line, column: error.column)
        if let place = error.place {
            location = Location(file: error.file)
            let parts = place.components(separatedBy: ", paragraph ")
            location.officePart = parts[0]
            location.paragraph = parts.count == 2 ? Int(parts[1]) : nil
            if location.paragraph == nil { location.officePart = place }
        }
        self.init(code: error.code, location: location, message: error.message,
                  suggestion: error.suggestion.map(Self.libraryNames), sourceLine: error.sourceLine, caret: error.caret,
                  limit: Self.setting(forCode: error.code, message: error.message, suggestion: error.suggestion))
    }

    /// A data or schema problem, at a JSON Pointer (and the line in the file, when known).
    public init(_ error: DataError) {
        let location = Location(
            file: error.location?.file ?? error.file, line: error.location?.line, column: error.location?.column,
            jsonPointer: error.pointer)
        var limit: Limits.Setting?
        if error.code == .limitExceeded {
            let text = (error.suggestion ?? "") + " " + error.message
            limit = text.contains("maximumDepth") || text.contains("nesting") ? .maxDepth
                : text.contains("maximumValueCount") || text.contains("values") ? .maxDataValues : .maxDataSize
        }
        self.init(code: "data.\(error.code.rawValue)", location: location, message: error.message,
                  suggestion: error.suggestion.map(Self.libraryNames), limit: limit)
    }

    /// A PO catalog problem, at the file and line of the catalog.
    public init(_ error: CatalogError) {
        self.init(code: "catalog.\(error.code.rawValue)", location: Location(file: error.file, line: error.line, column: error.column),
                  message: error.message, suggestion: error.suggestion)
    }

    /// A finding of the catalog tools (`check`, `catalog check`).
    public init(_ finding: CatalogDiagnostic, code: String = "catalog.check") {
        self.init(finding.severity == .error ? .error : .warning, code: code,
                  location: Location(file: finding.file, line: finding.line, column: finding.column),
                  message: finding.message, suggestion: finding.suggestion)
    }

    /// XML that could not be read.
    public init(_ error: XMLParseError) {
        self.init(code: "xml.syntax", location: Location(file: error.file, line: error.line, column: error.column), message: error.message)
    }

    /// A letterhead that could not be read.
    public init(_ error: LetterheadError) {
        self.init(code: "letterhead.unreadable", location: Location(file: error.file, officePart: error.place), message: error.message,
                  suggestion: error.suggestion)
    }

    /// Something a letterhead has that is not carried over.
    public init(_ warning: LetterheadWarning) {
        self.init(.warning, code: "letterhead.not-carried-over", location: Location(file: warning.file, officePart: warning.place),
                  message: warning.message)
    }

    /// LibreOffice or poppler failed, or is missing.
    public init(_ error: OfficeConversionError) {
        self.init(code: error.code.rawValue, message: error.message, suggestion: error.suggestion)
    }

    /// The limit setting a template or render problem is about.
    private static func setting(forCode code: String, message: String, suggestion: String?) -> Limits.Setting? {
        switch code {
        case "limit.loop-iterations": return .maxLoopIterations
        case "limit.output-size": return .maxOutputSize
        case "limit.images": return .maxImages
        default:
            return suggestion?.contains(Limits.Setting.maxImageSize.qualifiedName) == true ? .maxImageSize : nil
        }
    }

    /// The data loader names its own settings (`DataLimits.maximumDepth`); a caller of the
    /// library knows them as ``Limits`` settings.
    private static func libraryNames(_ suggestion: String) -> String {
        suggestion
            .replacingOccurrences(of: "DataLimits.maximumFileSize", with: Limits.Setting.maxDataSize.qualifiedName)
            .replacingOccurrences(of: "DataLimits.maximumDepth", with: Limits.Setting.maxDepth.qualifiedName)
            .replacingOccurrences(of: "DataLimits.maximumValueCount", with: Limits.Setting.maxDataValues.qualifiedName)
    }
}

extension FormwrightError {
    /// Template problems, each a diagnostic (a limit reached makes the whole error a limit error).
    init(_ kind: Kind, _ errors: [TemplateError]) {
        let diagnostics = errors.map(Diagnostic.init)
        self.init(diagnostics.contains { $0.limit != nil } ? .limit : kind, diagnostics: diagnostics)
    }

    init(_ kind: Kind, _ errors: [DataError]) {
        let diagnostics = errors.map(Diagnostic.init)
        self.init(diagnostics.contains { $0.limit != nil } ? .limit : kind, diagnostics: diagnostics)
    }

    init(_ kind: Kind, _ errors: [CatalogError]) {
        self.init(kind, diagnostics: errors.map(Diagnostic.init))
    }
}
