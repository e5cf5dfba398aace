public import Foundation
public import Localization
public import Template
public import DocumentModel
public import TemplateData
public import OfficeTemplate
import ODTWriter
import DOCXWriter

/// A folder with `templates/` and `locales/`: the bundled documents and their catalogs.
///
/// ```swift
/// let workspace = try Workspace.locate()
/// for template in try workspace.templates() { print(template.definition.id) }
/// ```
public struct Workspace: Sendable {
    public let templatesDirectory: URL
    public let localesDirectory: URL

    public init(templatesDirectory: URL, localesDirectory: URL) {
        self.templatesDirectory = templatesDirectory
        self.localesDirectory = localesDirectory
    }

    /// Finds `templates/` and `locales/` in the current folder or a parent of it, else next to
    /// the executable or in a parent of its folder (so `swift run` and an installed copy work).
    public static func locate(from start: URL? = nil) throws(FormwrightError) -> Workspace {
        var candidates: [URL] = []
        candidates.append(start ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        for origin in candidates {
            var directory = origin.standardizedFileURL
            while true {
                let templates = directory.appendingPathComponent("templates"), locales = directory.appendingPathComponent("locales")
                if isDirectory(templates) && isDirectory(locales) {
                    return Workspace(templatesDirectory: templates, localesDirectory: locales)
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw FormwrightError(.usage, "cannot find the templates/ and locales/ folders here or above; run from the Formwright folder or pass --templates and --locales")
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

    /// `letterheads/` beside `templates/`: the bundled example letterheads.
    public var letterheadsDirectory: URL { templatesDirectory.deletingLastPathComponent().appendingPathComponent("letterheads") }

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

    /// The template folders (those with a `template.xml`, `.docx` or `.odt`), sorted by name.
    public func templates() throws(FormwrightError) -> [TemplatePackage] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? []).sorted()
        var packages: [TemplatePackage] = []
        var problems: [String] = []
        for name in names {
            let directory = templatesDirectory.appendingPathComponent(name)
            guard TemplateFile.locate(in: directory) != nil else { continue }
            do { packages.append(try TemplatePackage(directory: directory)) } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw FormwrightError(.template, problems) }
        return packages
    }

    /// Loads every catalog, reporting all syntax errors at once.
    public func catalogs() throws(FormwrightError) -> CatalogSet {
        try Workspace.loadCatalogs(localesDirectory)
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
            throw FormwrightError(.catalog, error.errors.map(\.description))
        }
    }
}

/// A rendered document and what the user should know about it.
public struct RenderedDocument: Sendable {
    public let bytes: [UInt8]
    /// The neutral document (nil for an office template, which is rendered as a package).
    public let document: Document?
    /// Message ids with no translation in the requested locale (English was used).
    public let missingTranslations: [String]
    /// Message ids whose translation was made for an older English source.
    public let staleTranslations: [String]
}

/// Renders a template in one locale and format. Compile once, render many records.
///
/// ```swift
/// let renderer = try Renderer(package: package, catalogs: catalogs, locale: .bg)
/// let result = try renderer.render(data: value, format: .odt)
/// try AtomicFile.write(result.bytes, to: output)
/// ```
public struct Renderer: Sendable {
    public let package: TemplatePackage
    public let compiled: CompiledTemplate
    /// The compiled office document, for a template written in Word or Writer.
    public let office: CompiledOfficeTemplate?
    /// The writers, kept with the compiled template: each holds the parts it compressed once
    /// (styles, numbering), so every record after the first copies them.
    let writers = (odt: ODTWriter(), docx: DOCXWriter())

    public init(package: TemplatePackage, catalogs: CatalogSet, locale: LocaleID, limits: RenderLimits = .init()) throws(FormwrightError) {
        self.package = package
        do {
            if let template = package.office {
                let compiledOffice = try template.compile(locale: locale, catalogs: catalogs, limits: limits)
                office = compiledOffice
                compiled = compiledOffice.template
            } else {
                compiled = try CompiledTemplate(package.definition, locale: locale, catalogs: catalogs, limits: limits)
                office = nil
            }
        } catch {
            throw FormwrightError(.catalog, error.errors.map(\.description))
        }
    }

    public func render(data: Value, format: OutputFormat) throws(FormwrightError) -> RenderedDocument {
        let rendition = try rendition(for: data)
        let bytes = try package(rendition, format: format)
        return RenderedDocument(bytes: bytes, document: rendition.document, missingTranslations: compiled.missingTranslations,
                                staleTranslations: compiled.staleTranslations)
    }
}

extension LocaleID {
    /// Parses a locale given on the command line, with a helpful error.
    public static func parse(_ text: String) throws(FormwrightError) -> LocaleID {
        guard let locale = LocaleID(text) else {
            throw FormwrightError(.locale, "unknown locale '\(text)'; supported locales: \(LocaleID.supported.map(\.identifier).joined(separator: ", "))")
        }
        return locale
    }
}
