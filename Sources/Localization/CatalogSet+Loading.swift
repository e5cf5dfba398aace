public import Foundation

extension CatalogSet {
    /// Loads every `<locale>/<domain>.po` below `directory` (a project's `locales/`).
    ///
    /// Locale folders may be spelled `ro-MD` or `ro_MD`. Hidden entries, files directly in
    /// `directory` (such as `.pot` templates) and files other than `.po` are ignored.
    ///
    /// ```swift
    /// do {
    ///     let catalogs = try CatalogSet(directory: URL(fileURLWithPath: "locales"))
    ///     catalogs.locales(forDomain: "common")   // [bg, en, it, ro, ro-MD]
    /// } catch {
    ///     print(error)   // every problem of every file, one per line
    /// }
    /// ```
    ///
    /// - Throws: ``CatalogErrors`` listing every problem found in any file: syntax errors,
    ///   duplicate ids, non-UTF-8 files, unknown locale folders, and a `Language` header
    ///   that names a different locale than the folder.
    /// - Parameters:
    ///   - locales: load only these locales' folders (nil: all). A render needs only its
    ///     locale's fallback chain, and loading every catalog dominates a one-document run.
    ///   - domains: load only these domains' files (nil: all).
    public init(directory: URL, locales wantedLocales: Set<LocaleID>? = nil, domains wantedDomains: Set<String>? = nil) throws(CatalogErrors) {
        var errors: [CatalogError] = []
        var catalogs: [Catalog] = []
        var folders: [LocaleID: String] = [:]
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw CatalogErrors([CatalogError(
                .io, file: directory.path, line: 0, column: 0,
                message: "cannot read the catalog directory: \(error.localizedDescription)",
                suggestion: "catalogs live in locales/<locale>/<domain>.po next to the templates")])
        }
        for name in names where !name.hasPrefix(".") {
            let folder = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            guard let locale = LocaleID(name) else {
                errors.append(CatalogError(
                    .wrongLocale, file: folder.path, line: 0, column: 0,
                    message: "'\(name)' is not a supported locale",
                    suggestion: "use one of \(LocaleID.registered.map(\.identifier).joined(separator: ", "))"))
                continue
            }
            if let other = folders[locale] {
                errors.append(CatalogError(
                    .wrongLocale, file: folder.path, line: 0, column: 0,
                    message: "'\(name)' and '\(other)' are the same locale \(locale)",
                    suggestion: "merge the two folders into one"))
                continue
            }
            folders[locale] = name
            if let wantedLocales, !wantedLocales.contains(locale) { continue }
            let files = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for file in files where file.hasSuffix(".po") && !file.hasPrefix(".") {
                let url = folder.appendingPathComponent(file)
                let domain = String(file.dropLast(3))
                if let wantedDomains, !wantedDomains.contains(domain) { continue }
                let (catalog, problems) = Self.load(url, locale: locale, domain: domain)
                errors += problems
                if let catalog { catalogs.append(catalog) }
            }
        }
        if !errors.isEmpty {
            errors.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
            throw CatalogErrors(errors)
        }
        self.init(catalogs: catalogs)
    }

    private static func load(_ url: URL, locale: LocaleID, domain: String) -> (Catalog?, [CatalogError]) {
        let path = url.path
        let text: String
        do {
            guard let data = FileManager.default.contents(atPath: path) else {
                return (nil, [CatalogError(.io, file: path, line: 0, column: 0, message: "cannot read the catalog")])
            }
            text = try POFile.decodeUTF8([UInt8](data), path: path)
        } catch {
            return (nil, [error])
        }
        let (file, parseErrors) = POFile.parseRecovering(text, path: path)
        var errors = parseErrors
        if let header = file.entries.first(where: \.isHeader), let language = POHeader(parsing: header.translation).language,
           LocaleID(language) != locale {
            errors.append(CatalogError(
                .wrongLocale, file: path, line: header.line, column: 1,
                message: "the header says Language: \(language), but the file is in the folder for \(locale)",
                suggestion: "move the file to the folder of its language, or correct the Language header"))
        }
        // gettext allows one msgctxt with several msgids; for Formwright the context is the id.
        var seen: [String: Int] = [:]
        for entry in file.messages {
            guard let id = entry.context else { continue }
            // Same context and msgid were already reported by the parser, so this is a second source.
            if let first = seen[id] {
                errors.append(CatalogError(
                    .duplicateEntry, file: path, line: entry.line, column: 1,
                    message: "message id '\(id)' is used again with a different English source; it is first defined at line \(first)",
                    suggestion: "keep one entry per id, the one whose msgid matches the template"))
            } else {
                seen[id] = entry.line
            }
        }
        return (Catalog(file: file, locale: locale, domain: domain), errors)
    }
}
