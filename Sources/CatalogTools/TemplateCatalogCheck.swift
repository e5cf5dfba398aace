import Localization
public import Template

/// Checks templates against their catalogs: message ids a template uses that a locale's
/// catalog lacks (errors: `extract` and `update` were not run), catalog entries no
/// template uses (warnings), catalog entries made for another English source (warnings),
/// and literal text outside `<t>` that will not be translated (warnings).
///
/// ```swift
/// let findings = try TemplateCatalogCheck.check(templates: [definition], allTemplates: all, project: project)
/// ```
public enum TemplateCatalogCheck {
    /// - Parameters:
    ///   - templates: the templates to check.
    ///   - allTemplates: every template of the project, to tell whether a `common` entry is used.
    public static func check(templates: [TemplateDefinition], allTemplates: [TemplateDefinition], project: CatalogProject) throws(CatalogToolError) -> [CatalogDiagnostic] {
        var findings: [CatalogDiagnostic] = []
        var catalogs: [String: POFile] = [:]   // "<locale>/<domain>"
        var problems: [CatalogDiagnostic] = []
        let locales = project.catalogLocales()
        func catalog(_ locale: LocaleID, _ domain: String) -> POFile? {
            let key = "\(locale.identifier)/\(domain)"
            if let cached = catalogs[key] { return cached }
            let url = project.catalogURL(locale: locale, domain: domain)
            guard project.domains(locale: locale).contains(domain) else { return nil }
            do {
                let file = try project.readCatalog(url)
                catalogs[key] = file
                return file
            } catch {
                problems += error.diagnostics
                return nil
            }
        }

        for template in templates {
            for text in template.untranslatedText {
                let preview = text.text.count > 40 ? String(text.text.prefix(40)) + "…" : text.text
                findings.append(CatalogDiagnostic(
                    .warning, file: template.file, line: text.location.line, column: text.location.column,
                    message: "literal text \"\(preview)\" is outside <t> and will not be translated",
                    suggestion: "wrap it in <t id=\"…\">…</t>, or keep only punctuation and data outside <t>"))
            }
            var reported = Set<String>()
            for message in template.messages where reported.insert(message.id).inserted {
                let domain = CatalogExtractor.domain(of: message.id, template: template)
                // ro-MD holds only what differs from ro: a missing entry there is normal.
                for locale in locales where locale.region == nil {
                    let file = catalog(locale, domain)
                    guard let entry = file?.messages.first(where: { $0.context == message.id }) else {
                        let path = file?.path ?? project.relativePath(project.catalogURL(locale: locale, domain: domain))
                        findings.append(CatalogDiagnostic(
                            .error, file: template.file, line: message.location.line, column: message.location.column,
                            message: "message '\(message.id)' is not in \(path)",
                            suggestion: "run `formwright catalog extract` and `formwright catalog update`, then translate it"))
                        continue
                    }
                    if entry.id != message.source {
                        findings.append(CatalogDiagnostic(
                            .warning, file: file!.path, line: entry.line,
                            message: "'\(message.id)' was translated from another English source than \(template.file):\(message.location.line) has",
                            suggestion: "run `formwright catalog update`; the entry becomes fuzzy with the old source shown"))
                    }
                }
            }
        }

        // Unused entries: in the checked templates' domains, and in `common`.
        let used = Set(allTemplates.flatMap { $0.messages.map(\.id) } + CompiledTemplate.builtInMessages.map(\.id))
        let domains = Set(templates.map(\.domain) + [CatalogExtractor.commonDomain])
        for locale in locales {
            for domain in domains.sorted() {
                guard let file = catalog(locale, domain) else { continue }
                for entry in file.messages {
                    guard let id = entry.context, !used.contains(id) else { continue }
                    findings.append(CatalogDiagnostic(
                        .warning, file: file.path, line: entry.line,
                        message: "message '\(id)' is not used by any template",
                        suggestion: "run `formwright catalog update` to make it obsolete, or remove it"))
                }
            }
        }
        if !problems.isEmpty { throw CatalogToolError(problems) }
        return findings.sortedByLocation()
    }
}
