import ArgumentParser
import Formwright

/// The limit flags of `render` and `serve`, mapped onto the library's one ``Limits`` value.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-data-size"), help: ArgumentHelp("Largest data file or record (default 64M).", valueName: "size"))
    var maxDataSize: ByteSize?

    @Option(name: .customLong("max-depth"), help: ArgumentHelp("Deepest nesting of lists and objects in data (default 256, at most 1000).", valueName: "n"))
    var maxDepth: Int?

    @Option(name: .customLong("max-data-values"), help: ArgumentHelp("Most values in one data file or record (default 1000000).", valueName: "n"))
    var maxDataValues: Int?

    @Option(name: .customLong("max-template-size"), help: ArgumentHelp("Largest template.xml (default 16M).", valueName: "size"))
    var maxTemplateSize: ByteSize?

    @Option(name: .customLong("max-loop-iterations"), help: ArgumentHelp("Loop iterations per document (default 100000).", valueName: "n"))
    var maxLoopIterations: Int?

    @Option(name: .customLong("max-output-size"), help: ArgumentHelp("Largest document written (default 256M).", valueName: "size"))
    var maxOutputSize: ByteSize?

    @Option(name: .customLong("max-image-size"), help: ArgumentHelp("Largest image a template or data gives (default 16M).", valueName: "size"))
    var maxImageSize: ByteSize?

    @Option(name: .customLong("max-images"), help: ArgumentHelp("Images per document, repetitions counted (default 1000).", valueName: "n"))
    var maxImages: Int?

    func limits() throws(FormwrightError) -> Limits {
        var limits = Limits()
        func positive(_ value: Int?, _ flag: String) throws(FormwrightError) -> Int? {
            guard let value else { return nil }
            guard value > 0 else { throw FormwrightError(.usage, "\(flag) must be a positive number") }
            return value
        }
        if let v = try positive(maxDataSize?.bytes, "--max-data-size") { limits.maxDataSize = v }
        if let v = try positive(maxDepth, "--max-depth") {
            guard v <= Limits.maximumSupportedDepth else {
                throw FormwrightError(.usage, "--max-depth \(v) is deeper than Formwright can load and render safely; the most is \(Limits.maximumSupportedDepth)")
            }
            limits.maxDepth = v
        }
        if let v = try positive(maxDataValues, "--max-data-values") { limits.maxDataValues = v }
        if let v = try positive(maxTemplateSize?.bytes, "--max-template-size") { limits.maxTemplateSize = v }
        if let v = try positive(maxLoopIterations, "--max-loop-iterations") { limits.maxLoopIterations = v }
        if let v = try positive(maxOutputSize?.bytes, "--max-output-size") { limits.maxOutputSize = v }
        if let v = try positive(maxImageSize?.bytes, "--max-image-size") { limits.maxImageSize = v }
        if let v = try positive(maxImages, "--max-images") { limits.maxImages = v }
        return limits
    }
}
