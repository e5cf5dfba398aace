public import Foundation
public import Localization
import OfficeTemplate
public import Template

/// The folders a translator works in: `templates/<id>/template.xml` and
/// `locales/<locale>/<domain>.po`, with `locales/<domain>.pot` written by extraction.
///
/// Paths in diagnostics and in `#:` references are relative to ``rootDirectory``, the folder
/// holding both, so they read the same on every machine.
///
/// ```swift
/// let project = CatalogProject(root: URL(fileURLWithPath: "."))
/// let templates = try project.loadTemplates()
/// project.catalogURL(locale: .ro, domain: "common")   // …/locales/ro/common.po
/// ```
public struct CatalogProject: Sendable {
    public let templatesDirectory: URL
    public let localesDirectory: URL

    public init(templatesDirectory: URL, localesDirectory: URL) {
        self.templatesDirectory = templatesDirectory.standardizedFileURL
        self.localesDirectory = localesDirectory.standardizedFileURL
    }

    /// The project whose `templates/` and `locales/` are in `root`.
    public init(root: URL) {
        self.init(templatesDirectory: root.appendingPathComponent("templates"), localesDirectory: root.appendingPathComponent("locales"))
    }

    /// The folder holding `templates/` (and normally `locales/`).
    public var rootDirectory: URL { templatesDirectory.deletingLastPathComponent() }

    /// `path` relative to ``rootDirectory`` when it is inside it.
    public func relativePath(_ url: URL) -> String {
        let root = rootDirectory.path.hasSuffix("/") ? rootDirectory.path : rootDirectory.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// The template folders (those with a `template.xml`), sorted by name.
    public func templateDirectories() -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? []).sorted()
        return names.map { templatesDirectory.appendingPathComponent($0) }
            .filter { TemplateFile.locate(in: $0) != nil }
    }

    /// Parses every template, reporting the problems of all of them at once.
    public func loadTemplates() throws(CatalogToolError) -> [TemplateDefinition] {
        try loadTemplates(templateDirectories())
    }

    /// Parses the templates in `directories` (each holding a `template.xml`).
    public func loadTemplates(_ directories: [URL]) throws(CatalogToolError) -> [TemplateDefinition] {
        var definitions: [TemplateDefinition] = []
        var problems: [CatalogDiagnostic] = []
        for directory in directories {
            let url = TemplateFile.locate(in: directory) ?? directory.appendingPathComponent("template.xml")
            let path = relativePath(url)
            guard let bytes = FileManager.default.contents(atPath: url.path) else {
                problems.append(CatalogDiagnostic(.error, file: path, line: 0, message: "cannot read the template"))
                continue
            }
            do {
                let hasSchema = FileManager.default.fileExists(atPath: directory.appendingPathComponent("schema.json").path)
                definitions.append(try TemplateFile.parse(Array(bytes), url: url, file: path, hasSchema: hasSchema).definition)
            } catch {
                problems += error.errors.map { e in
                    CatalogDiagnostic(.error, file: e.file, line: e.line, column: e.column, message: e.place.map { "\($0): \(e.message)" } ?? e.message, suggestion: e.suggestion)
                }
            }
        }
        if !problems.isEmpty { throw CatalogToolError(problems) }
        return definitions
    }

    /// `locales/<domain>.pot`.
    public func templateCatalogURL(domain: String) -> URL {
        localesDirectory.appendingPathComponent(domain + ".pot")
    }

    /// `locales/<locale>/<domain>.po`.
    public func catalogURL(locale: LocaleID, domain: String) -> URL {
        localesDirectory.appendingPathComponent(locale.identifier).appendingPathComponent(domain + ".po")
    }

    /// The locales that have a folder under `locales/`, without the source locale `en`.
    public func catalogLocales() -> [LocaleID] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: localesDirectory.path)) ?? [])
        var locales = Set<LocaleID>()
        for name in names where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = localesDirectory.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
               let locale = LocaleID(name), locale != .en {
                locales.insert(locale)
            }
        }
        return locales.sorted()
    }

    /// The domains with a `.po` file for `locale`, sorted.
    public func domains(locale: LocaleID) -> [String] {
        let folder = localesDirectory.appendingPathComponent(locale.identifier)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".po") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(3)) }
            .sorted()
    }

    /// The domains with a `.pot` file, sorted.
    public func templateDomains() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: localesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".pot") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(4)) }
            .sorted()
    }

    /// Reads a PO or POT file, reporting every syntax problem.
    public func readCatalog(_ url: URL) throws(CatalogToolError) -> POFile {
        let path = relativePath(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogToolError(file: path, "cannot read the catalog (no such file or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CatalogToolError(file: path, "the catalog is not valid UTF-8", suggestion: "convert it with `msgconv --to-code=UTF-8`")
        }
        let (file, errors) = POFile.parseRecovering(text, path: path)
        if !errors.isEmpty { throw CatalogToolError(errors.map(CatalogDiagnostic.init)) }
        return file
    }
}

extension CatalogDiagnostic {
    /// A PO syntax problem as a finding.
    public init(_ error: CatalogError) {
        self.init(.error, file: error.file, line: error.line, column: error.column, message: error.message, suggestion: error.suggestion)
    }
}
