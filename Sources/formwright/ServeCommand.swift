import ArgumentParser
import Formwright
import FormwrightServer
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and the web forms (docs/SERVICE.md).",
        discussion: unwrapped("""
            Compiles every template for every locale at start, then answers
            GET /healthz, GET /api/templates, GET /api/templates/{id},
            POST /api/templates/{id}/render?locale=&format= (JSON, YAML or NDJSON body),
            POST /api/templates/{id}/validate and the forms at /forms/{id}?locale=.
            SIGHUP reads the templates again; SIGTERM and SIGINT stop after the renders in flight.
            The API is described in docs/openapi.yaml.

            Examples:
              formwright serve --port 8080
              formwright serve --host 0.0.0.0 --tokens /etc/formwright/tokens --jobs 4
            """))

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one, printed at start).")
    var port = 8080

    @Option(help: ArgumentHelp("The folder of template folders (default: templates/ found from the current folder).", valueName: "folder"))
    var templates: String?

    @Option(help: ArgumentHelp("The catalogs folder (default: the locales/ folder beside templates/).", valueName: "folder"))
    var locales: String?

    @Option(help: "Renders at the same time (default: the number of processor cores).")
    var jobs: Int?

    @Option(help: "Requests that may wait for a render; one more is answered 503 with Retry-After.")
    var queue = 32

    @Option(name: .customLong("max-body-size"), help: ArgumentHelp("Largest request body (default 1M).", valueName: "size"))
    var maxBodySize: ByteSize?

    @Option(help: ArgumentHelp("Longest a render may take, in seconds, before the answer is 503.", valueName: "seconds"))
    var timeout: Double = 60

    @Option(help: ArgumentHelp("A file of bearer tokens, one per line, that /api/ asks for (default: none asked).", valueName: "file"))
    var tokens: String?

    @Option(name: .customLong("metrics-path"), help: ArgumentHelp("Where the Prometheus metrics are served.", valueName: "path"))
    var metricsPath = "/metrics"

    @Flag(name: .customLong("no-metrics"), help: "Serve no metrics.")
    var noMetrics = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    func run() async throws {
        do {
            var configuration = ServerConfiguration(project: try project())
            configuration.host = host
            guard (0...65535).contains(port) else { throw FormwrightError(.usage, "--port \(port) is not a port (0 to 65535)") }
            configuration.port = port
            configuration.limits = try limitOptions.limits()
            if let jobs {
                guard (1...RenderCommand.maximumJobs).contains(jobs) else {
                    throw FormwrightError(.usage, "--jobs must be between 1 and \(RenderCommand.maximumJobs)")
                }
                configuration.jobs = jobs
            }
            guard queue >= 0 else { throw FormwrightError(.usage, "--queue must be 0 or more") }
            configuration.queueLength = queue
            if let size = maxBodySize?.bytes {
                guard size > 0 else { throw FormwrightError(.usage, "--max-body-size must be a positive size") }
                configuration.maxBodySize = size
            }
            guard timeout > 0 else { throw FormwrightError(.usage, "--timeout must be a positive number of seconds") }
            configuration.requestTimeout = timeout
            if let tokens { configuration.tokens = try ServerConfiguration.tokens(fromFile: URL(fileURLWithPath: tokens)) }
            configuration.metricsPath = noMetrics ? nil : (metricsPath.hasPrefix("/") ? metricsPath : "/" + metricsPath)
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw FormwrightError(.usage, "--log-level \(logLevel) is not a level\n  hint: trace, debug, info, notice, warning, error or critical")
            }
            var logger = Logger(label: "formwright.serve")
            logger.logLevel = level

            let server = try RenderServer(configuration: configuration, logger: logger)
            let count = server.service.snapshot.templates.count
            let printing = server.service.canPrint ? "PDF on" : "PDF off (no LibreOffice)"
            try await server.run { port in
                FileHandle.standardError.write(Data("formwright: serving \(count) templates on http://\(host):\(port) (\(printing))\n".utf8))
            }
        } catch let error as FormwrightError {
            throw fail(error)
        }
    }

    private func project() throws(FormwrightError) -> Project {
        guard templates != nil || locales != nil else { return try commandLineProject() }
        let found = templates == nil || locales == nil ? try? commandLineProject() : nil
        let templatesURL = templates.map { URL(fileURLWithPath: $0) } ?? found?.templatesDirectory
        guard let templatesURL else { throw FormwrightError(.usage, "cannot find a templates/ folder\n  hint: pass --templates") }
        let localesURL = locales.map { URL(fileURLWithPath: $0) } ?? Project.localesDirectory(forTemplate: templatesURL)
            ?? templatesURL.deletingLastPathComponent().appendingPathComponent("locales")
        for (url, flag) in [(templatesURL, "--templates"), (localesURL, "--locales")] where !Self.isDirectory(url) {
            throw FormwrightError(.usage, "\(flag) \(url.path): no such folder")
        }
        return Project(templates: templatesURL, locales: localesURL)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
