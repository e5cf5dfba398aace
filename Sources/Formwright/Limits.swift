public import DocumentModel
import Foundation
import XMLSupport
public import Template
public import TemplateData
import ZipSupport

/// Every bound a render works within, one set of defaults for the whole library: the
/// template reader, the data loader, the renderer and the writers all take theirs from here,
/// so a hostile or broken input is refused with a diagnostic instead of exhausting the machine.
/// A limit diagnostic names the setting (``Diagnostic/limit``); a caller says how to raise it
/// in its own terms (the command line names its flag).
///
/// ```swift
/// var limits = Limits()
/// limits.maxLoopIterations = 500_000
/// let library = try TemplateLibrary(templates: templates, locales: locales, limits: limits)
/// ```
public struct Limits: Sendable, Hashable {
    /// The settings, for diagnostics that say which one was reached.
    public enum Setting: String, Sendable, Hashable, CaseIterable, Codable {
        case maxDataSize, maxDepth, maxDataValues, maxTemplateSize, maxLoopIterations, maxOutputSize, maxImageSize, maxImages

        /// `Limits.maxLoopIterations`: how library messages name the setting.
        public var qualifiedName: String { "Limits.\(rawValue)" }

        /// The stable diagnostic code of reaching it: `limit.loop-iterations`, `limit.template-size`, …
        public var code: String {
            switch self {
            case .maxDataSize: "limit.data-size"
            case .maxDepth: "limit.depth"
            case .maxDataValues: "limit.data-values"
            case .maxTemplateSize: "limit.template-size"
            case .maxLoopIterations: "limit.loop-iterations"
            case .maxOutputSize: "limit.output-size"
            case .maxImageSize: "limit.image-size"
            case .maxImages: "limit.images"
            }
        }
    }

    /// Largest data file or record, in bytes (default 64 MiB).
    public var maxDataSize: Int
    /// Deepest nesting of lists and objects in data (default 256, at most
    /// ``maximumSupportedDepth``).
    public var maxDepth: Int
    /// The most ``maxDepth`` may be: what the loaders, the schema check, the renderer and
    /// the freeing of data handle without running out of stack.
    public static let maximumSupportedDepth = DataLimits.maximumSupportedDepth
    /// Most values in one data file or record, YAML aliases counted at each use (default 1 000 000).
    public var maxDataValues: Int
    /// Largest template file, in bytes; also the XML reader's bound (default 16 MiB).
    public var maxTemplateSize: Int
    /// Iterations of all `each` loops of one document together (default 100 000: a table of
    /// 100 000 rows is some 2 000 pages).
    public var maxLoopIterations: Int
    /// Largest document written, in bytes, both as a file and uncompressed (its parts
    /// together), and the most text rendering may produce (default 256 MiB).
    public var maxOutputSize: Int
    /// Largest image, in bytes, whether the template names it or data gives it (default 16 MiB).
    public var maxImageSize: Int
    /// Images one document shows, each repetition counted (default 1000).
    public var maxImages: Int

    public init(
        maxDataSize: Int = 64 << 20, maxDepth: Int = 256, maxDataValues: Int = 1_000_000, maxTemplateSize: Int = 16 << 20,
        maxLoopIterations: Int = 100_000, maxOutputSize: Int = 256 << 20, maxImageSize: Int = 16 << 20, maxImages: Int = 1_000
    ) {
        self.maxDataSize = maxDataSize
        self.maxDepth = maxDepth
        self.maxDataValues = maxDataValues
        self.maxTemplateSize = maxTemplateSize
        self.maxLoopIterations = maxLoopIterations
        self.maxOutputSize = maxOutputSize
        self.maxImageSize = maxImageSize
        self.maxImages = maxImages
    }

    /// The bounds for images a template names (read when the template is loaded).
    public var imageLimits: ImageData.Limits { renderLimits.imageLimits }

    /// The bounds for loading data.
    public var dataLimits: DataLimits {
        DataLimits(maximumFileSize: maxDataSize, maximumDepth: maxDepth, maximumValueCount: maxDataValues)
    }

    /// The bounds for reading a template's XML: the template size limit reaches the reader,
    /// so raising it above the reader's own default works.
    var xmlLimits: XMLReader.Limits {
        var limits = XMLReader.Limits()
        limits.maxBytes = maxTemplateSize
        return limits
    }

    /// The bounds for rendering one document.
    public var renderLimits: RenderLimits {
        var limits = RenderLimits()
        limits.maxLoopIterations = maxLoopIterations
        // The text is part of the uncompressed document: over the limit, rendering stops early.
        limits.maxTextSize = maxOutputSize
        limits.maxImageSize = maxImageSize
        limits.maxImages = maxImages
        return limits
    }

    /// Refuses a document larger than ``maxOutputSize`` before anything is written, compressed
    /// (the file) or uncompressed (its parts together, what a reader has to expand).
    public func checkOutput(_ bytes: [UInt8], for output: String) throws(FormwrightError) {
        if bytes.count > maxOutputSize {
            throw FormwrightError(.limit, diagnostics: [Limits.reached(
                .maxOutputSize, needed: bytes.count, file: output, "the document is \(bytes.count) bytes; the limit is \(maxOutputSize) bytes")])
        }
        let expanded = ZipWriter.uncompressedSize(of: bytes) ?? Int.max
        if expanded > maxOutputSize {
            throw FormwrightError(.limit, diagnostics: [Limits.reached(
                .maxOutputSize, needed: expanded, file: output, "the document's parts are \(expanded) bytes uncompressed; the limit is \(maxOutputSize) bytes")])
        }
    }

    /// A limit reached: the message, and a suggestion that names the setting (with the value
    /// that would have been enough, when known).
    static func reached(_ setting: Limits.Setting, needed: Int? = nil, file: String?, _ message: String, advice: String? = nil) -> Diagnostic {
        let raise = "raise \(setting.qualifiedName)" + (needed.map { " to \($0)" } ?? "")
        return Diagnostic(
            code: setting.code, location: Diagnostic.Location(file: file), message: message,
            suggestion: advice.map { "\($0), or \(raise)" } ?? raise, limit: setting)
    }
}

/// The name the library used before ``Limits``; the same type.
public typealias ResourceLimits = Limits
