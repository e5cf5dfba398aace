public import TemplateData

/// A message the form uses, with its English source: what `locales/forms.pot` lists.
public struct FormMessageSource: Sendable, Hashable {
    public let id: String
    public let source: String
}

extension WebForm {
    /// The catalog domain of the form texts (`locales/<locale>/forms.po`).
    public static let catalogDomain = "forms"

    /// The form's own words, shared by every template.
    static let ui: [String: String] = [
        "form.ui.required-note": "Fields marked * are required.",
        "form.ui.errors-title": "{count, plural, one {There is # problem with the form} other {There are # problems with the form}}",
        "form.ui.languages": "Language",
        "form.ui.download": "Download {format}",
        "form.ui.formats": "Document",
        "form.ui.preview": "Preview the first page",
        "form.ui.row": "{group}: row {number}",
        "form.ui.add-row": "Add a row",
        "form.ui.remove-row": "Remove row {number}",
        "form.ui.choose": "— choose —",
        "form.ui.id-checked": "The number has a valid form.",
        "form.id.length": "The number is too short or too long.",
        "form.id.format": "Only digits are allowed (for the codice fiscale: letters and digits, without spaces).",
        "form.id.date": "The birth date in the number is not a real date.",
        "form.id.future_date": "The birth date in the number lies in the future.",
        "form.id.checksum": "The check digit does not match the others: a character may be mistyped.",
        "form.id.county": "The county code in the number is not in use.",
        "form.id.sequence": "The serial number in the number cannot be 000.",
        "form.id.sex_century": "The first digit cannot be 0.",
        "form.id.is_idno": "This is a legal entity's IDNO, not a person's IDNP.",
        "form.id.assign_year": "The year of assignment in the number is not possible.",
        "form.id.prefix": "An IDNP starts with 2 (or 09).",
        "form.id.month": "The 9th character is not a month letter.",
        "form.error.required": "This field is required.",
        "form.error.type": "This value is not of the expected kind.",
        "form.error.date": "Enter a real date.",
        "form.error.format": "This value does not have the expected form.",
        "form.error.pattern": "This value does not have the expected form.",
        "form.error.too-short": "This text is too short.",
        "form.error.too-long": "This text is too long.",
        "form.error.range": "This number is outside the allowed range.",
        "form.error.item-count": "This list has too few or too many rows.",
        "form.error.not-allowed": "Choose one of the values offered.",
        "form.error.unknown-property": "This field is not part of the form.",
        "form.error.invalid": "This value is not valid.",
        "form.error.expired": "The form has expired or was sent from another site. Please send it again.",
    ]

    /// The ids of ``ui`` in a stable order (for `forms.pot`).
    static let uiOrder: [String] = ui.keys.sorted()

    static func labelID(_ keys: [String]) -> String { "form.field." + keys.joined(separator: ".") }
    static func helpID(template: String, _ keys: [String]) -> String { "form.help.\(template)." + keys.joined(separator: ".") }
    static func optionID(_ value: Value) -> String { "form.option." + FormText.of(value) }

    /// `date_of_birth` → `Date of birth`: the English label when the schema has no `title`.
    static func humanized(_ key: String) -> String {
        let words = key.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func labelSource(_ item: FormItem) -> String {
        item.schema.title ?? humanized(item.keys.last ?? "")
    }

    static func optionSource(_ value: Value) -> String {
        if case .string(let s) = value { return humanized(s) }
        return FormText.of(value)
    }

    /// Every message a template's form can show, the form's own words first, each id once:
    /// labels (`form.field.<path>`), help (`form.help.<template>.<path>`, from `description`)
    /// and choices (`form.option.<value>`).
    ///
    /// ```swift
    /// WebForm.messageSources(templateID: "consent-data-sharing", schema: schema)
    ///     .first { $0.id == "form.field.child.date_of_birth" }?.source   // "Date of birth"
    /// ```
    public static func messageSources(templateID: String, schema: DataSchema) -> [FormMessageSource] {
        var out = uiOrder.map { FormMessageSource(id: $0, source: ui[$0]!) }
        var seen = Set(uiOrder)
        func add(_ id: String, _ source: String) {
            if seen.insert(id).inserted { out.append(FormMessageSource(id: id, source: source)) }
        }
        func walk(_ item: FormItem) {
            if item.rowNumber == nil {
                add(labelID(item.keys), labelSource(item))
                if let description = item.schema.description {
                    add(helpID(template: templateID, item.keys), description)
                }
            }
            switch item.kind {
            case .field(.choice(let values)):
                for value in values where value != .null { add(optionID(value), optionSource(value)) }
            case .field: break
            case .group(let children): children.forEach(walk)
            case .list(let rows, _): rows.first.map(walk)
            }
        }
        FormLayout.items(for: schema, values: nil).forEach(walk)
        return out
    }
}

extension WebForm {
    /// `locales/forms.pot`: every message of the forms of `templates` (id and schema), each id
    /// once with the schemas it comes from as references, the form's own words first.
    ///
    /// ```swift
    /// let pot = WebForm.catalogTemplate(templates: [("consent-data-sharing", schema)])
    /// ```
    public static func catalogTemplate(templates: [(id: String, schema: DataSchema)]) -> String {
        var order: [FormMessageSource] = []
        var references: [String: [String]] = [:]
        for template in templates {
            for message in messageSources(templateID: template.id, schema: template.schema) {
                if references[message.id] == nil { order.append(message) }
                if !message.id.hasPrefix("form.ui.") && !message.id.hasPrefix("form.id.") {
                    references[message.id, default: []].append("templates/\(template.id)/schema.json")
                } else {
                    references[message.id, default: []] = []
                }
            }
        }
        var out = """
            # Formwright messages of the forms domain: labels, help and choices of the web forms
            # generated from the templates' schemas, and the form's own words.
            # msgctxt = message id, msgid = English source (ICU MessageFormat).
            # Generated from the schemas (WebForm.catalogTemplate; RECORD_GOLDEN=1 swift test --filter FormCatalogTests).
            msgid ""
            msgstr ""
            "Project-Id-Version: Formwright\\n"
            "Language: \\n"
            "MIME-Version: 1.0\\n"
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Content-Transfer-Encoding: 8bit\\n"
            "X-Generator: WebForm.catalogTemplate\\n"


            """
        for message in order {
            for reference in references[message.id] ?? [] { out += "#: \(reference)\n" }
            out += "msgctxt \(poQuoted(message.id))\nmsgid \(poQuoted(message.source))\nmsgstr \"\"\n\n"
        }
        return String(out.dropLast())
    }

    static func poQuoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
