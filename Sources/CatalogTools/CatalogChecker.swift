import Foundation
public import Localization

/// Checks translations the way a reviewer would, beyond what gettext knows: each must be
/// valid ICU MessageFormat, use the source's arguments, give every plural form the target
/// language needs, avoid ICU's apostrophe traps, and follow the locale's typography.
///
/// Problems in fuzzy entries are warnings (fuzzy entries are not used for rendering).
///
/// ```swift
/// for finding in CatalogChecker.check(file, locale: .ro) { print(finding) }
/// // locales/ro/plan.po:31: error: {count, plural} lacks the form 'few' that ro needs (one, few, other)
/// ```
public enum CatalogChecker {
    /// Every `.po` file under `locales/<locale>/`: syntax problems and translation checks.
    public static func check(project: CatalogProject) -> [CatalogDiagnostic] {
        var findings: [CatalogDiagnostic] = []
        for locale in project.catalogLocales() {
            for domain in project.domains(locale: locale) {
                do {
                    let file = try project.readCatalog(project.catalogURL(locale: locale, domain: domain))
                    findings += check(file, locale: locale)
                } catch {
                    findings += error.diagnostics
                }
            }
        }
        return findings.sortedByLocation()
    }

    /// The findings for one catalog in `locale`, in file order.
    public static func check(_ file: POFile, locale: LocaleID) -> [CatalogDiagnostic] {
        var findings: [CatalogDiagnostic] = []
        for entry in file.messages where !entry.translation.isEmpty {
            findings += check(entry, locale: locale, path: file.path)
        }
        return findings
    }

    /// The findings for one entry; `path` is the catalog's, for locations.
    public static func check(_ entry: POEntry, locale: LocaleID, path: String) -> [CatalogDiagnostic] {
        var findings: [CatalogDiagnostic] = []
        let severity: CatalogDiagnostic.Severity = entry.isFuzzy ? .warning : .error
        let line = entry.translationLine
        let name = entry.context.map { "'\($0)'" } ?? "this entry"
        func report(_ severity: CatalogDiagnostic.Severity, _ message: String, suggestion: String? = nil, column: Int = 0) {
            findings.append(CatalogDiagnostic(severity, file: path, line: line, column: column, message: message, suggestion: suggestion))
        }

        let source = try? MessageFormat(entry.id)
        if source == nil {
            findings.append(CatalogDiagnostic(
                .error, file: path, line: entry.line,
                message: "the English source of \(name) is not valid ICU MessageFormat",
                suggestion: "fix the message in the template, then run `formwright catalog extract` and `update`"))
        }
        let translation: MessageFormat
        do {
            translation = try MessageFormat(entry.translation)
        } catch {
            report(severity, "the translation of \(name) is not valid ICU MessageFormat: \(error.message) (message line \(error.line), column \(error.column))",
                   suggestion: error.suggestion ?? "compare the braces with the English source")
            return findings + typography(entry, locale: locale, path: path)
        }

        if let source {
            let sourceNames = source.arguments.map(\.name), names = translation.arguments.map(\.name)
            let declared = (CatalogExtractor.declaredArguments(entry) ?? [])
                + (entry.context.flatMap { CatalogExtractor.builtInExtraArguments[$0] }?.map(\.name) ?? [])
            let available = sourceNames + declared.filter { !sourceNames.contains($0) }
            for missing in sourceNames where !names.contains(missing) {
                // Dropping an argument can be right (a plural form that spells the number out),
                // so it is a warning; an unknown argument fails at render time, so it is an error.
                report(.warning, "the translation of \(name) does not use the argument {\(missing)} of the source",
                       suggestion: "keep {\(missing)} in the translation, spelled as in the English source")
            }
            for extra in names where !available.contains(extra) {
                let close = available.first { $0.lowercased() == extra.lowercased() || Spelling.distance($0, extra) <= 2 }
                report(severity, "the translation of \(name) uses the argument {\(extra)}, which the source does not have",
                       suggestion: close.map { "did you mean {\($0)}? argument names are not translated" } ?? "use only the arguments of the source: \(available.map { "{\($0)}" }.joined(separator: ", "))")
            }
            for argument in source.arguments {
                guard let other = translation.arguments.first(where: { $0.name == argument.name }), other.kind != argument.kind else { continue }
                if [.plural, .selectordinal, .select].contains(argument.kind) || [.plural, .selectordinal, .select].contains(other.kind) {
                    report(.warning, "{\(argument.name)} is a \(argument.kind.rawValue) argument in the source but \(other.kind.rawValue) in the translation of \(name)")
                }
            }
        }

        if let source { findings += tags(source, translation, name: name, severity: severity, path: path, line: line) }

        let outline = MessageOutline(entry.translation)
        let categories = PluralRules.cardinal(locale).categories.map(\.rawValue)
        for choice in outline.choices {
            let keys = Set(choice.keys)
            if !keys.contains("other") {
                report(severity, "{\(choice.name), \(choice.kind)} in \(name) has no 'other' form, which ICU always needs",
                       suggestion: "add other {…}")
            }
            guard choice.kind == "plural" else { continue }
            let missing = categories.filter { !keys.contains($0) }
            if !missing.isEmpty, !(missing == ["other"]) {
                report(severity, "{\(choice.name), plural} in \(name) lacks the form\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) that \(locale) needs (\(categories.joined(separator: ", ")))",
                       suggestion: "add \(missing.map { "\($0) {…}" }.joined(separator: " ")); see the CLDR plural rules for \(locale)")
            }
            for key in choice.keys where !key.hasPrefix("=") && !categories.contains(key) {
                report(.warning, "{\(choice.name), plural} in \(name) has the form '\(key)', which \(locale) never selects",
                       suggestion: "\(locale) uses \(categories.joined(separator: ", ")); remove '\(key) {…}'")
            }
        }

        let sourceQuotes = MessageOutline(entry.id).quotedCharacters
        var unmatched = sourceQuotes
        let scalars = Array(entry.translation.unicodeScalars)
        for (offset, character) in zip(outline.quoteOffsets, outline.quotedCharacters) {
            if let index = unmatched.firstIndex(of: character) {
                unmatched.remove(at: index)
                continue
            }
            let fragment = String(String.UnicodeScalarView(scalars[max(0, offset - 8)..<min(scalars.count, offset + 10)]))
            report(severity, "in \(name), the apostrophe before '\(character)' starts an ICU quoted literal: the text after it up to the next apostrophe is printed as is (…\(fragment)…)",
                   suggestion: "write the typographic apostrophe ’ (U+2019), or two apostrophes '' for a straight one")
        }

        return findings + typography(entry, locale: locale, path: path)
    }

