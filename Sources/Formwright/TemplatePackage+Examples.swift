public import Foundation
public import Localization

/// The example data of a template folder: `example.json` (English source data, also `.yaml`
/// or `.yml`) and, per locale, `example.<locale>.json` (`example.bg.json`,
/// `example.ro-MD.json`) with names, institutions and references of that country.
///
/// ```swift
/// package.exampleData(for: .roMD)   // example.ro-MD.json, else example.ro.json, else example.json
/// ```
public struct ExampleFiles: Sendable, Hashable {
    /// `example.json` (or `.yaml` / `.yml`): the data for `en` and for any locale without its own.
    public let base: URL?
    /// `example.<locale>.json` (or `.yaml` / `.yml`) by locale.
    public let byLocale: [LocaleID: URL]
    /// Files named like example data whose locale part is not a supported locale
    /// (`example.fr.json`, `example.ro-RO.json`): never used, reported by `check`.
    public let unrecognized: [URL]

    static let extensions = ["json", "yaml", "yml"]

    /// Reads the folder's file names (sorted, so the first of `.json`, `.yaml`, `.yml` wins).
    public init(directory: URL) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        var base: URL?
        var byLocale: [LocaleID: URL] = [:]
        var unrecognized: [URL] = []
        // Order of preference within one locale: .json, then .yaml, then .yml.
        let ordered = names.filter { $0.hasPrefix("example.") }.sorted { a, b in
            let ka = ExampleFiles.sortKey(a), kb = ExampleFiles.sortKey(b)
            return ka == kb ? a < b : ka < kb
        }
        for name in ordered {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 2, let ext = parts.last.map({ $0.lowercased() }), ExampleFiles.extensions.contains(ext) else { continue }
            let url = directory.appendingPathComponent(name)
            switch parts.count {
            case 2:
                if base == nil { base = url }
            case 3:
                let tag = String(parts[1])
                if let locale = LocaleID(tag) {
                    if byLocale[locale] == nil { byLocale[locale] = url }
                } else {
                    unrecognized.append(url)
                }
            default:
                unrecognized.append(url)
            }
        }
        self.base = base
        self.byLocale = byLocale
        self.unrecognized = unrecognized
    }

    private static func sortKey(_ name: String) -> String {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let stem = name.dropLast(ext.count)
        return "\(stem)\(extensions.firstIndex(of: ext) ?? extensions.count)"
    }

    /// The example data for `locale`: its own file, else the nearest one along its fallback
    /// chain (`ro-MD → ro → en`), else `example.json`.
    public func file(for locale: LocaleID) -> URL? {
        for candidate in locale.fallbackChain {
            if let url = byLocale[candidate] { return url }
        }
        return base
    }

    /// Every example file the folder holds, `example.json` first, then by locale.
    public var all: [URL] {
        (base.map { [$0] } ?? []) + byLocale.sorted { $0.key.identifier < $1.key.identifier }.map(\.value)
    }
}

extension TemplatePackage {
    /// The example data to render in `locale`: `example.<locale>.json`, falling back along
    /// the locale chain to `example.json` (see ``ExampleFiles``).
    public func exampleData(for locale: LocaleID) -> URL? { examples.file(for: locale) }

    /// Checks every example file against the schema; the problems of all files at once.
    public func checkExamples() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for url in examples.unrecognized {
            let supported = LocaleID.supported.map(\.identifier).joined(separator: ", ")
            problems.append(Diagnostic(
                code: "example.unknown-locale", location: .init(file: TemplatePackage.displayPath(url)),
                message: "not a supported locale in the file name, so the file is never used",
                suggestion: "name it example.<locale>.json with one of \(supported), or example.json for English"))
        }
        for url in examples.all {
            do { _ = try loadData(url) } catch { problems += error.diagnostics }
        }
        return problems
    }

    /// What the example data would print badly in each supported locale
    /// (`CompiledTemplate.layoutWarnings`: a declared column too narrow for a value that cannot
    /// break), each warning once, naming the locale and example file. An office template has
    /// no declared layout; an example that does not load or render is left to ``checkExamples()``.
    public func layoutWarnings(catalogs: CatalogSet) -> [Diagnostic] {
        guard office == nil else { return [] }
        var seen = Set<String>()
        var warnings: [Diagnostic] = []
        for locale in LocaleID.supported {
            guard let example = exampleData(for: locale), let data = try? loadData(example),
                  let renderer = try? Renderer(package: self, catalogs: catalogs, locale: locale) else { continue }
            for warning in renderer.compiled.layoutWarnings(data)
            where seen.insert("\(warning.line):\(warning.column):\(warning.message)").inserted {
                warnings.append(Diagnostic(
                    .warning, code: "layout.column-too-narrow",
                    location: .init(file: warning.file, line: warning.line, column: warning.column),
                    message: "\(warning.message), in \(locale.identifier) with \(example.lastPathComponent)",
                    suggestion: warning.suggestion))
            }
        }
        return warnings
    }
}
