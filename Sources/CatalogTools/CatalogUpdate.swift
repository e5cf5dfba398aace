public import Foundation
public import Localization

/// `formwright catalog update` as a plan: the POT files merged into every locale's PO
/// files, computed without writing so that a problem anywhere changes nothing.
///
/// Full locales (`bg`, `ro`, `it`) get a new PO for a domain they lack and new entries for
/// new ids. Region locales (`ro-MD`) hold only what differs from their language, so their
/// existing files are merged (changed sources become fuzzy, removed ids obsolete) but they
/// get no new files and no new entries.
///
/// ```swift
/// let changes = try CatalogUpdate.plan(project: project)
/// try CatalogWriter.write(changes.map { ($0.url, $0.file.serialized()) }, project: project)
/// ```
public enum CatalogUpdate {
    public static func plan(project: CatalogProject) throws(CatalogToolError) -> [(url: URL, file: POFile)] {
        let domains = project.templateDomains()
        guard !domains.isEmpty else {
            throw CatalogToolError(file: project.relativePath(project.localesDirectory), "there are no .pot files to merge",
                                   suggestion: "run `formwright catalog extract` first")
        }
        var templates: [String: POFile] = [:]
        var problems: [CatalogDiagnostic] = []
        for domain in domains {
            do { templates[domain] = try project.readCatalog(project.templateCatalogURL(domain: domain)) } catch { problems += error.diagnostics }
        }
        var changes: [(url: URL, file: POFile)] = []
        for locale in project.catalogLocales() {
            let existing = Set(project.domains(locale: locale))
            for domain in domains {
                guard let template = templates[domain] else { continue }
                let url = project.catalogURL(locale: locale, domain: domain)
                if existing.contains(domain) {
                    do {
                        let file = try project.readCatalog(url)
                        let merged = CatalogMerger.merge(template, into: file, addingNewEntries: locale.region == nil)
                        if merged.serialized() != file.serialized() { changes.append((url, merged)) }
                    } catch {
                        problems += error.diagnostics
                    }
                } else if locale.region == nil {
                    changes.append((url, CatalogMerger.newCatalog(from: template, locale: locale, domain: domain, path: project.relativePath(url))))
                }
            }
        }
        if !problems.isEmpty { throw CatalogToolError(problems) }
        return changes
    }
}
