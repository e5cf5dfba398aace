import Foundation
import Localization
import TemplateData
import Testing
import WebForms
import XMLSupport

struct TemplateLocale: Sendable, CustomTestStringConvertible {
    let template: String
    let locale: LocaleID
    var testDescription: String { "\(template) \(locale)" }

    static let all: [TemplateLocale] = Fixtures.templateIDs.flatMap { id in Fixtures.locales.map { TemplateLocale(template: id, locale: $0) } }
}

@Suite struct FormPageTests {
    @Test func everyBundledTemplateIsFound() {
        #expect(Fixtures.templateIDs.count >= 10)
        #expect(Fixtures.templateIDs.contains("consent-data-sharing"))
    }

    @Test(arguments: TemplateLocale.all)
    func pageIsWellFormedLabelledAndInItsLanguage(_ case_: TemplateLocale) throws {
        let schema = try Fixtures.schema(case_.template)
        let example = try Fixtures.examples(case_.template).first?.value
        for values in [nil, example] {
            let html = WebForm.page(Fixtures.request(case_.template, schema: schema, locale: case_.locale, values: values))
            #expect(html.hasPrefix("<!DOCTYPE html>\n"))
            let root = try Fixtures.parse(html)
            #expect(root.name == "html")
            #expect(root["lang"] == case_.locale.identifier)
            let all = root.descendants

            // Ids are unique, and every control has a label pointing at it.
            let ids = all.compactMap { $0["id"] }
            #expect(Set(ids).count == ids.count, "duplicate ids")
            let labelled = Set(all.filter { $0.name == "label" }.compactMap { $0["for"] })
            let controls = all.filter(\.isControl)
            #expect(controls.count > 5)
            for control in controls {
                let id = try #require(control["id"], "a control without id: \(control["name"] ?? "?")")
                #expect(labelled.contains(id), "no label for \(id)")
                let label = all.first { $0.name == "label" && $0["for"] == id }
                #expect(label.map { !$0.textContent.trimmingCharacters(in: .whitespaces).isEmpty } == true)
                // Everything a control is described by exists.
                for reference in (control["aria-describedby"] ?? "").split(separator: " ") {
                    #expect(ids.contains(String(reference)), "\(id) is described by a missing \(reference)")
                }
            }

            // Language switcher: one link per locale, the current one marked.
            let links = all.filter { $0.name == "a" && ($0["href"] ?? "").hasPrefix("?locale=") }
            #expect(links.map { $0["href"] } == Fixtures.locales.map { "?locale=\($0.identifier)" })
            #expect(links.filter { $0["aria-current"] == "page" }.map { $0["hreflang"] } == [case_.locale.identifier])

            // The page loads only its own script and stylesheet, with no inline code or style.
            #expect(all.filter { $0.name == "script" }.map { $0["src"] } == [WebForm.scriptPath])
            #expect(all.filter { $0.name == "script" }.allSatisfy { $0.textContent.isEmpty })
            #expect(all.allSatisfy { $0["style"] == nil && !$0.attributes.contains { $0.name.hasPrefix("on") } })
            for reference in all.compactMap({ $0["src"] ?? $0["href"] }) {
                #expect(reference.hasPrefix("/") || reference.hasPrefix("?") || reference.hasPrefix("#"), "\(reference) leaves the server")
            }

            // CSRF token and one submit button per format.
            #expect(all.contains { $0.name == "input" && $0["name"] == "_csrf" && $0["value"] == "token-123" })
            #expect(all.filter { $0.name == "button" && $0["name"] == "_format" }.compactMap { $0["value"] } == ["docx", "odt", "docx", "pdf", "png"])
            // Enter in a field uses the first submit button: a download, never "add a row".
            let firstSubmit = all.first { $0.name == "button" && $0["type"] == "submit" }
            #expect(firstSubmit?["name"] == "_format" && firstSubmit?["tabindex"] == "-1")
        }
    }

