import Localization
import TemplateData

/// Writes one page: the tree of ``FormItem``s first, errors attached to the nearest field or
/// group the page shows, then the HTML.
struct PageRenderer {
    let request: FormPageRequest
    var html = HTMLWriter()
    /// Errors by the pointer of the item that shows them.
    var errors: [JSONPointer: [String]] = [:]
    /// Summary entries in page order: the target item's element id, its label, the message.
    var summary: [(id: String?, label: String, message: String)] = []

    init(request: FormPageRequest) { self.request = request }

    func t(_ id: String, _ arguments: [String: MessageValue] = [:]) -> String {
        request.messages.text(id, WebForm.ui[id] ?? id, arguments, locale: request.locale)
    }

    func label(_ item: FormItem) -> String {
        request.messages.text(WebForm.labelID(item.keys), WebForm.labelSource(item), locale: request.locale)
    }

    /// `en` when the catalog has no translation of `id` for a page in another language: the
    /// English source is shown, and a screen reader should read it as English.
    func fallbackLanguage(_ id: String) -> String? {
        request.locale.language != "en" && request.messages.lookup(id) == nil ? "en" : nil
    }

    func labelLanguage(_ item: FormItem) -> String? {
        item.rowNumber == nil ? fallbackLanguage(WebForm.labelID(item.keys)) : nil
    }

    func help(_ item: FormItem) -> String? {
        guard item.rowNumber == nil, let description = item.schema.description else { return nil }
        return request.messages.text(WebForm.helpID(template: request.templateID, item.keys), description, locale: request.locale)
    }

