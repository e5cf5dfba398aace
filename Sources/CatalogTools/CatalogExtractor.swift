public import Localization
public import Template

/// Builds the POT files — one per domain — from the templates' `<t>` messages: `msgctxt` is
/// the message id, `msgid` the English source, `#:` the template and line, `#.` the `note`
/// and a description of the arguments.
///
/// Messages whose id starts with `common.` go to the `common` domain, together with the
/// messages Formwright itself uses (signature labels, page numbers, legal numbering).
///
/// ```swift
/// let pots = try CatalogExtractor.extract(project.loadTemplates())
/// pots["consent-data-sharing"]?.messages.first?.context   // "consent.meta.title"
/// ```
public enum CatalogExtractor {
    /// The domain holding messages shared by all templates.
    public static let commonDomain = "common"

    /// Notes for the messages the renderer uses without a `<t>` in the template.
    static let builtInNotes: [String: String] = [
        "common.signature.date": "Label of the date next to a signature.",
        "common.signature.signature": "Label of the signature line.",
        "common.seal-mark": "Seal mark printed next to a signature (locus sigilli). Omit on e-signed documents.",
        "common.legal.article": "Label of an article whose text follows on the same line: “Article 1.”. {number} is computed.",
        "common.legal.article-heading": "Heading line of an article with a title: “Article 1. Scope”.",
        "common.legal.clause": "Label of a numbered paragraph inside an article: “(1)”.",
        "common.legal.point": "Label of a lettered point inside a paragraph: “(a)”. {letter} comes from common.legal.point-letters.",
        "common.legal.point-letters": "The letters that number points, in order, without spaces; after the last one they double (aa, bb).",
        "common.legal.subpoint": "Label of a point inside a point. {number} is 1, 2, 3…; {roman} is i, ii, iii….",
        "common.legal.ref": "Citation of an article in running text: “Article 3”.",
        "common.legal.ref-clause": "Citation of a numbered paragraph of an article in running text: “Article 3(2)”.",
    ]

    /// Arguments the renderer passes to a built-in message beyond those its English source
    /// uses, so a translation may use them (`{number}.` instead of `({roman})`).
    static let builtInExtraArguments: [String: [(name: String, type: String)]] = [
        "common.legal.subpoint": [("number", "number")],
    ]

    /// The domain a message belongs to.
    public static func domain(of id: String, template: TemplateDefinition) -> String {
        id.hasPrefix("common.") ? commonDomain : template.domain
    }

