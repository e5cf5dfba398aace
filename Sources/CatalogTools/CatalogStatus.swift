import Foundation
public import Localization

/// How far one locale's catalog for one domain is translated.
///
/// ```swift
/// let rows = try CatalogStatus.compute(project: project, templates: pots)
/// rows[0].percent   // 87
/// ```
public struct CatalogStatus: Sendable, Hashable, Codable {
    public var locale: String
    public var domain: String
    /// Messages the locale should translate: those of the POT, or for a region locale
    /// (`ro-MD`, which holds differences only) those its file has.
    public var total: Int
    public var translated: Int
    public var fuzzy: Int
    /// Untranslated entries and extracted ids the file does not have yet.
    public var missing: Int
    public var obsolete: Int
    /// `translated / total`, rounded down, 100 when there is nothing to translate.
    public var percent: Int

    public init(locale: String, domain: String, total: Int, translated: Int, fuzzy: Int, missing: Int, obsolete: Int, percent: Int) {
        self.locale = locale
        self.domain = domain
        self.total = total
        self.translated = translated
        self.fuzzy = fuzzy
        self.missing = missing
        self.obsolete = obsolete
        self.percent = percent
    }

    /// Counts a catalog against the ids extracted for its domain (nil: count the file alone).
    public static func count(_ file: POFile?, template: POFile?, locale: LocaleID, domain: String) -> CatalogStatus {
        let messages = file?.messages ?? []
        let extracted = template.map { Set($0.messages.map(CatalogMerger.key)) }
        let counted = messages.filter { extracted?.contains(CatalogMerger.key($0)) ?? true }
        let translated = counted.filter { !$0.isFuzzy && !$0.translation.isEmpty }.count
        let fuzzy = counted.filter { $0.isFuzzy && !$0.translation.isEmpty }.count
        let total = (locale.region != nil || extracted == nil) ? counted.count : extracted!.count
        let obsolete = file?.entries.filter(\.isObsolete).count ?? 0
        return CatalogStatus(
            locale: locale.identifier, domain: domain, total: total, translated: translated, fuzzy: fuzzy,
            missing: max(0, total - translated - fuzzy), obsolete: obsolete,
            percent: total == 0 ? 100 : translated * 100 / total)
    }

    /// One row per locale and domain: every domain extracted from `templates` for every
    /// locale with a folder (region locales only where they have a file), and every other
    /// catalog file found.
    public static func compute(project: CatalogProject, templates: [String: POFile]) throws(CatalogToolError) -> [CatalogStatus] {
        var rows: [CatalogStatus] = []
        var problems: [CatalogDiagnostic] = []
        for locale in project.catalogLocales() {
            let existing = Set(project.domains(locale: locale))
            let domains = existing.union(locale.region == nil ? Set(templates.keys) : []).sorted()
            for domain in domains {
                var file: POFile?
                if existing.contains(domain) {
                    do { file = try project.readCatalog(project.catalogURL(locale: locale, domain: domain)) } catch {
                        problems += error.diagnostics
                        continue
                    }
                }
                rows.append(count(file, template: templates[domain], locale: locale, domain: domain))
            }
        }
        if !problems.isEmpty { throw CatalogToolError(problems) }
        return rows
    }

    /// The rows as an aligned text table with a header line.
    public static func table(_ rows: [CatalogStatus]) -> String {
        let header = ["locale", "domain", "total", "translated", "fuzzy", "missing", "obsolete", "percent"]
        let cells = rows.map { [$0.locale, $0.domain, "\($0.total)", "\($0.translated)", "\($0.fuzzy)", "\($0.missing)", "\($0.obsolete)", "\($0.percent) %"] }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column < 2 ? text + pad : pad + text   // names left, numbers right
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(header)] + cells.map(line)).joined(separator: "\n")
    }
}