    mutating func render() -> String {
        let items = FormLayout.items(for: request.schema, values: request.values)
        placeErrors(items)
        let lang = request.locale.identifier
        html.raw("<!DOCTYPE html>\n")
        html.open("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", lang), ("xml:lang", lang)])
        html.open("head")
        html.open("meta", [("charset", "utf-8")])
        html.open("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        html.element("title", text: request.templateTitle)
        html.open("link", [("rel", "stylesheet"), ("href", request.stylesheetPath)])
        html.open("script", [("src", request.scriptPath), ("defer", "defer")])
        html.close()
        html.close()
        html.open("body")
        html.open("header", [("class", "wf-header")])
        languageSwitcher()
        html.element("h1", [("id", "wf-title")], text: request.templateTitle)
        html.close()
        html.open("main")
        errorSummary()
        var formAttributes: [(String, String?)] = [
            ("method", "post"), ("action", request.action), ("accept-charset", "utf-8"), ("novalidate", "novalidate"),
            ("class", "wf-form"), ("aria-labelledby", "wf-title"), ("data-msg-ok", t("form.ui.id-checked")),
        ]
        for reason in NationalIdentifierProblem.Reason.allCases {
            formAttributes.append(("data-msg-" + reason.rawValue.replacingOccurrences(of: "_", with: "-"), t("form.id." + reason.rawValue)))
        }
        html.open("form", formAttributes)
        html.open("input", [("type", "hidden"), ("name", "_csrf"), ("value", request.csrfToken)])
        // Enter in a field submits with the form's first submit button: make that a download,
        // not a list's "add a row". Off-screen and out of the tab order; the real buttons follow.
        if let format = request.formats.contains(.docx) ? .docx : request.formats.first {
            html.element(
                "button",
                [("type", "submit"), ("name", "_format"), ("value", format.rawValue), ("class", "wf-default"), ("tabindex", "-1"),
                 ("aria-hidden", "true")],
                text: t("form.ui.download", ["format": .string(format.rawValue.uppercased())]))
        }
        html.element("p", [("class", "wf-note")], text: t("form.ui.required-note"))
        for item in items { render(item) }
        submitButtons()
        html.close()  // form
        html.close()  // main
        html.close()  // body
        html.close()  // html
        html.raw("\n")
        return html.string
    }

    // MARK: Errors

    mutating func placeErrors(_ items: [FormItem]) {
        var order: [JSONPointer: Int] = [:]
        var targets: [JSONPointer: (id: String, label: String)] = [:]
        func collect(_ item: FormItem, groupLabel: String?) {
            order[item.pointer] = order.count
            let name = item.rowNumber.map { t("form.ui.row", ["group": .string(groupLabel ?? ""), "number": .number(.init($0))]) } ?? label(item)
            switch item.kind {
            case .field: targets[item.pointer] = (item.id, name)
            case .group(let children):
                targets[item.pointer] = (FieldID.group(item.pointer), name)
                children.forEach { collect($0, groupLabel: name) }
            case .list(let rows, _):
                targets[item.pointer] = (FieldID.group(item.pointer), name)
                rows.forEach { collect($0, groupLabel: name) }
            }
        }
        items.forEach { collect($0, groupLabel: nil) }
        var placed: [(rank: Int, sequence: Int, id: String?, label: String, message: String)] = []
        for (sequence, error) in request.errors.enumerated() {
            var pointer: JSONPointer? = error.pointer
            while let p = pointer, targets[p] == nil { pointer = p.parent }
            if let p = pointer, let target = targets[p] {
                errors[p, default: []].append(error.message)
                placed.append((order[p] ?? 0, sequence, target.id, target.label, error.message))
            } else {
                placed.append((-1, sequence, nil, request.templateTitle, error.message))
            }
        }
        placed.sort { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }
        summary = placed.map { ($0.id, $0.label, $0.message) }
    }

    mutating func errorSummary() {
        guard !summary.isEmpty else { return }
        html.open("div", [("class", "wf-error-summary"), ("id", "wf-error-summary"), ("role", "alert"), ("tabindex", "-1"), ("aria-labelledby", "wf-error-summary-title")])
        html.element("h2", [("id", "wf-error-summary-title")], text: t("form.ui.errors-title", ["count": .number(.init(summary.count))]))
        html.open("ul")
        for entry in summary {
            html.open("li")
            if let id = entry.id {
                html.element("a", [("href", "#" + id)], text: entry.label + ": " + entry.message)
            } else {
                html.text(entry.message)
            }
            html.close()
        }
        html.close()
        html.close()
    }

    // MARK: Page parts

    mutating func languageSwitcher() {
        guard request.availableLocales.count > 1 else { return }
        html.open("nav", [("class", "wf-languages"), ("aria-label", t("form.ui.languages"))])
        html.open("ul")
        for locale in request.availableLocales {
            html.open("li")
            let current = locale == request.locale
            html.element(
                "a",
                [("href", "?locale=" + locale.identifier), ("hreflang", locale.identifier), ("lang", locale.identifier),
                 ("xml:lang", locale.identifier), ("aria-current", current ? "page" : nil)],
                text: WebForm.endonym(locale))
            html.close()
        }
        html.close()
        html.close()
    }

    mutating func submitButtons() {
        html.open("fieldset", [("class", "wf-submit")])
        html.element("legend", text: t("form.ui.formats"))
        for format in request.formats {
            html.element(
                "button", [("type", "submit"), ("name", "_format"), ("value", format.rawValue)],
                text: t("form.ui.download", ["format": .string(format.rawValue.uppercased())]))
        }
        if let preview = request.previewURL {
            html.element(
                "button", [("type", "submit"), ("name", "_format"), ("value", "png"), ("formaction", preview), ("class", "wf-preview")],
                text: t("form.ui.preview"))
        }
        html.close()
    }

    // MARK: Items

    /// `h.… e.… c.…`: the texts a control or group is described by.
    func describedBy(_ item: FormItem, help: String?, check: Bool = false) -> String? {
        var ids: [String] = []
        if help != nil { ids.append(FieldID.help(item.pointer)) }
        if errors[item.pointer] != nil { ids.append(FieldID.error(item.pointer)) }
        if check { ids.append(FieldID.check(item.pointer)) }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    mutating func helpAndErrors(_ item: FormItem, help: String?) {
        if let help {
            html.element(
                "p", [("class", "wf-help"), ("id", FieldID.help(item.pointer)),
                      ("lang", fallbackLanguage(WebForm.helpID(template: request.templateID, item.keys)))],
                text: help)
        }
        if let messages = errors[item.pointer] {
            html.element("p", [("class", "wf-error"), ("id", FieldID.error(item.pointer))], text: messages.joined(separator: " "))
        }
    }

    mutating func render(_ item: FormItem, groupLabel: String? = nil) {
        let name = item.rowNumber.map { t("form.ui.row", ["group": .string(groupLabel ?? ""), "number": .number(.init($0))]) } ?? label(item)
        let help = help(item)
        switch item.kind {
        case .field(let control):
            renderField(item, control: control, label: name, help: help)
        case .group(let children):
            let isRow = item.rowNumber != nil
            html.open("fieldset", [
                ("class", isRow ? "wf-group wf-row" : "wf-group"), ("id", FieldID.group(item.pointer)),
                ("data-row", item.rowNumber.map { String($0 - 1) }), ("aria-describedby", describedBy(item, help: help)),
            ])
            html.element("legend", [("lang", labelLanguage(item))], text: name)
            helpAndErrors(item, help: help)
            for child in children { render(child, groupLabel: name) }
            if let number = item.rowNumber { removeButton(number) }
            html.close()
        case .list(let rows, let maxItems):
            let marked = item.isRequired && (item.schema.minItems ?? 0) > 0
            html.open("fieldset", [
                ("class", "wf-list"), ("id", FieldID.group(item.pointer)), ("data-list", item.pointer.description),
                ("data-list-id", FieldID.encoded(item.pointer)), ("data-max", maxItems.map(String.init)),
                ("data-row-label", t("form.ui.row", ["group": .string(name), "number": .string("%n")])),
                ("data-remove-label", t("form.ui.remove-row", ["number": .string("%n")])),
                ("aria-describedby", describedBy(item, help: help)),
            ])
            html.open("legend", [("lang", labelLanguage(item))])
            html.text(name)
            if marked { requiredMark() }
            html.close()
            helpAndErrors(item, help: help)
            html.open("div", [("class", "wf-rows")])
            for row in rows { render(row, groupLabel: name) }
            html.close()
            let add = t("form.ui.add-row")
            html.element("button", [("type", "button"), ("class", "wf-add"), ("hidden", "hidden")], text: add)
            if maxItems.map({ rows.count < $0 }) ?? true {
                // Without the script: post the form and get it back with one more row.
                html.element(
                    "button", [("type", "submit"), ("name", "_action"), ("value", "add:" + item.pointer.description), ("class", "wf-nojs")],
                    text: add)
            }
            html.close()
        }
    }

    mutating func removeButton(_ number: Int) {
        html.element(
            "button", [("type", "button"), ("class", "wf-remove"), ("hidden", "hidden")],
            text: t("form.ui.remove-row", ["number": .number(.init(number))]))
    }

    mutating func requiredMark() {
        html.element("span", [("class", "wf-required"), ("aria-hidden", "true")], text: " *")
    }

    mutating func renderField(_ item: FormItem, control: FormItem.Control, label: String, help: String?) {
        let invalid = errors[item.pointer] != nil
        let isRow = item.rowNumber != nil
        var classes = "wf-field"
        if control == .checkbox { classes += " wf-checkbox" }
        if invalid { classes += " wf-invalid" }
        if isRow { classes += " wf-row" }
        html.open("div", [("class", classes), ("data-row", item.rowNumber.map { String($0 - 1) })])
        let current = item.value.map(FormText.of) ?? ""
        let marked = item.isRequired && control != .checkbox
        if control == .checkbox {
            // Unchecked boxes send nothing: the hidden field sends false, a checked box then overrides it.
            html.open("input", [("type", "hidden"), ("name", item.name), ("value", "false")])
            html.open("input", [
                ("type", "checkbox"), ("id", item.id), ("name", item.name), ("value", "true"),
                ("checked", item.value == .bool(true) ? "checked" : nil), ("aria-invalid", invalid ? "true" : nil),
                ("aria-describedby", describedBy(item, help: help)),
            ])
            html.element("label", [("for", item.id), ("lang", labelLanguage(item))], text: label)
            helpAndErrors(item, help: help)
        } else {
            html.open("label", [("for", item.id), ("lang", labelLanguage(item))])
            html.text(label)
            if marked { requiredMark() }
            html.close()
            helpAndErrors(item, help: help)
            var common: [(String, String?)] = [
                ("id", item.id), ("name", item.name), ("aria-required", marked ? "true" : nil),
                ("aria-invalid", invalid ? "true" : nil),
            ]
            switch control {
            case .text, .date, .number, .nationalID:
                var type = "text"
                switch control {
                case .date:
                    // A date typed wrongly before comes back as text, so nothing the user wrote is lost.
                    if current.isEmpty || CalendarDate(iso: current) != nil { type = "date" }
                case .number(let integer):
                    type = "number"
                    common.append(("step", integer ? "1" : "any"))
                    common.append(("min", item.schema.minimum.map { "\($0)" }))
                    common.append(("max", item.schema.maximum.map { "\($0)" }))
                case .nationalID(let identifier):
                    common.append(("data-national-id", identifier.formatName))
                    common.append(("inputmode", identifier == .codiceFiscale ? "text" : "numeric"))
                    common.append(("autocomplete", "off"))
                    common.append(("spellcheck", "false"))
                    common.append(("maxlength", String(identifier.length + 4)))
                default:
                    common.append(("maxlength", item.schema.maxLength.map(String.init)))
                }
                html.open("input", [("type", type)] + common + [("value", current), ("aria-describedby", describedBy(item, help: help, check: { if case .nationalID = control { true } else { false } }()))])
                if case .nationalID = control {
                    html.element("p", [("class", "wf-check"), ("id", FieldID.check(item.pointer)), ("aria-live", "polite")], text: "")
                }
            case .textarea:
                html.open("textarea", common + [("rows", "4"), ("maxlength", item.schema.maxLength.map(String.init)), ("aria-describedby", describedBy(item, help: help))])
                // An HTML parser drops one newline right after <textarea>: keep a leading one.
                if current.hasPrefix("\n") { html.raw("\n") }
                html.text(current)
                html.close()
            case .choice(let values):
                html.open("select", common + [("aria-describedby", describedBy(item, help: help))])
                html.element("option", [("value", "")], text: t("form.ui.choose"))
                for value in values where value != .null {
                    let text = FormText.of(value)
                    html.element(
                        "option",
                        [("value", text), ("selected", item.value.map(FormText.of) == text ? "selected" : nil),
                         ("lang", fallbackLanguage(WebForm.optionID(value)))],
                        text: request.messages.text(WebForm.optionID(value), WebForm.optionSource(value), locale: request.locale))
                }
                html.close()
            case .checkbox:
                break
            }
        }
        if let number = item.rowNumber { removeButton(number) }
        html.close()
    }
}

extension NationalIdentifier {
    /// Characters in a well-formed value.
    var length: Int {
        switch self {
        case .egn: 10
        case .cnp, .idnp: 13
        case .codiceFiscale: 16
        }
    }
}
