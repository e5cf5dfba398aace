public import CatalogTools
public import Foundation
public import Localization
import OfficeTemplate

/// A project: a folder of template folders (`templates/<id>/`) and a folder of catalogs
/// (`locales/<locale>/<domain>.po`), given or found. Rendering (``TemplateLibrary``), the
/// catalog tools (``catalogProject``) and the service all read templates and catalogs through it.
///
/// ```swift
/// let project = try Project.found(from: URL(fileURLWithPath: "."))
/// let project = Project(templates: URL(fileURLWithPath: "templates"), locales: URL(fileURLWithPath: "locales"))
/// project.templateIDs          // ["consent-data-sharing", "session-minutes", …]
/// ```
public struct Project: Sendable, Hashable {
    public let templatesDirectory: URL
    public let localesDirectory: URL

    public init(templates: URL, locales: URL) {
        templatesDirectory = templates.standardizedFileURL
        localesDirectory = locales.standardizedFileURL
    }

    public init(templatesDirectory: URL, localesDirectory: URL) {
        self.init(templates: templatesDirectory, locales: localesDirectory)
    }

    /// The project whose `templates/` and `locales/` are in `root`.
    public init(root: URL) {
        self.init(templates: root.appendingPathComponent("templates"), locales: root.appendingPathComponent("locales"))
    }

    /// Finds `templates/` and `locales/` in `start` or a parent of it, else in each of
    /// `fallbacks` or their parents (the CLI passes its executable's folder, so `swift run`
    /// and an installed copy work). The library itself never reads the current folder.
    public static func found(from start: URL, fallbacks: [URL] = []) throws(FormwrightError) -> Project {
        for origin in [start] + fallbacks {
            var directory = origin.standardizedFileURL
            while true {
                let templates = directory.appendingPathComponent("templates"), locales = directory.appendingPathComponent("locales")
                if isDirectory(templates) && isDirectory(locales) { return Project(templates: templates, locales: locales) }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw FormwrightError(.usage, diagnostics: [Diagnostic(
            code: "project.not-found", location: .init(file: TemplatePackage.displayPath(start)),
            message: "cannot find the templates/ and locales/ folders here or above",
            suggestion: "run from the Formwright folder, or give the folder that holds templates/ and locales/")])
    }

    /// The project of one template folder given by path: its parent is the templates folder;
    /// the catalogs are `locales` when given, else the `locales/` folder beside it or up to
    /// three folders above.
    public static func containing(template directory: URL, locales: URL? = nil) throws(FormwrightError) -> Project {
        let folder = directory.standardizedFileURL
        guard let catalogs = locales ?? localesDirectory(forTemplate: folder.deletingLastPathComponent()) else {
            throw FormwrightError(.usage, diagnostics: [Diagnostic(
                code: "project.no-locales", location: .init(file: TemplatePackage.displayPath(folder)),
                message: "cannot find a locales/ folder for this template", suggestion: "give the catalogs folder (--locales)")])
        }
        return Project(templates: folder.deletingLastPathComponent(), locales: catalogs)
    }

    /// The catalogs folder for a template folder: `locales/` beside its `templates/` folder.
    public static func localesDirectory(forTemplate directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        for _ in 0..<4 {
            let candidate = current.appendingPathComponent("locales")
            if isDirectory(candidate) { return candidate }
            current = current.deletingLastPathComponent()
        }
        return nil
    }

    /// The folder holding `templates/` (and normally `locales/`).
    public var rootDirectory: URL { templatesDirectory.deletingLastPathComponent() }

    /// The same folders as the catalog tools see them (extraction, update, status, XLIFF).
    public var catalogProject: CatalogProject {
        CatalogProject(templatesDirectory: templatesDirectory, localesDirectory: localesDirectory)
    }

    /// `letterheads/` beside `templates/`: the bundled example letterheads.
    public var letterheadsDirectory: URL { rootDirectory.appendingPathComponent("letterheads") }

    /// The `.docx` and `.odt` files in ``letterheadsDirectory``, sorted by name.
    public func bundledLetterheads() -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: letterheadsDirectory.path)) ?? []).sorted()
        return names.filter { $0.lowercased().hasSuffix(".docx") || $0.lowercased().hasSuffix(".odt") }
            .map { letterheadsDirectory.appendingPathComponent($0) }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    /// The ids (folder names) of the template folders — those with a `template.xml`, `.docx`
    /// or `.odt` — sorted.
    public var templateIDs: [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") && TemplateFile.locate(in: templatesDirectory.appendingPathComponent($0)) != nil }
    }

    /// The folder of template `id`, or an error with "did you mean" for a misspelt id.
    public func templateDirectory(id: String) throws(FormwrightError) -> URL {
        let candidate = templatesDirectory.appendingPathComponent(id)
        if !id.contains("/"), !id.hasPrefix("."), TemplateFile.locate(in: candidate) != nil { return candidate }
        let hint = Spelling.closest(to: id, among: templateIDs).map { "did you mean '\($0)'?" }
            ?? "the project's templates are: \(templateIDs.joined(separator: ", "))"
        throw FormwrightError(.usage, diagnostics: [Diagnostic(
            code: "project.unknown-template", location: .init(file: TemplatePackage.displayPath(templatesDirectory)),
            message: "no template '\(id)'", suggestion: hint)])
    }

    /// Every template folder loaded, reporting the problems of all of them at once.
    public func templates(limits: Limits = Limits()) throws(FormwrightError) -> [TemplatePackage] {
        var packages: [TemplatePackage] = []
        var problems: [Diagnostic] = []
        for id in templateIDs {
            do { packages.append(try TemplatePackage(directory: templatesDirectory.appendingPathComponent(id), limits: limits)) } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw FormwrightError(.template, diagnostics: problems) }
        return packages
    }

    /// Loads every catalog, reporting all syntax errors at once.
    public func catalogs() throws(FormwrightError) -> CatalogSet {
        try Project.loadCatalogs(localesDirectory)
    }

    /// Loads the catalogs in `directory`; with `locales` and `domains`, only what a render of
    /// those needs (each locale's fallback chain, the domains plus `common`).
    public static func loadCatalogs(
        _ directory: URL, for locales: [LocaleID]? = nil, domains: [String]? = nil
    ) throws(FormwrightError) -> CatalogSet {
        let wantedLocales = locales.map { Set($0.flatMap(\.fallbackChain)) }
        let wantedDomains = domains.map { Set($0 + ["common"]) }
        do {
            return try CatalogSet(directory: directory, locales: wantedLocales, domains: wantedDomains)
        } catch {
            throw FormwrightError(.catalog, error.errors)
        }
    }
}

/// The name of ``Project`` before the catalog tools and rendering shared it.
public typealias Workspace = Project
