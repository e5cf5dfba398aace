import Formwright
import FormwrightServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import TestSupport

/// One server over the bundled project per configuration, compiled once for the suite.
enum ServerFixture {
    static let project = Project(
        templates: TestSupport.repositoryRoot.appendingPathComponent("templates"),
        locales: TestSupport.repositoryRoot.appendingPathComponent("locales"))

    /// The log lines the servers wrote, to check that no personal data reach them.
    static let logs = LogCapture()

    static let plain = Result { () throws -> RenderServer in
        var configuration = ServerConfiguration(project: project)
        configuration.canPrint = false
        return try RenderServer(configuration: configuration, logger: logs.logger)
    }

    static let guarded = Result { () throws -> RenderServer in
        var configuration = ServerConfiguration(project: project)
        configuration.canPrint = false
        configuration.tokens = ["s3cret-token-for-tests-0123456789abcdef"]
        configuration.maxBodySize = 64 << 10
        return try RenderServer(configuration: configuration, logger: logs.logger)
    }

    /// Runs `body` against `server`'s routes (HummingbirdTesting, no socket).
    static func test<T>(_ server: Result<RenderServer, any Error>, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let server = try server.get()
        return try await server.application().test(.router, body)
    }

    static func example(_ template: String, _ locale: String? = nil) throws -> Data {
        let name = locale.map { "example.\($0).json" } ?? "example.json"
        return try Data(contentsOf: project.templatesDirectory.appendingPathComponent(template).appendingPathComponent(name))
    }

    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] else { return [:] }
        return object
    }
}

/// A log handler that keeps every line (message and metadata) in memory.
final class LogCapture: Sendable {
    let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "formwright.test") { _ in Handler(capture: self) }
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let line = "\(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.lines.withLock { $0.append(line) }
        }
    }
}

extension ByteBuffer {
    var text: String { String(decoding: readableBytesView, as: UTF8.self) }
    var bytes: [UInt8] { Array(readableBytesView) }
}
