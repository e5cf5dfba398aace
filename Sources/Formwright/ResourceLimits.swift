public import DocumentModel
import Foundation
public import Template
public import TemplateData
import ZipSupport

/// Every bound a render works within, with the command-line flag that raises each, so a
/// hostile or broken input is refused with a message instead of exhausting the machine.
///
/// ```swift
/// var limits = ResourceLimits()
/// limits.maxLoopIterations = 500_000         // --max-loop-iterations 500000
/// let renderer = try Renderer(package: package, catalogs: catalogs, locale: .bg, limits: limits.renderLimits)
/// ```
public struct ResourceLimits: Sendable, Hashable {
    /// Largest data file or record, in bytes (`--max-data-size`; default 64 MiB).
    public var maxDataSize: Int
    /// Deepest nesting of lists and objects in data (`--max-depth`; default 256, at most
    /// ``maximumSupportedDepth``).
    public var maxDepth: Int
    /// The most `--max-depth` accepts: what the loaders, the schema check, the renderer and
    /// the freeing of data handle without running out of stack.
    public static let maximumSupportedDepth = DataLimits.maximumSupportedDepth
    /// Most values in one data file or record, YAML aliases counted at each use
    /// (`--max-data-values`; default 1 000 000).
    public var maxDataValues: Int
    /// Largest `template.xml`, in bytes (`--max-template-size`; default 16 MiB).
    public var maxTemplateSize: Int
    /// Iterations of all `each` loops of one document together (`--max-loop-iterations`;
    /// default 100 000: a table of 100 000 rows is some 2 000 pages).
    public var maxLoopIterations: Int
    /// Largest document written, in bytes, both as a file and uncompressed (its parts
    /// together), and the most text rendering may produce (`--max-output-size`; default 256 MiB).
    public var maxOutputSize: Int
    /// Largest image, in bytes, whether the template names it or data gives it
    /// (`--max-image-size`; default 16 MiB).
    public var maxImageSize: Int
    /// Images one document shows, each repetition counted (`--max-images`; default 1000).
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
            throw FormwrightError(.limit, "\(output): the document is \(bytes.count) bytes; the limit is \(maxOutputSize) bytes\n  hint: raise it with --max-output-size \(bytes.count)")
        }
        let expanded = ZipWriter.uncompressedSize(of: bytes) ?? Int.max
        if expanded > maxOutputSize {
            throw FormwrightError(.limit, "\(output): the document's parts are \(expanded) bytes uncompressed; the limit is \(maxOutputSize) bytes\n  hint: raise it with --max-output-size \(expanded)")
        }
    }

    /// A data error's hint names the command-line flag, not the library setting.
    static func describe(_ error: DataError) -> String {
        guard error.code == .limitExceeded, let suggestion = error.suggestion else { return error.description }
        var error = error
        for (setting, flag) in [
            ("DataLimits.maximumFileSize", "--max-data-size"), ("DataLimits.maximumDepth", "--max-depth"),
            ("DataLimits.maximumValueCount", "--max-data-values"),
        ] where suggestion.contains(setting) {
            error.suggestion = suggestion.replacingOccurrences(of: setting, with: "the limit with \(flag)")
        }
        return error.description
    }
}
