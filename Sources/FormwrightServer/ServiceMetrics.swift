import CoreMetrics
import Metrics
import Prometheus

/// The service's metrics, through swift-metrics into a Prometheus registry owned by this
/// server (not the process-wide `MetricsSystem`, so two servers in one process keep apart):
/// requests by route and status, renders and render errors by template and format, render
/// durations.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
        ]
        self.factory = factory
    }

    func requests(route: String, status: Int) {
        Counter(label: "formwright_http_requests_total", dimensions: [("route", route), ("status", String(status))], factory: factory)
            .increment()
    }

    func rendered(template: String, format: String, duration: Duration) {
        Counter(label: "formwright_renders_total", dimensions: [("template", template), ("format", format)], factory: factory)
            .increment()
        Timer(label: "formwright_render_duration_seconds", dimensions: [("template", template), ("format", format)], factory: factory)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    func failed(template: String, format: String, kind: String) {
        Counter(
            label: "formwright_render_errors_total", dimensions: [("template", template), ("format", format), ("kind", kind)],
            factory: factory
        ).increment()
    }

    var exposition: [UInt8] { registry.emitToBuffer() }
}
