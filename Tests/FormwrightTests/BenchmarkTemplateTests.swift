import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Formwright
import Testing
import TestSupport
import ZipSupport

/// The benchmark templates must render exactly the documents the peers render
/// (../shared/bench/README.md, "Checking a rendered document"), or the figures compare nothing.
@Suite struct BenchmarkTemplateTests {
    static let bench = TestSupport.sharedDirectory.appendingPathComponent("bench")
    static let templates = TestSupport.repositoryRoot.appendingPathComponent("Benchmarks/templates")

    func render(_ template: String, data: String, format: OutputFormat) throws -> [UInt8] {
        let package = try TemplatePackage(directory: Self.templates.appendingPathComponent(template))
        let catalogs = try Workspace.loadCatalogs(TestSupport.repositoryRoot.appendingPathComponent("locales"))
        let renderer = try Renderer(package: package, catalogs: catalogs, locale: .en)
        let value = try package.loadData(Self.bench.appendingPathComponent(data))
        return try renderer.render(data: value, format: format).bytes
    }

    /// The package's main part, read the way the peer benchmark reads it.
    func body(_ bytes: [UInt8], format: OutputFormat) throws -> BodyText {
        let entries = try ZipReader.entries(of: bytes)
        if format == .odt {
            #expect(entries.first?.path == "mimetype")
            #expect(entries.first?.compression == .stored)
            #expect(entries.first?.data == Array("application/vnd.oasis.opendocument.text".utf8))
        }
        let part = format == .odt ? "content.xml" : "word/document.xml"
        let xml = try #require(entries.first { $0.path == part }).data
        let reader = BodyText(format: format)
        let parser = XMLParser(data: Data(xml))
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        #expect(parser.parse(), "\(part) is not well-formed")
        return reader
    }

    @Test(arguments: OutputFormat.allCases)
    func w1HasExactlyTheExpectedParagraphs(format: OutputFormat) throws {
        let bytes = try render("w1-consent", data: "w1-consent.json", format: format)
        let expected = try String(contentsOf: Self.bench.appendingPathComponent("w1-consent.expected.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(expected.count == 19)
        #expect(try body(bytes, format: format).nonEmptyParagraphs == expected)
    }

    @Test(arguments: OutputFormat.allCases)
    func w2HasTheHeaderTheRowsAndTheClosingParagraph(format: OutputFormat) throws {
        let bytes = try render("w2-case-plan", data: "w2-100.json", format: format)
        let data = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.bench.appendingPathComponent("w2-100.json"))) as! [String: Any]
        func field(_ key: String) -> String { data[key] as! String }
        var expected = [
            field("title"), "Case code: \(field("case_code"))", "Child: \(field("child_name"))",
            "Plan period: \(field("period_start")) – \(field("period_end"))",
            "Prepared by: \(field("prepared_by")), \(field("institution"))",
            "Activity", "Responsible", "Frequency", "Start", "End", "Status",
        ]
        let rows = data["rows"] as! [[String: String]]
        for row in rows {
            expected += ["activity", "responsible", "frequency", "start", "end", "status"].map { row[$0]! }
        }
        expected.append("This plan is reviewed every three months or whenever the situation of the child changes.")
        let text = try body(bytes, format: format)
        #expect(text.nonEmptyParagraphs == expected.map(BodyText.collapse))
        #expect(text.firstTableCellsPerRow == Array(repeating: 6, count: rows.count + 1))
        #expect(expected[11] == "00001. Evaluare & reevaluare <urgent> \"dosar\" 'A&B' — Ștefan Țăranu, Ăâîșț; Щедрий Жук Ёлка")
    }

    @Test(arguments: OutputFormat.allCases)
    func benchmarkDocumentsPassTheStrictValidators(format: OutputFormat) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (template, data) in [("w1-consent", "w1-consent.json"), ("w2-case-plan", "w2-100.json")] {
            let file = directory.appendingPathComponent("\(template).\(format.rawValue)")
            try Data(render(template, data: data, format: format)).write(to: file)
            let result = try TestSupport.runSharedTool("validate-\(format.rawValue)", ["--strict", file.path])
            #expect(result.status == 0, "\(template): \(result.output)")
        }
    }

    @Test(arguments: OutputFormat.allCases)
    func rendersAreByteIdentical(format: OutputFormat) throws {
        #expect(try render("w1-consent", data: "w1-consent.json", format: format)
            == render("w1-consent", data: "w1-consent.json", format: format))
    }
}

/// Paragraph texts and first-table shape of an ODT `content.xml` or a DOCX `document.xml`.
final class BodyText: NSObject, XMLParserDelegate {
    let format: OutputFormat
    private(set) var paragraphs: [String] = []
    private(set) var firstTableCellsPerRow: [Int] = []
    private var current: String?
    private var inText = false
    private var tableDepth = 0
    private var tablesSeen = 0

    init(format: OutputFormat) { self.format = format }

    /// Spaces folded; no-break spaces and hyphens (``Typography``) read as the plain ones.
    static func collapse(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{2011}", with: "-")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" || $0 == "\u{202F}" })
            .joined(separator: " ")
    }

    var nonEmptyParagraphs: [String] { paragraphs.map(Self.collapse).filter { !$0.isEmpty } }

    private var isODT: Bool { format == .odt }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "text:p", "text:h", "w:p": current = current ?? ""
        case "text:s": current? += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1)
        case "text:tab", "w:tab": current? += " "
        case "w:t": inText = true
        case "table:table", "w:tbl":
            tableDepth += 1
            if tableDepth == 1 { tablesSeen += 1 }
        case "table:table-row", "w:tr":
            if tablesSeen == 1 && tableDepth == 1 { firstTableCellsPerRow.append(0) }
        case "table:table-cell", "w:tc":
            if tablesSeen == 1 && tableDepth == 1 { firstTableCellsPerRow[firstTableCellsPerRow.count - 1] += 1 }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "text:p", "text:h", "w:p":
            if let current { paragraphs.append(current) }
            current = nil
        case "w:t": inText = false
        case "table:table", "w:tbl": tableDepth -= 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if isODT || inText { current? += string }
    }
}
