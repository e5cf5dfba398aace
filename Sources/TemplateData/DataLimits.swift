/// Bounds that keep a hostile or broken data file from exhausting memory or the stack.
///
/// ```swift
/// var limits = DataLimits()
/// limits.maximumDepth = 32
/// let loader = DataLoader(limits: limits)
/// ```
public struct DataLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes (default 64 MiB).
    public var maximumFileSize: Int
    /// Deepest nesting of arrays and objects (default 256; the root container is level 1),
    /// at most ``maximumSupportedDepth``: a larger value is taken as that.
    public var maximumDepth: Int {
        get { depth }
        set { depth = min(max(newValue, 0), Self.maximumSupportedDepth) }
    }
    private var depth: Int
    /// The deepest data Formwright can load, validate, render and free on an 8 MiB thread
    /// stack in a debug build: a `Value` is freed, compared and validated recursively, so
    /// this bound, not the thread's stack, is what stops deeply nested data.
    public static let maximumSupportedDepth = 1000
    /// Most values in one document (default 1 000 000). YAML aliases count each time they are
    /// used, which is what stops "billion laughs" alias and merge bombs.
    public var maximumValueCount: Int

    public init(maximumFileSize: Int = 64 << 20, maximumDepth: Int = 256, maximumValueCount: Int = 1_000_000) {
        self.maximumFileSize = maximumFileSize
        self.depth = min(max(maximumDepth, 0), Self.maximumSupportedDepth)
        self.maximumValueCount = maximumValueCount
    }
}
