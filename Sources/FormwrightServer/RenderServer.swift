public import Formwright
import Foundation
public import Hummingbird
public import Logging
import ServiceLifecycle
import UnixSignals

/// `formwright serve`: the HTTP API and the web forms over one ``RenderService``.
///
/// ```swift
/// let server = try RenderServer(configuration: configuration)
/// try await server.run()            // until SIGTERM or SIGINT; SIGHUP re-reads the project
/// ```
public struct RenderServer: Sendable {
    public let service: RenderService
    let metrics: ServiceMetrics
    let logger: Logger

    public init(configuration: ServerConfiguration, logger: Logger = Logger(label: "formwright.serve")) throws(FormwrightError) {
        service = try RenderService(configuration: configuration)
        metrics = ServiceMetrics()
        self.logger = logger
    }

    /// The routes, for the server and for tests (HummingbirdTesting).
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger, metrics: metrics))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: BearerTokenMiddleware(tokens: service.configuration.tokens.map { Array($0.utf8) }))
        let api = APIRoutes<BasicRequestContext>(service: service, metrics: metrics)
        api.add(to: router)
        FormRoutes(service: service, api: api).add(to: router)
        if let path = service.configuration.metricsPath {
            router.get(RouterPath(path)) { _, _ in
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition)))
            }
        }
        return router
    }

    /// The application, for `runService()` or HummingbirdTesting.
    public func application(onServerRunning: (@Sendable (Int) async -> Void)? = nil) -> some ApplicationProtocol {
        let configuration = service.configuration
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Formwright"),
            onServerRunning: { channel in await onServerRunning?(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, finishing the renders in flight; SIGHUP reads and
    /// compiles the project again (kept as it was when that fails, with the problems logged).
    public func run(onServerRunning: (@Sendable (Int) async -> Void)? = nil) async throws {
        let reloader = Reloader(service: service, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: application(onServerRunning: onServerRunning)), .init(service: reloader)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Re-reads the project on SIGHUP.
struct Reloader: Service {
    let service: RenderService
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            do {
                try service.reload()
                logger.info("reloaded", metadata: ["templates": "\(service.snapshot.templates.count)"])
            } catch {
                logger.error("reload failed; serving the templates as before", metadata: ["problems": "\(error.diagnostics.count)"])
                for diagnostic in error.diagnostics { logger.error("\(diagnostic.description)") }
            }
        }
    }
}
