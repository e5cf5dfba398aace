public import Foundation
public import Localization
import XMLSupport

/// Reads an XLIFF 2.0 file written by ``XLIFFExporter`` (and edited in a CAT tool) back
/// into the locale's PO files: targets become translations and states become the `fuzzy`
/// flag. Notes are not read back: comments belong to the templates and the PO files.
///
/// Everything is checked before anything is written: the XML, the language, that each
/// file and unit exists in the catalogs with the same English source, and that each target
/// is valid MessageFormat. Any problem is reported with its line and column, and no file
/// changes.
///
/// ```swift
/// let changed = try XLIFFImporter.importFile(at: url, project: project)
/// ```
public enum XLIFFImporter {
    /// The catalogs that the XLIFF file changes, with their new content, without writing.
    public static func plan(_ bytes: [UInt8], path: String, project: CatalogProject) throws(CatalogToolError) -> [(url: URL, file: POFile)] {
        let root: XMLElement
        do {
            root = try XMLReader().parse(bytes, file: path)
        } catch {
            throw CatalogToolError(file: path, line: error.line, column: error.column, "not a well-formed XML file: \(error.message)")
        }
        var problems: [CatalogDiagnostic] = []
        func problem(_ node: XMLLocation, _ message: String, suggestion: String? = nil) {
            problems.append(CatalogDiagnostic(.error, file: path, line: node.line, column: node.column, message: message, suggestion: suggestion))
        }
        guard root.name == "xliff", root.namespace == XLIFFExporter.namespace else {
            throw CatalogToolError(file: path, line: root.location.line, column: root.location.column,
                                   "the root element is <\(root.name)>, not an XLIFF 2.0 <xliff> element",
                                   suggestion: "import a file written by `formwright catalog export --format xliff`")
        }
        guard let version = root["version"], version.hasPrefix("2.") else {
            throw CatalogToolError(file: path, line: root.location.line, column: root.location.column,
                                   "the XLIFF version is \(root["version"] ?? "missing"); Formwright reads XLIFF 2.x")
        }
        guard let language = root["trgLang"], let locale = LocaleID(language), locale != .en, LocaleID.registered.contains(locale) else {
            throw CatalogToolError(file: path, line: root.location.line, column: root.location.column,
                                   "trgLang is \(root["trgLang"].map { "'\($0)'" } ?? "missing"); it must name a target locale",
                                   suggestion: "one of \(LocaleID.registered.filter { $0 != .en }.map(\.identifier).joined(separator: ", "))")
        }

        var result: [(url: URL, file: POFile)] = []
        for fileElement in root.elements where fileElement.name == "file" {
            guard let domain = fileElement["original"].map(domainName) ?? fileElement["id"] else {
                problem(fileElement.location, "<file> has no id")
                continue
            }
            let url = project.catalogURL(locale: locale, domain: domain)
            var catalog: POFile
            do {
                catalog = try project.readCatalog(url)
            } catch {
                problem(fileElement.location, "there is no catalog \(project.relativePath(url)) for this <file>",
                        suggestion: "run `formwright catalog update` first, or check trgLang and the file's original path")
                continue
            }
            var changed = false
            var seen: Set<String> = []
            for unit in fileElement.elements where unit.name == "unit" {
                guard let id = unit["name"] ?? unit["id"] else {
                    problem(unit.location, "<unit> has no name or id")
                    continue
                }
                guard seen.insert(id).inserted else {
                    problem(unit.location, "message '\(id)' appears twice in this <file>")
                    continue
                }
                guard let index = catalog.entries.firstIndex(where: { $0.context == id && !$0.isObsolete }) else {
                    problem(unit.location, "message '\(id)' is not in \(catalog.path)",
                            suggestion: "export again after `formwright catalog update`")
                    continue
                }
                let segments = unit.elements.filter { $0.name == "segment" }
                guard segments.count == 1, let segment = segments.first else {
                    problem(unit.location, "message '\(id)' has \(segments.count) segments; Formwright messages have exactly one",
                            suggestion: "join the segments in the CAT tool before exporting")
                    continue
                }
                guard let source = segment.elements.first(where: { $0.name == "source" }) else {
                    problem(segment.location, "message '\(id)' has no <source>")
                    continue
                }
                if let inline = (segment.elements.filter { $0.name == "source" || $0.name == "target" }).flatMap(\.elements).first {
                    problem(inline.location, "<\(inline.name)> inside a message is not supported; Formwright messages are plain text")
                    continue
                }
                var entry = catalog.entries[index]
                if source.textContent != entry.id {
                    problem(source.location, "the English source of '\(id)' differs from \(catalog.path):\(entry.line); the template changed since the export",
                            suggestion: "run `formwright catalog update`, export again and carry the translation over")
                    continue
                }
                let target = segment.elements.first { $0.name == "target" }
                let translation = target?.textContent ?? ""
                let state = segment["state"] ?? "initial"
                guard ["initial", "translated", "reviewed", "final"].contains(state) else {
                    problem(segment.location, "unknown segment state '\(state)'", suggestion: "use initial, translated, reviewed or final")
                    continue
                }
                if !translation.isEmpty {
                    do {
                        _ = try MessageFormat(translation)
                    } catch {
                        problem(target!.location, "the translation of '\(id)' is not valid ICU MessageFormat: \(error.message) (message line \(error.line), column \(error.column))",
                                suggestion: error.suggestion ?? "compare the braces with the source")
                        continue
                    }
                }
                let fuzzy = translation.isEmpty ? entry.isFuzzy : state == "initial"
                if entry.translation != translation || entry.isFuzzy != fuzzy {
                    entry.translation = translation
                    entry.isFuzzy = fuzzy
                    if !fuzzy {
                        // What changed since the previous source only matters while the entry is fuzzy.
                        entry.previousID = nil
                        entry.previousContext = nil
                    }
                    catalog.entries[index] = entry
                    changed = true
                }
            }
            if changed { result.append((url, catalog)) }
        }
        if !problems.isEmpty { throw CatalogToolError(problems) }
        return result
    }

    /// Imports an XLIFF file into the catalogs atomically; returns the catalogs written.
    @discardableResult
    public static func importFile(at url: URL, project: CatalogProject) throws(CatalogToolError) -> [URL] {
        let path = project.relativePath(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogToolError(file: path, "cannot read the XLIFF file (no such file or not readable)")
        }
        let changes = try plan([UInt8](data), path: path, project: project)
        return try CatalogWriter.write(changes.map { ($0.url, $0.file.serialized()) }, project: project)
    }

    /// `locales/ro/common.po` → `common`.
    private static func domainName(_ original: String) -> String {
        let name = original.split(separator: "/").last.map(String.init) ?? original
        return name.hasSuffix(".po") ? String(name.dropLast(3)) : name
    }
}
