import Localization
import Template
import Testing

/// Small templates and catalogs built in memory for the tests.
enum Fixtures {
    static func template(_ body: String, head: String = "", file: String = "t/template.xml") throws -> TemplateDefinition {
        let source = """
            <document xmlns="urn:formwright:template:1" id="t">
            \(head)<body>
            \(body)
            </body>
            </document>
            """
        return try TemplateParser.parse(source: Array(source.utf8), file: file)
    }

    /// The errors `parse` throws, none when it succeeds; anything but ``TemplateErrors`` is
    /// recorded as an issue of the test.
    static func errors(_ parse: () throws -> TemplateDefinition) -> [TemplateError] {
        do {
            _ = try parse()
            return []
        } catch let error as TemplateErrors {
            return error.errors
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    /// The errors of a template with this body (and head).
    static func errors(_ body: String, head: String = "") -> [TemplateError] {
        errors { try template(body, head: head) }
    }

    static func catalogs(_ files: [(locale: String, domain: String, po: String)]) throws -> CatalogSet {
        var catalogs: [Catalog] = []
        for file in files {
            let path = "locales/\(file.locale)/\(file.domain).po"
            let po = try POFile.parse(file.po, path: path)
            catalogs.append(Catalog(file: po, locale: LocaleID(file.locale)!, domain: file.domain))
        }
        return CatalogSet(catalogs: catalogs)
    }

    static func po(_ entries: [(id: String, source: String, translation: String)]) -> String {
        var text = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        for e in entries {
            text += "msgctxt \"\(e.id)\"\nmsgid \"\(e.source)\"\nmsgstr \"\(e.translation)\"\n\n"
        }
        return text
    }
}
