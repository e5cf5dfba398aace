public import Foundation
public import Localization
public import TemplateData
import Synchronization
import Template

/// The one entry point of Formwright: a project's templates and catalogs, compiled once per
/// template and locale and rendered many times.
///
/// ```swift
/// let library = try TemplateLibrary(templates: templatesURL, locales: localesURL)
/// let document = try library.render("consent-data-sharing", data: .file(dataURL), locale: "bg", format: .docx)
/// try document.write(to: outputURL)
/// ```
///
/// A library is a value that can be shared across tasks; what it compiles (templates,
/// catalogs) is cached inside it, never process-wide, so two libraries in one process never
/// share or evict each other's templates.
public struct TemplateLibrary: Sendable {
    public let project: Project
    public let limits: Limits
    private let cache: Cache

    /// A library over `templates` (a folder of template folders) and `locales` (the catalogs).
    public init(templates: URL, locales: URL, limits: Limits = Limits()) throws(FormwrightError) {
        for (folder, what) in [(templates, "templates"), (locales, "catalogs")] where !Project.isDirectory(folder) {
            throw FormwrightError(.usage, diagnostics: [Diagnostic(
                code: "project.missing-folder", location: .init(file: TemplatePackage.displayPath(folder)),
                message: "the \(what) folder does not exist")])
        }
        self.init(project: Project(templates: templates, locales: locales), limits: limits)
    }

    /// A library over a project found or given (``Project/found(from:fallbacks:)``).
    public init(project: Project, limits: Limits = Limits()) {
        self.project = project
        self.limits = limits
        cache = Cache()
    }

    // MARK: Templates

    /// What a caller (a form, a service, `formwright templates`) shows about a template.
    public struct TemplateInfo: Sendable {
        /// The folder name, which ``TemplateLibrary/render(_:data:locale:format:options:)`` takes.
        public let id: String
        /// The English description.
        public let description: String
        /// The title in each locale that has one (the template's `….title` message).
        public let title: [LocaleID: String]
        /// en, then every locale with a catalog for the template's domain.
        public let locales: [LocaleID]
        public let formats: [OutputFormat]
        /// The data schema, when the template has one.
        public let schema: DataSchema?
        /// True for a template written in Word or Writer.
        public let isOfficeDocument: Bool
        /// The loaded template folder, for what this summary leaves out.
        public let package: TemplatePackage
    }

    /// Every template of the project, sorted by id; problems of all of them at once.
    public var templates: [TemplateInfo] {
        get throws(FormwrightError) {
            let catalogs = try cache.catalogs(project.localesDirectory, locales: nil, domains: nil)
            var infos: [TemplateInfo] = []
            var problems: [Diagnostic] = []
            for id in project.templateIDs {
                do { infos.append(TemplateLibrary.info(id: id, package: try package(id), catalogs: catalogs)) } catch {
                    problems += error.diagnostics
                }
            }
            if !problems.isEmpty { throw FormwrightError(.template, diagnostics: problems) }
            return infos
        }
    }

    static func info(id: String, package: TemplatePackage, catalogs: CatalogSet) -> TemplateInfo {
        let domain = package.definition.domain
        let locales = [LocaleID.en] + catalogs.locales(forDomain: domain).filter { $0 != .en }
        var title: [LocaleID: String] = [:]
        if let message = package.definition.messages.first(where: { $0.id.hasSuffix(".title") }) {
            title[.en] = message.source
            for locale in locales where locale != .en {
                if let found = catalogs.lookup(id: message.id, domains: [domain], locale: locale), !found.entry.translation.isEmpty {
                    title[locale] = found.entry.translation
                }
            }
        }
        return TemplateInfo(
            id: id, description: package.definition.description, title: title, locales: locales, formats: package.formats,
            schema: package.schema, isOfficeDocument: package.office != nil, package: package)
    }

    /// The template folder `id`, read once (with `letterhead`, on that letterhead instead of its own).
    public func package(_ id: String, letterhead: URL? = nil) throws(FormwrightError) -> TemplatePackage {
        let key = PackageKey(id: id, letterhead: letterhead?.standardizedFileURL.path)
        if let package = cache.packages.withLock({ $0[key] }) { return package }
        let package = try TemplatePackage(directory: try project.templateDirectory(id: id), limits: limits, letterhead: letterhead)
        cache.packages.withLock { $0[key] = package }
        return package
    }

