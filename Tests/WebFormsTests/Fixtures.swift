import Foundation
import Localization
import TemplateData
import TestSupport
import WebForms
import XMLSupport

/// The bundled templates and catalogs, and a small "browser" over a page parsed as XML.
enum Fixtures {
    static let templatesDirectory = TestSupport.repositoryRoot.appendingPathComponent("templates")
    static let localesDirectory = TestSupport.repositoryRoot.appendingPathComponent("locales")

    static let templateIDs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: templatesDirectory.appendingPathComponent("\($0)/schema.json").path)
        }.sorted()
    }()

    static let locales: [LocaleID] = LocaleID.supported

    static let catalogs: CatalogSet = {
        do { return try CatalogSet(directory: localesDirectory, domains: [WebForm.catalogDomain]) } catch {
            fatalError("forms catalogs do not load: \(error)")
        }
    }()

    static func schema(_ id: String) throws -> DataSchema {
        try DataSchema(contentsOf: templatesDirectory.appendingPathComponent("\(id)/schema.json"))
    }

    /// `example.json`, `example.bg.json`, … of a template.
    static func examples(_ id: String) throws -> [(name: String, value: Value)] {
        let folder = templatesDirectory.appendingPathComponent(id)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("example") && $0.hasSuffix(".json") }.sorted()
        return try names.map { name in (name, try DataLoader().load(contentsOf: folder.appendingPathComponent(name)).value) }
    }

    static func request(
        _ id: String, schema: DataSchema, locale: LocaleID, values: Value? = nil, errors: [FormFieldError] = []
    ) -> FormPageRequest {
        FormPageRequest(
            templateID: id, templateTitle: id, schema: schema, locale: locale, availableLocales: locales,
            messages: FormMessages(catalogs: catalogs, locale: locale), values: values, errors: errors,
            csrfToken: "token-123", action: "/forms/\(id)?locale=\(locale)", previewURL: "/forms/\(id)/preview?locale=\(locale)")
    }

    /// The page as XML. The reader refuses any DOCTYPE (no DTDs in Formwright files), so the
    /// HTML5 `<!DOCTYPE html>` line is taken off first; everything after it must be well-formed.
    static func parse(_ html: String) throws -> XMLElement {
        let doctype = "<!DOCTYPE html>\n"
        let body = html.hasPrefix(doctype) ? String(html.dropFirst(doctype.count)) : html
        return try XMLReader().parse(Array(body.utf8), file: "page.html")
    }
}

extension XMLElement {
    /// This element and every element below it, in document order.
    var descendants: [XMLElement] {
        var out: [XMLElement] = [self]
        for child in elements { out += child.descendants }
        return out
    }

    var classes: Set<String> { Set((self["class"] ?? "").split(separator: " ").map(String.init)) }

    /// The form controls a user fills in (not hidden fields, not buttons).
    var isControl: Bool {
        (name == "input" && self["type"] != "hidden") || name == "select" || name == "textarea"
    }
}

/// What a browser posts for a page: successful controls in document order, then percent-encoding.
enum Browser {
    static func fields(of page: XMLElement, button: (String, String)? = nil) -> [(String, String)] {
        guard let form = page.descendants.first(where: { $0.name == "form" }) else { return [] }
        var out: [(String, String)] = []
        for element in form.descendants {
            guard let name = element["name"] else { continue }
            switch element.name {
            case "input":
                if element["type"] == "checkbox" {
                    if element["checked"] != nil { out.append((name, element["value"] ?? "on")) }
                } else {
                    out.append((name, element["value"] ?? ""))
                }
            case "select":
                let options = element.elements.filter { $0.name == "option" }
                let chosen = options.first { $0["selected"] != nil } ?? options.first
                out.append((name, chosen?["value"] ?? ""))
            case "textarea":
                // What a browser does to a textarea's line breaks.
                out.append((name, element.textContent.replacingOccurrences(of: "\n", with: "\r\n")))
            default: break
            }
        }
        if let button { out.append(button) }
        return out
    }

    static func encode(_ fields: [(String, String)]) -> [UInt8] {
        Array(fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&").utf8)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): out += "+"
            default: out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