    @Test(arguments: TemplateLocale.all.filter { $0.locale == .en || $0.locale == .ro })
    func everyRequiredFieldIsMarked(_ case_: TemplateLocale) throws {
        let schema = try Fixtures.schema(case_.template)
        let root = try Fixtures.parse(WebForm.page(Fixtures.request(case_.template, schema: schema, locale: case_.locale)))
        let all = root.descendants
        let controls = Dictionary(all.filter(\.isControl).compactMap { c in c["name"].map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        let required = Self.requiredLeaves(schema.outline, pointer: "", parentRequired: true)
        #expect(!required.isEmpty)
        for pointer in required {
            let control = try #require(controls[pointer], "no control for required \(pointer)")
            #expect(control["aria-required"] == "true", "\(pointer) is not aria-required")
            let label = all.first { $0.name == "label" && $0["for"] == control["id"] }
            #expect(label?.elements.contains { $0.classes.contains("wf-required") && $0["aria-hidden"] == "true" } == true, "\(pointer) has no visible mark")
        }
        // And nothing else claims to be required (rows after the first as the first).
        func firstRow(_ name: String) -> String {
            name.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) != nil ? "0" : String($0) }.joined(separator: "/")
        }
        let claimed = Set(all.filter { $0["aria-required"] == "true" }.compactMap { $0["name"] }.map(firstRow))
        #expect(claimed == Set(required))
    }

    /// Pointers of the non-boolean fields that must be filled in whenever their row or group
    /// exists (row 0 of each list; lists start with at least one row).
    static func requiredLeaves(_ schema: SchemaOutline, pointer: String, parentRequired: Bool) -> [String] {
        let type = schema.types.first { $0 != "null" } ?? (schema.properties.isEmpty ? "string" : "object")
        switch type {
        case "object":
            return schema.properties.flatMap { property in
                requiredLeaves(
                    property.schema, pointer: pointer + "/" + JSONPointer.escape(property.name),
                    parentRequired: parentRequired && schema.required.contains(property.name))
            }
        case "array":
            return requiredLeaves(schema.items!, pointer: pointer + "/0", parentRequired: true)
        case "boolean":
            return []
        default:
            return parentRequired ? [pointer] : []
        }
    }

    @Test(arguments: TemplateLocale.all.filter { $0.locale == .bg })
    func errorsLandAtTheirFieldAndInTheSummary(_ case_: TemplateLocale) throws {
        let schema = try Fixtures.schema(case_.template)
        let example = try Fixtures.examples(case_.template).first?.value
        let blank = try Fixtures.parse(WebForm.page(Fixtures.request(case_.template, schema: schema, locale: .bg, values: example)))
        let names = blank.descendants.filter(\.isControl).compactMap { $0["name"] }
        let errors = names.map { FormFieldError(pointer: JSONPointer($0)!, message: "problem at \($0)") }
        let root = try Fixtures.parse(WebForm.page(Fixtures.request(case_.template, schema: schema, locale: .bg, values: example, errors: errors)))
        let all = root.descendants
        let summary = try #require(all.first { $0["id"] == "wf-error-summary" })
        #expect(summary["role"] == "alert")
        let summaryLinks = summary.descendants.filter { $0.name == "a" }
        #expect(summaryLinks.count == errors.count)
        for control in all.filter(\.isControl) {
            let name = try #require(control["name"]), id = try #require(control["id"])
            let errorID = "e" + id.dropFirst()
            let text = all.first { $0["id"] == errorID }
            #expect(text?.textContent == "problem at \(name)", "error of \(name) not at its field")
            #expect((control["aria-describedby"] ?? "").split(separator: " ").contains(Substring(errorID)))
            #expect(control["aria-invalid"] == "true")
            #expect(summaryLinks.contains { $0["href"] == "#" + id && $0.textContent.hasSuffix("problem at \(name)") })
        }
    }

