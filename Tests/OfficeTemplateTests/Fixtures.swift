import Foundation
import Localization
import OfficeTemplate
import Template
import TemplateData
import TestSupport
import ZipSupport

/// Office templates for the tests, built on documents a real office suite wrote: Word's own
/// blank document (from `../shared/office-samples`) with the body replaced, and a Writer
/// package in the markup LibreOffice writes.
enum Fixture {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static var wordBlank: [UInt8] {
        get throws {
            let url = TestSupport.sharedDirectory.appendingPathComponent("office-samples/word/doc-word-default-blank.docx")
            return Array(try Data(contentsOf: url))
        }
    }

    /// Word's blank document with `body` (paragraphs and tables, as Word writes them) before
    /// its section properties; `parts` replaces or adds other parts.
    static func word(body: String, parts: [String: String] = [:], base: String = "doc-word-default-blank.docx") throws -> [UInt8] {
        let url = TestSupport.sharedDirectory.appendingPathComponent("office-samples/word/\(base)")
        var entries = try ZipReader.entries(of: Array(try Data(contentsOf: url)))
        for (i, entry) in entries.enumerated() where entry.path == "word/document.xml" {
            var xml = String(decoding: entry.data, as: UTF8.self)
            let start = xml.range(of: "<w:body>")!.upperBound
            let end = xml.range(of: "<w:sectPr")!.lowerBound
            xml.replaceSubrange(start..<end, with: body)
            entries[i].data = Array(xml.utf8)
        }
        for (path, xml) in parts {
            if let i = entries.firstIndex(where: { $0.path == path }) { entries[i].data = Array(xml.utf8) } else { entries.append(ZipEntry(path: path, data: Array(xml.utf8))) }
        }
        return try ZipWriter.archive(entries)
    }

