public import Formwright
public import Foundation
public import Localization
import NIOPosix
import Synchronization
import WebForms

/// What the server serves: the project's templates, compiled for every locale they have, and
/// the form catalogs. One value shared by every request; `reload()` (on `SIGHUP`) swaps in a
/// new one only when the whole project compiled, so a broken edit never takes the server down.
public final class RenderService: Sendable {
    /// One compiled state of the project.
    public struct Snapshot: Sendable {
        public let library: TemplateLibrary
        public let templates: [TemplateLibrary.TemplateInfo]
        /// The `forms` catalog of every locale.
        public let formCatalogs: CatalogSet
        /// When it was compiled (for the log, never for the output).
        public let loaded: Date

        public func template(_ id: String) -> TemplateLibrary.TemplateInfo? { templates.first { $0.id == id } }
    }

    public let configuration: ServerConfiguration
    private let current: Mutex<Snapshot>
    /// The threads renders run on, so a render never blocks the server's own threads.
    let pool: NIOThreadPool
    /// Renders running or waiting, bounded by `jobs + queueLength`.
    let admission: Admission
    public let canPrint: Bool

    public init(configuration: ServerConfiguration) throws(FormwrightError) {
        self.configuration = configuration
        current = Mutex(try Self.compile(configuration))
        pool = NIOThreadPool(numberOfThreads: max(1, configuration.jobs))
        pool.start()
        admission = Admission(slots: max(1, configuration.jobs) + max(0, configuration.queueLength))
        canPrint = configuration.canPrint ?? Self.findsOffice(configuration.printing)
    }

    deinit { try? pool.syncShutdownGracefully() }

    public var snapshot: Snapshot { current.withLock { $0 } }

    /// Reads and compiles the project again; keeps the old state and throws when it fails.
    public func reload() throws(FormwrightError) {
        let next = try Self.compile(configuration)
        current.withLock { $0 = next }
    }

    /// Every template compiled for every locale it has, and the form catalogs.
    static func compile(_ configuration: ServerConfiguration) throws(FormwrightError) -> Snapshot {
        let library = TemplateLibrary(project: configuration.project, limits: configuration.limits)
        let templates = try library.templates
        var problems: [Diagnostic] = []
        for template in templates {
            for locale in template.locales {
                do { _ = try library.compile(template.id, locale: locale) } catch { problems += error.diagnostics }
            }
        }
        if !problems.isEmpty { throw FormwrightError(.template, diagnostics: problems) }
        let forms = try library.catalogs(domains: [WebForm.catalogDomain])
        return Snapshot(library: library, templates: templates, formCatalogs: forms, loaded: Date())
    }

    /// Runs `work` on the render pool.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }

    static func findsOffice(_ printing: PrintSettings) -> Bool {
        if let soffice = printing.soffice { return FileManager.default.isExecutableFile(atPath: soffice.path) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/soffice") }
    }
}

/// A counting gate: `enter()` fails at once when every place is taken (the caller answers
/// `503` with `Retry-After`), so a burst queues up to a bound and never without one.
final class Admission: Sendable {
    private let state: Mutex<Int>
    let slots: Int

    init(slots: Int) {
        self.slots = slots
        state = Mutex(0)
    }

    func enter() -> Bool {
        state.withLock { taken in
            guard taken < slots else { return false }
            taken += 1
            return true
        }
    }

    func leave() { state.withLock { $0 -= 1 } }

    var inUse: Int { state.withLock { $0 } }
}