    @Test func aValidationErrorOfTheServerLandsAtTheField() throws {
        let schema = try Fixtures.schema("consent-data-sharing")
        guard case .object(var data) = try Fixtures.examples("consent-data-sharing")[0].value, case .object(var child) = data["child"] else {
            Issue.record("example is not an object")
            return
        }
        child["date_of_birth"] = "22.11.2016"
        child["age"] = nil
        data["child"] = .object(child)
        data["form_version"] = nil
        let problems = schema.validate(.object(data))
        #expect(problems.count == 3)
        let errors = problems.map { FormFieldError(pointer: JSONPointer($0.pointer) ?? .root, message: $0.message) }
        let root = try Fixtures.parse(WebForm.page(Fixtures.request("consent-data-sharing", schema: schema, locale: .ro, values: .object(data), errors: errors)))
        let all = root.descendants
        let date = try #require(all.first { $0["id"] == "f.child.date_of_birth" })
        // The wrongly typed date comes back as text, so nothing typed is lost.
        #expect(date["type"] == "text")
        #expect(date["value"] == "22.11.2016")
        #expect(date["aria-invalid"] == "true")
        #expect(all.first { $0["id"] == "e.child.date_of_birth" } != nil)
        // A missing member is reported at the object (…/child): its fieldset shows it, or the field when the pointer names it.
        let summary = all.first { $0["id"] == "wf-error-summary" }
        #expect(summary?.descendants.filter { $0.name == "li" }.count == 3)
    }

    @Test func anErrorForAFieldThePageDoesNotShowGoesToTheNearestGroup() throws {
        let schema = try Fixtures.schema("consent-data-sharing")
        let errors = [
            FormFieldError(pointer: ["child", "nickname"], message: "unknown member"),
            FormFieldError(pointer: .root, message: "the whole form"),
            FormFieldError(pointer: ["guardians"], message: "at most two"),
        ]
        let root = try Fixtures.parse(WebForm.page(Fixtures.request("consent-data-sharing", schema: schema, locale: .it, errors: errors)))
        let all = root.descendants
        #expect(all.first { $0["id"] == "e.child" }?.textContent == "unknown member")
        #expect(all.first { $0["id"] == "e.guardians" }?.textContent == "at most two")
        #expect(all.first { $0["id"] == "g.guardians" }?["aria-describedby"]?.contains("e.guardians") == true)
        let items = all.first { $0["id"] == "wf-error-summary" }?.descendants.filter { $0.name == "li" }.map(\.textContent) ?? []
        // Page order: the whole form first, then the guardians (before the child in the schema).
        #expect(items.count == 3)
        #expect(items.first == "the whole form")
        #expect(items.last?.hasSuffix("unknown member") == true)
    }

