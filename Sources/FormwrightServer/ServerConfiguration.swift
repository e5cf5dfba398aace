public import Formwright
public import Foundation

/// How `formwright serve` runs: where it listens, which project it serves, and its limits.
///
/// ```swift
/// var configuration = ServerConfiguration(project: project)
/// configuration.port = 8080
/// try await RenderServer(configuration: configuration).run()
/// ```
public struct ServerConfiguration: Sendable {
    /// Address to bind (`127.0.0.1` by default; `0.0.0.0` in a container).
    public var host = "127.0.0.1"
    /// Port to listen on; 0 picks a free one.
    public var port = 8080
    /// The templates and catalogs served. Read at start and again on `SIGHUP`.
    public var project: Project
    /// Limits for each render, as on `formwright render`.
    public var limits = Limits()
    /// Renders at the same time (threads of the render pool); default: the number of cores.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Requests that may wait for a render slot; one more is answered `503` with `Retry-After`.
    public var queueLength = 32
    /// The largest request body accepted, in bytes (`413` above).
    public var maxBodySize = 1 << 20
    /// The longest a request may take, in seconds (`503` after it, with `Retry-After`).
    public var requestTimeout: Double = 60
    /// Bearer tokens accepted on `/api/` (empty: no token needed). `/healthz`, `/metrics` and
    /// `/forms` do not ask for one.
    public var tokens: [String] = []
    /// Where the Prometheus metrics are served; `nil` turns them off.
    public var metricsPath: String? = "/metrics"
    /// LibreOffice and poppler settings for PDF and the preview.
    public var printing = PrintSettings()
    /// Whether PDF and the PNG preview are offered (LibreOffice installed). Found at start when `nil`.
    public var canPrint: Bool?

    public init(project: Project) {
        self.project = project
    }

    /// Reads bearer tokens from a file: one per line, blank lines and `#` comments ignored.
    public static func tokens(fromFile url: URL) throws(FormwrightError) -> [String] {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw FormwrightError(.usage, diagnostics: [Diagnostic(
                code: "serve.tokens-unreadable", location: .init(file: url.lastPathComponent),
                message: "cannot read the token file", suggestion: "give a UTF-8 text file with one token per line")])
        }
        let tokens = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !tokens.isEmpty else {
            throw FormwrightError(.usage, diagnostics: [Diagnostic(
                code: "serve.tokens-empty", location: .init(file: url.lastPathComponent),
                message: "the token file holds no token", suggestion: "write one token per line (at least 32 random characters)")])
        }
        return tokens
    }
}