    /// Rich-text tags (`<b>…</b>`, `<a1>…</a1>`): a translation moves them with the words
    /// they mark, but keeps each tag of the source, nested the same way, and adds none.
    static func tags(_ source: MessageFormat, _ translation: MessageFormat, name: String,
                     severity: CatalogDiagnostic.Severity, path: String, line: Int) -> [CatalogDiagnostic] {
        let sourcePaths = Set(source.tagPaths), translationPaths = Set(translation.tagPaths)
        guard sourcePaths != translationPaths else { return [] }
        func leaf(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }
        func parent(_ path: String) -> String { path.split(separator: "/").dropLast().joined(separator: "/") }
        func shown(_ path: String) -> String { path.split(separator: "/").map { "<\($0)>" }.joined() }
        let keep = "keep the source's tags " + source.tagPaths.map(leaf).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .map { "<\($0)>…</\($0)>" }.joined(separator: ", ") + ": move them with the words they mark, but do not rename, drop or add tags"
        var findings: [CatalogDiagnostic] = []
        func report(_ message: String, _ suggestion: String) {
            findings.append(CatalogDiagnostic(severity, file: path, line: line, message: message, suggestion: suggestion))
        }
        var missing = sourcePaths.subtracting(translationPaths).sorted()
        var extra = translationPaths.subtracting(sourcePaths).sorted()
        let sourceNames = Set(sourcePaths.map(leaf))
        // The same tag elsewhere in the tree: nested differently.
        for path in missing {
            guard let moved = extra.first(where: { leaf($0) == leaf(path) }) else { continue }
            report("the tag <\(leaf(path))> in the translation of \(name) is nested as \(shown(moved)), in the source as \(shown(path))",
                   "tags nest as in the source: " + shown(path) + "…" + path.split(separator: "/").reversed().map { "</\($0)>" }.joined())
            missing.removeAll { $0 == path }
            extra.removeAll { $0 == moved }
        }
        // A tag the source lacks where the source has one the translation lacks: renamed.
        for path in missing {
            guard let renamed = extra.first(where: { parent($0) == parent(path) && !sourceNames.contains(leaf($0)) }) else { continue }
            report("the translation of \(name) has the tag <\(leaf(renamed))> where the source has <\(leaf(path))>",
                   "tag names are not translated: write <\(leaf(path))>…</\(leaf(path))>")
            missing.removeAll { $0 == path }
            extra.removeAll { $0 == renamed }
        }
        for path in missing {
            report("the translation of \(name) lacks the tag \(shown(path)) of the source", keep)
        }
        for path in extra {
            report("the translation of \(name) has the tag \(shown(path)), which the source does not have", keep)
        }
        return findings
    }

    /// Romanian cedillas (errors) and straight double quotes (warnings), per locale.
    static func typography(_ entry: POEntry, locale: LocaleID, path: String) -> [CatalogDiagnostic] {
        var findings: [CatalogDiagnostic] = []
        let text = entry.translation
        let name = entry.context.map { "'\($0)'" } ?? "this entry"
        if locale.language == "ro" {
            let cedillas: [Character: Character] = ["ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"]
            let found = Set(text.filter { cedillas[$0] != nil })
            if !found.isEmpty {
                let fixed = String(text.map { cedillas[$0] ?? $0 })
                findings.append(CatalogDiagnostic(
                    .error, file: path, line: entry.translationLine,
                    message: "the translation of \(name) uses \(found.sorted().map { "\($0) (cedilla)" }.joined(separator: ", ")); Romanian writes ș ț with a comma below",
                    suggestion: "msgstr \"\(fixed)\""))
            }
        }
        if text.contains("\"") {
            let quotes = locale.definition.quotes
            var fixed = "", opening = true
            for character in text {
                if character == "\"" {
                    fixed.append(opening ? quotes.open : quotes.close)
                    opening.toggle()
                } else {
                    fixed.append(character)
                }
            }
            findings.append(CatalogDiagnostic(
                .warning, file: path, line: entry.translationLine,
                message: "the translation of \(name) uses straight quotes \"…\"; \(locale) writes \(quotes.open)…\(quotes.close)",
                suggestion: opening ? "msgstr \"\(fixed.replacingOccurrences(of: "\"", with: "\\\""))\"" : "use \(quotes.open) to open and \(quotes.close) to close a quotation"))
        }
        return findings
    }
}