    @Test func everythingIsEscaped() throws {
        let schema = try DataSchema(
            text: #"""
            {"type": "object", "required": ["name"], "properties": {
              "name": {"type": "string", "description": "Say <b>who</b> & \"why\""},
              "notes": {"type": "string", "maxLength": 2000},
              "kind": {"type": "string", "enum": ["a<b", "x\"y"]}
            }}
            """#, path: "schema.json")
        let evil = "</textarea><script>alert('x')</script>\"' &amp;"
        let values: Value = ["name": .string(evil), "notes": .string(evil), "kind": "x\"y"]
        var request = FormPageRequest(
            templateID: "t<script>", templateTitle: "Title <script>alert(1)</script>", schema: schema, locale: .en,
            values: values, errors: [FormFieldError(pointer: ["name"], message: "<img src=x onerror=alert(1)>")],
            csrfToken: "\"><script>", action: "/forms/x?a=1&b=\"2\"")
        request.previewURL = "javascript:\"<x>"
        let html = WebForm.page(request)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        let root = try Fixtures.parse(html)
        let all = root.descendants
        #expect(all.filter { $0.name == "script" }.count == 1)
        #expect(!all.contains { $0.name == "img" || $0.name == "b" })
        #expect(all.first { $0["id"] == "f.name" }?["value"] == evil)
        #expect(all.first { $0["id"] == "f.notes" }?.textContent == evil)
        #expect(all.first { $0["id"] == "e.name" }?.textContent == "<img src=x onerror=alert(1)>")
        #expect(all.first { $0["id"] == "h.name" }?.textContent == "Say <b>who</b> & \"why\"")
        #expect(all.first { $0.name == "form" }?["action"] == "/forms/x?a=1&b=\"2\"")
        #expect(all.first { $0.name == "title" }?.textContent == "Title <script>alert(1)</script>")
        #expect(all.first { $0["name"] == "_csrf" }?["value"] == "\"><script>")
        #expect(all.first { $0.name == "option" && $0["selected"] != nil }?["value"] == "x\"y")
        // And what the page holds posts back unchanged.
        let data = try WebForm.decode(urlEncoded: Browser.encode(Browser.fields(of: root)), schema: schema)
        #expect(data == values)
    }

    @Test func listsOfferOneEmptyRowMoreAndButtonsForTheScript() throws {
        let schema = try Fixtures.schema("consent-data-sharing")
        let root = try Fixtures.parse(WebForm.page(Fixtures.request("consent-data-sharing", schema: schema, locale: .en, values: ["guardians": [["name": "A"]]])))
        let all = root.descendants
        let guardians = try #require(all.first { $0["id"] == "g.guardians" })
        #expect(guardians["data-list"] == "/guardians")
        #expect(guardians["data-max"] == "2")
        let rows = guardians.descendants.filter { $0.classes.contains("wf-row") }
        #expect(rows.map { $0["data-row"] } == ["0", "1"])
        #expect(all.first { $0["id"] == "f.guardians.0.name" }?["value"] == "A")
        #expect(all.first { $0["id"] == "f.guardians.1.name" }?["value"] == "")
        // maxItems 2 reached: no "add a row" submit without the script; the script's button is hidden until it runs.
        #expect(!guardians.elements.contains { $0["name"] == "_action" })
        #expect(guardians.elements.contains { $0.classes.contains("wf-add") && $0["hidden"] != nil })
        let agencies = try #require(all.first { $0["id"] == "g.agencies" })
        #expect(agencies.elements.contains { $0["name"] == "_action" && $0["value"] == "add:/agencies" })
    }

    @Test func fieldTypesFollowTheSchema() throws {
        let schema = try DataSchema(
            text: #"""
            {"type": "object", "properties": {
              "d": {"type": "string", "format": "date"}, "n": {"type": "number", "minimum": 0}, "i": {"type": "integer", "maximum": 9},
              "b": {"type": "boolean"}, "e": {"type": "string", "enum": ["yes", "no"]}, "cnp": {"type": "string", "format": "cnp"},
              "long": {"type": "string", "maxLength": 1000}, "o": {"type": "object", "properties": {"x": {"type": "string"}}}
            }}
            """#, path: "schema.json")
        let all = try Fixtures.parse(WebForm.page(FormPageRequest(templateID: "t", templateTitle: "T", schema: schema, locale: .en, csrfToken: "", action: "/"))).descendants
        func control(_ id: String) -> XMLElement? { all.first { $0["id"] == id } }
        #expect(control("f.d")?["type"] == "date")
        #expect(control("f.n")?["type"] == "number" && control("f.n")?["step"] == "any" && control("f.n")?["min"] == "0")
        #expect(control("f.i")?["step"] == "1" && control("f.i")?["max"] == "9")
        #expect(control("f.b")?["type"] == "checkbox")
        #expect(control("f.e")?.name == "select")
        #expect(control("f.e")?.elements.map(\.textContent) == ["— choose —", "Yes", "No"])
        #expect(control("f.cnp")?["data-national-id"] == "cnp" && control("f.cnp")?["aria-describedby"] == "c.cnp")
        #expect(control("c.cnp")?["aria-live"] == "polite")
        #expect(control("f.long")?.name == "textarea")
        #expect(control("g.o")?.name == "fieldset" && control("g.o")?.elements.first?.name == "legend")
        #expect(control("f.o.x")?["type"] == "text")
    }
}
