/// Why a conversion through LibreOffice (or a poppler tool) failed.
///
/// `description` is written for users; `code` is stable for programs and tests.
public struct OfficeConversionError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// LibreOffice, or a poppler tool, is not installed or not executable.
        public static let missingTool = Code(rawValue: "conversion.missing-tool")
        /// The converter did not finish within the per-document timeout and was killed.
        public static let timeout = Code(rawValue: "conversion.timeout")
        /// The converter ran but wrote no PDF, or one that is not complete.
        public static let noOutput = Code(rawValue: "conversion.no-output")
        /// A file or process could not be created.
        public static let io = Code(rawValue: "conversion.io")
    }

    public let code: Code
    public let message: String
    public let suggestion: String?

    public init(_ code: Code, _ message: String, suggestion: String? = nil) {
        self.code = code
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        suggestion.map { "\(message)\n  hint: \($0)" } ?? message
    }
}
