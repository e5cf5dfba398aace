import Localization
import Template

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