    /// Template `id` compiled for `locale` (`"bg"`, `"ro-MD"`), cached in this library: the
    /// second call for the same template and locale costs a dictionary lookup.
    public func compile(_ id: String, locale: String, letterhead: URL? = nil) throws(FormwrightError) -> Renderer {
        try compile(id, locale: try LocaleID.parse(locale), letterhead: letterhead)
    }

    public func compile(_ id: String, locale: LocaleID, letterhead: URL? = nil) throws(FormwrightError) -> Renderer {
        let key = CompiledKey(package: PackageKey(id: id, letterhead: letterhead?.standardizedFileURL.path), locale: locale)
        if let renderer = cache.renderers.withLock({ $0[key] }) { return renderer }
        let package = try package(id, letterhead: letterhead)
        // Only the catalogs this render needs: loading all of them dominates a one-document run.
        let catalogs = try cache.catalogs(project.localesDirectory, locales: [locale], domains: [package.definition.domain])
        let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale, limits: limits.renderLimits)
        cache.renderers.withLock { $0[key] = renderer }
        return renderer
    }

    /// The catalogs of `domains` in every locale (the service's `forms` messages, say).
    public func catalogs(domains: [String]) throws(FormwrightError) -> CatalogSet {
        try cache.catalogs(project.localesDirectory, locales: nil, domains: domains)
    }

    // MARK: Data

    /// Where a render's data comes from.
    public enum DataSource: Sendable {
        /// A `.json`, `.yaml` or `.yml` file.
        case file(URL)
        /// Bytes in memory (a request body), with their format; `name` is shown in diagnostics.
        case bytes(Data, format: DataFormat, name: String = "data")
        /// Data already built.
        case value(Value)
    }

    /// Loads `data` and checks it against the template's schema, every problem at once.
    public func load(_ data: DataSource, for id: String) throws(FormwrightError) -> Value {
        try load(data, package: try package(id))
    }

    func load(_ data: DataSource, package: TemplatePackage) throws(FormwrightError) -> Value {
        switch data {
        case .file(let url):
            return try package.loadData(url, limits: limits.dataLimits)
        case .bytes(let bytes, let format, let name):
            guard bytes.count <= limits.maxDataSize else {
                throw FormwrightError(.limit, diagnostics: [Limits.reached(
                    .maxDataSize, file: name, "the data is \(bytes.count) bytes; data may be at most \(limits.maxDataSize) bytes",
                    advice: "split the data")])
            }
            let document: DataDocument
            do {
                document = try DataLoader(limits: limits.dataLimits).load(Array(bytes), path: name, format: format)
            } catch {
                throw FormwrightError(.data, [error])
            }
            return try package.validate(document)
        case .value(let value):
            if let schema = package.schema {
                let problems = schema.validate(value)
                if !problems.isEmpty { throw FormwrightError(.data, problems) }
            }
            return value
        }
    }

    /// Every problem rendering template `id` with `data` would meet before writing: the
    /// template, the catalogs of `locale` (when given) and the data against the schema.
    /// Empty when the data is fine.
    public func validate(_ id: String, data: DataSource, locale: String? = nil) -> [Diagnostic] {
        do {
            let package = try package(id)
            if let locale { _ = try compile(id, locale: locale) }
            _ = try load(data, package: package)
            return []
        } catch {
            return error.diagnostics
        }
    }

    // MARK: Caches

    struct PackageKey: Hashable, Sendable {
        let id: String
        let letterhead: String?
    }

    struct CompiledKey: Hashable, Sendable {
        let package: PackageKey
        let locale: LocaleID
    }

    /// What one library has read and compiled; a class so copies of the library share it.
    final class Cache: Sendable {
        let packages = Mutex<[PackageKey: TemplatePackage]>([:])
        let renderers = Mutex<[CompiledKey: Renderer]>([:])
        let catalogSets = Mutex<[String: CatalogSet]>([:])

        func catalogs(_ directory: URL, locales: [LocaleID]?, domains: [String]?) throws(FormwrightError) -> CatalogSet {
            let key = (locales?.map(\.identifier).joined(separator: ",") ?? "*") + "|" + (domains?.joined(separator: ",") ?? "*")
            if let set = catalogSets.withLock({ $0[key] ?? $0["*|*"] }) { return set }
            let set = try Project.loadCatalogs(directory, for: locales, domains: domains)
            catalogSets.withLock { $0[key] = set }
            return set
        }
    }
}