    /// One POT per domain, keyed by domain. Templates are taken in the order given (sort them
    /// for stable output); entries keep the order of first appearance.
    ///
    /// - Throws: ``CatalogToolError`` when one id has two different English sources.
    public static func extract(_ templates: [TemplateDefinition]) throws(CatalogToolError) -> [String: POFile] {
        var entries: [String: [POEntry]] = [:]
        var firstSeen: [String: (domain: String, index: Int, file: String, line: Int)] = [:]
        var notes: [String: [String]] = [:], argumentComments: [String: String] = [:]
        var problems: [CatalogDiagnostic] = []

        func add(id: String, source: String, note: String?, arguments: String?, reference: String?, domain: String, file: String, line: Int) {
            if let note, !(notes[id] ?? []).contains(note) { notes[id, default: []].append(note) }
            if argumentComments[id] == nil, let arguments { argumentComments[id] = arguments }
            if let seen = firstSeen[id] {
                if entries[seen.domain]![seen.index].id != source {
                    problems.append(CatalogDiagnostic(
                        .error, file: file, line: line,
                        message: "message '\(id)' has a different English source than at \(seen.file):\(seen.line)",
                        suggestion: "use one source per id, or give the message another id"))
                } else if let reference, !entries[seen.domain]![seen.index].references.contains(reference) {
                    entries[seen.domain]![seen.index].references.append(reference)
                }
                return
            }
            entries[domain, default: []].append(POEntry(context: id, id: source, references: reference.map { [$0] } ?? []))
            firstSeen[id] = (domain, entries[domain]!.count - 1, file, line)
        }

        for template in templates {
            for message in template.messages {
                add(id: message.id, source: message.source, note: message.note.map(normalizedNote),
                    arguments: ArgumentDescription.comment(for: message),
                    reference: template.places.isEmpty || message.location.line < 1 || message.location.line > template.places.count
                        ? "\(template.file):\(message.location.line)" : "\(template.file):\(template.places[message.location.line - 1].reference)",
                    domain: domain(of: message.id, template: template), file: template.file, line: message.location.line)
            }
            // A template without messages still gets its (empty) POT, so update creates its PO files.
            if entries[template.domain] == nil { entries[template.domain] = [] }
        }
        // The renderer's own messages come after the templates' (a template may bind their
        // arguments, which describes them better).
        for builtIn in CompiledTemplate.builtInMessages {
            let arguments = ((try? MessageFormat(builtIn.source).arguments) ?? []).map { ($0.name, ArgumentDescription.type(kind: $0.kind, expression: nil)) }
                + (builtInExtraArguments[builtIn.id] ?? [])
            let comment = arguments.isEmpty ? nil : "Arguments: " + arguments.map { "{\($0.0)}: \($0.1)" }.joined(separator: "; ")
            add(id: builtIn.id, source: builtIn.source, note: builtInNotes[builtIn.id], arguments: comment, reference: nil,
                domain: commonDomain, file: "Formwright", line: 0)
        }
        if !problems.isEmpty { throw CatalogToolError(problems.sortedByLocation()) }
        for (domain, list) in entries {
            for index in list.indices {
                let id = list[index].context!
                entries[domain]![index].extractedComments = (notes[id] ?? []) + (argumentComments[id].map { [$0] } ?? [])
                    + (tagComment(list[index].id).map { [$0] } ?? [])
            }
        }

        var result: [String: POFile] = [:]
        for (domain, domainEntries) in entries {
            let path = "locales/\(domain).pot"
            var file = POFile(path: path, entries: domainEntries)
            file.entries.insert(POEntry(id: "", translation: templateHeader.text,
                                        translatorComments: ["Formwright messages of the \(domain) domain.",
                                                             "msgctxt = message id, msgid = English source (ICU MessageFormat).",
                                                             "Generated by `formwright catalog extract`; do not edit: edit the templates."]),
                                at: 0)
            result[domain] = file
        }
        return result
    }

    /// The header of every POT: no dates, so extraction is reproducible.
    static var templateHeader: POHeader {
        POHeader(fields: [
            .init(name: "Project-Id-Version", value: "Formwright"),
            .init(name: "Language", value: ""),
            .init(name: "MIME-Version", value: "1.0"),
            .init(name: "Content-Type", value: "text/plain; charset=UTF-8"),
            .init(name: "Content-Transfer-Encoding", value: "8bit"),
            .init(name: "X-Generator", value: "formwright catalog extract"),
        ])
    }

    /// The argument names listed in an entry's `#. Arguments:` comment: what the template
    /// binds, which a translation may use even where the English does not.
    public static func declaredArguments(_ entry: POEntry) -> [String]? {
        guard let line = entry.extractedComments.first(where: { $0.hasPrefix("Arguments: ") }) else { return nil }
        return line.dropFirst("Arguments: ".count).split(separator: ";").compactMap { part -> String? in
            let text = part.trimmingWhitespace()
            guard text.hasPrefix("{"), let close = text.firstIndex(of: "}") else { return nil }
            return String(text[text.index(after: text.startIndex)..<close])
        }
    }

    /// Notes are attribute values: line breaks and runs of spaces come from indentation.
    /// `Tags: <b>…</b> bold; <a>…</a> link. …` for a source with rich-text tags: what each
    /// means, and that the translation keeps them (the check that follows is `catalog check`).
    static func tagComment(_ source: String) -> String? {
        guard let message = try? MessageFormat(source), message.hasTags else { return nil }
        var names: [String] = []
        for path in message.tagPaths {
            let name = String(path.split(separator: "/").last ?? "")
            if !names.contains(name) { names.append(name) }
        }
        let meanings = names.map { name -> String in
            let meaning: String
            switch name {
            case "b": meaning = "bold"
            case "i": meaning = "italic"
            case "u": meaning = "underlined"
            default: meaning = name.hasPrefix("a") ? "link (its address is in the template)" : "marked text"
            }
            return "<\(name)>…</\(name)> \(meaning)"
        }
        return "Tags: " + meanings.joined(separator: "; ")
            + ". Keep every tag and move it with the words it marks; do not translate, drop or add tags."
    }

    private static func normalizedNote(_ note: String) -> String {
        note.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