    static let odfNamespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"
        """

    /// A Writer document whose `office:text` holds `body`.
    static func writer(body: String, automaticStyles: String = "") throws -> [UInt8] {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(odfNamespaces)><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>\(automaticStyles)</office:automatic-styles><office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles \(odfNamespaces)><office:styles><style:default-style style:family="paragraph"><style:text-properties fo:language="en" fo:country="US"/></style:default-style></office:styles></office:document-styles>
            """
        let meta = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta \(odfNamespaces)><office:meta><dc:title>Test</dc:title><dc:language>en-US</dc:language></office:meta></office:document-meta>
            """
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>
            """
        return try ZipWriter.archive([
            ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored),
            ZipEntry(path: "content.xml", data: Array(content.utf8)),
            ZipEntry(path: "styles.xml", data: Array(styles.utf8)),
            ZipEntry(path: "meta.xml", data: Array(meta.utf8)),
            ZipEntry(path: "META-INF/manifest.xml", data: Array(manifest.utf8)),
        ])
    }

    static func data(_ json: String) throws -> Value {
        try DataLoader().load(text: json, path: "data.json", format: .json).value
    }

    static func catalogs(_ po: [String: String] = [:]) throws -> CatalogSet {
        guard !po.isEmpty else { return CatalogSet(catalogs: []) }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (path, text) in po {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try CatalogSet(directory: directory)
    }

    static func template(_ bytes: [UInt8], format: OfficeFormat = .docx) throws -> OfficeTemplate {
        try OfficeTemplate(bytes: bytes, file: "template.\(format.rawValue)", id: "test", schemaFile: nil)
    }

    /// Renders and returns the package's parts as text.
    static func render(
        _ bytes: [UInt8], format: OfficeFormat = .docx, data json: String = "{}", locale: LocaleID = .en, catalogs: CatalogSet? = nil
    ) throws -> [String: String] {
        let compiled = try template(bytes, format: format).compile(locale: locale, catalogs: try catalogs ?? Fixture.catalogs())
        let output = try compiled.render(try data(json))
        var parts: [String: String] = [:]
        for entry in try ZipReader.entries(of: output) { parts[entry.path] = String(decoding: entry.data, as: UTF8.self) }
        return parts
    }

    /// The paragraphs of a WordprocessingML part as a reader sees them: the text of each
    /// `w:p`, with `w:br` as a line break and `w:tab` as a tab.
    static func paragraphs(_ xml: String) -> [String] {
        var result: [String] = []
        var rest = Substring(xml)
        while let start = rest.range(of: "<w:p>") ?? rest.range(of: "<w:p ") {
            let afterStart = rest[start.upperBound...]
            let selfClosing = afterStart.prefix { $0 != ">" }.hasSuffix("/")
            if selfClosing {
                result.append("")
                rest = afterStart
                continue
            }
            guard let end = afterStart.range(of: "</w:p>") else { break }
            result.append(text(String(afterStart[..<end.lowerBound])))
            rest = afterStart[end.upperBound...]
        }
        return result
    }

    /// The text of WordprocessingML or ODF markup: text nodes inside `w:t`, `text:s` as spaces.
    static func text(_ xml: String) -> String {
        var out = ""
        var i = xml.range(of: "<office:text>")?.upperBound ?? xml.startIndex
        var inText = false
        let isODF = xml.contains("<text:")
        while i < xml.endIndex {
            if xml[i] == "<" {
                let close = xml[i...].firstIndex(of: ">")!
                let tag = xml[xml.index(after: i)..<close]
                if tag.hasPrefix("w:t ") || tag == "w:t" { inText = true }
                if tag == "/w:t" { inText = false }
                if tag.hasPrefix("w:br") || tag.hasPrefix("text:line-break") { out += "\n" }
                if tag.hasPrefix("w:tab") && !tag.hasPrefix("w:tabs") || tag.hasPrefix("text:tab") { out += "\t" }
                if tag.hasPrefix("text:s") && !tag.hasPrefix("text:span") && !tag.hasPrefix("text:soft") {
                    let count = tag.range(of: "text:c=\"").map { Int(tag[$0.upperBound...].prefix { $0.isNumber }) ?? 1 } ?? 1
                    out += String(repeating: " ", count: count)
                }
                if isODF && (tag.hasPrefix("/text:p") || tag.hasPrefix("/text:h")) { out += "\n" }
                i = xml.index(after: close)
                continue
            }
            if inText || isODF {
                let next = xml[i...].firstIndex(of: "<") ?? xml.endIndex
                out += String(xml[i..<next]).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                i = next
                continue
            }
            i = xml.index(after: i)
        }
        return out
    }

    /// A paragraph of runs as Word writes it: `runs` are `(text, bold)` pairs.
    static func p(_ runs: (String, Bool)..., rsid: String = "00A1B2C3") -> String {
        "<w:p w:rsidR=\"\(rsid)\" w:rsidRDefault=\"\(rsid)\">" + runs.map { text, bold in
            "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
        }.joined() + "</w:p>"
    }

    static func p(_ text: String) -> String { p((text, false)) }
}

extension Fixture {
    /// A sample Word document with some of its XML replaced (`document.xml` by default).
    static func patched(_ base: String, part: String = "word/document.xml", _ replacements: [(String, String)]) throws -> [UInt8] {
        let url = TestSupport.sharedDirectory.appendingPathComponent("office-samples/word/\(base)")
        var entries = try ZipReader.entries(of: Array(try Data(contentsOf: url)))
        for (i, entry) in entries.enumerated() where entry.path == part {
            var xml = String(decoding: entry.data, as: UTF8.self)
            for (old, new) in replacements {
                precondition(xml.contains(old), "fixture: \(old) not in \(part)")
                xml = xml.replacingOccurrences(of: old, with: new)
            }
            entries[i].data = Array(xml.utf8)
        }
        return try ZipWriter.archive(entries)
    }

    /// The bundled referral's logo: a PNG made for the project.
    static var logo: [UInt8] {
        get throws { Array(try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("templates/office-referral-mobile-team/source/logo.png"))) }
    }
}
