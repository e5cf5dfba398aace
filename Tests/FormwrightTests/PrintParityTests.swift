import DocumentModel
import Foundation
import Formwright
import Localization
import OfficeConversion
import Synchronization
import TestSupport
import Testing
import ZipSupport

/// Every bundled template, in every locale, in each format it renders to, printed by
/// LibreOffice: the XML templates give the same pages and the same text in ODT and DOCX, and
/// no printed page is left with only a signature block or the end of the text, nor a money
/// value broken over two lines, nor a table row broken across two pages.
///
/// All documents are converted once, many per LibreOffice start, two LibreOffices at a time.
/// `PRINT_REPORT=FILE` writes the table template × locale × format → pages and the findings
/// to FILE (`scripts/print-report` shows it); `PRINT_KEEP=FOLDER` keeps the documents and
/// their PDFs there, to look at.
@Suite(.enabled(if: PDFOutputTests.tool("soffice") != nil && PDFOutputTests.tool("pdftotext") != nil, "needs LibreOffice (soffice) and poppler-utils (pdftotext)"))
struct PrintParityTests {
    static let workspace = TemplateLibraryTests.workspace

    /// One document to print.
    struct Case: Sendable, Hashable, CustomTestStringConvertible {
        let template: String
        let locale: LocaleID
        let format: OutputFormat
        var testDescription: String { "\(template) \(locale.identifier) \(format.rawValue)" }
        /// Distinct before the extension, as the converter needs.
        var fileName: String { "\(template)_\(locale.identifier)_\(format.rawValue).\(format.rawValue)" }
    }

    /// A printed document: its PDF text, and the checks with what they need from the
    /// rendered document.
    struct Printed: Sendable {
        let pages: Int
        let text: PDFText
        let check: PrintCheck
        /// The words of each header row of the tables, which a page break repeats.
        var headerWords: [[String]] = []
    }

    static let templates: [TemplatePackage] = ((try? workspace.templates()) ?? []).sorted { $0.definition.id < $1.definition.id }

    static let cases: [Case] = templates.flatMap { package in
        LocaleID.supported.flatMap { locale in package.formats.map { Case(template: package.definition.id, locale: locale, format: $0) } }
    }

    /// The XML templates (both formats) in every locale.
    static let pairs: [(String, LocaleID)] = templates.filter { $0.formats.count == 2 }
        .flatMap { package in LocaleID.supported.map { (package.definition.id, $0) } }

    /// Every case rendered and printed, once for all tests: a document that could not be
    /// rendered or converted holds the reason.
    static let printed: [Case: Result<Printed, Failure>] = printAll()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func printAll() -> [Case: Result<Printed, Failure>] {
        let started = ContinuousClock.now
        var results: [Case: Result<Printed, Failure>] = [:]
        let work: URL
        do { work = try TestSupport.temporaryDirectory() } catch { return [:] }
        let keep = ProcessInfo.processInfo.environment["PRINT_KEEP"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        defer { try? FileManager.default.removeItem(at: work) }
        var files: [URL] = [], queued: [(Case, PrintCheck, [[String]])] = []
        var catalogs: CatalogSet?
        for item in cases {
            do {
                let loaded = try catalogs ?? workspace.catalogs()
                catalogs = loaded
                guard let package = templates.first(where: { $0.definition.id == item.template }),
                      let example = package.exampleData(for: item.locale) else { throw Failure(description: "no example data") }
                let renderer = try Renderer(package: package, catalogs: loaded, locale: item.locale)
                let data = try package.loadData(example)
                let rendered = try renderer.render(data: data, format: item.format)
                let file = work.appendingPathComponent(item.fileName)
                try Data(rendered.bytes).write(to: file)
                if let keep {
                    try? FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
                    try? FileManager.default.removeItem(at: keep.appendingPathComponent(item.fileName))
                    try? FileManager.default.copyItem(at: file, to: keep.appendingPathComponent(item.fileName))
                }
                let paragraphs = rendered.document.map { paragraphTexts($0.body) } ?? packageParagraphs(rendered.bytes)
                let signatures = rendered.document.map { signatureTexts($0.body) }
                    ?? paragraphs.filter { $0.contains("___") || sealMarks.contains($0.trimmingCharacters(in: .whitespaces)) }
                files.append(file)
                let check = PrintCheck(
                    moneyValues: moneyValues(in: paragraphs, locale: item.locale), signatureTexts: signatures,
                    tableCells: rendered.document.map { tableCells($0.body) } ?? [],
                    signatureBlocks: rendered.document.map { signatureBlocks($0.body) } ?? [])
                let headers = rendered.document.map { headerRowTexts($0.body) } ?? []
                queued.append((item, check, headers.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }))
            } catch {
                results[item] = .failure(Failure(description: "cannot render: \(error)"))
            }
        }
        let converted = Mutex<[Int: Result<Printed, Failure>]>([:])
        let pending = queued
        do {
            let converter = try OfficeConverter(jobs: 2, timeout: 180)
            converter.convert(files, to: .pdf, workFolder: work) { index, result in
                let outcome: Result<Printed, Failure>
                switch result {
                case .success(let pdf):
                    do {
                        let text = try PDFText.read(pdf.url)
                        if let keep { try? FileManager.default.copyItem(at: pdf.url, to: keep.appendingPathComponent(pdf.url.lastPathComponent)) }
                        outcome = .success(Printed(pages: pdf.pages, text: text, check: pending[index].1, headerWords: pending[index].2))
                    } catch {
                        outcome = .failure(Failure(description: "cannot read the PDF text: \(error)"))
                    }
                case .failure(let error):
                    outcome = .failure(Failure(description: "LibreOffice: \(error)"))
                }
                converted.withLock { $0[index] = outcome }
            }
        } catch {
            for item in pending { results[item.0] = .failure(Failure(description: "\(error)")) }
        }
        for (index, outcome) in converted.withLock({ $0 }) { results[pending[index].0] = outcome }
        let elapsed = ContinuousClock.now - started
        print("PrintParityTests: \(files.count) documents rendered and printed in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1))))")
        if let path = ProcessInfo.processInfo.environment["PRINT_REPORT"] {
            try? report(results, seconds: Double(elapsed.components.seconds)).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return results
    }

    // MARK: The tests

    @Test("ODT and DOCX print the same pages and the same text", arguments: pairs)
    func sameTextAndPagesInBothFormats(_ template: String, _ locale: LocaleID) throws {
        let odtCase = Case(template: template, locale: locale, format: .odt), docxCase = Case(template: template, locale: locale, format: .docx)
        let odt = try #require(Self.printed[odtCase]).get(), docx = try #require(Self.printed[docxCase]).get()
        #expect(odt.pages == docx.pages, "\(template) \(locale.identifier): ODT prints \(odt.pages) pages, DOCX \(docx.pages)")
        let a = odt.text.joinedWords, b = docx.text.joinedWords
        // The same words, however poppler orders the cells, headers and footers it reads.
        let difference = Self.wordDifference(a, b, repeatable: odt.headerWords)
        let same = difference == nil
        #expect(same, "\(template) \(locale.identifier): the text differs (ODT \(a.count) words, DOCX \(b.count))\n\(difference ?? "")")
        #expect(!a.isEmpty, "\(template) \(locale.identifier): no text in the PDF")
    }

    @Test("no orphaned or split signature, remainder page, broken money value or split row", arguments: cases)
    func printsWithoutOrphansOrBrokenValues(_ item: Case) throws {
        let printed = try #require(Self.printed[item], "\(item.testDescription): not printed").get()
        let findings = Self.findings(printed, item)
        let clean = findings.isEmpty
        #expect(clean, "\(item.testDescription):\n\(findings.map { "  \($0)" }.joined(separator: "\n"))")
    }

    /// The money values of every document are found, so the money check checks something.
    @Test func moneyValuesAreCollected() throws {
        let budget = try #require(Self.printed[Case(template: "personalised-budget", locale: .roMD, format: .odt)]).get()
        #expect(budget.check.moneyValues.count >= 5, "\(budget.check.moneyValues)")
        #expect(Self.moneyValues(in: ["Total: 12.480,00\u{A0}MDL și 1.234,50 L; 2 Lei", "€1,234.50; 7 persons; 3,5 h"], locale: .roMD)
                == ["12.480,00\u{A0}MDL", "1.234,50 L"])
        #expect(Self.moneyValues(in: ["€1,234.50 and 20.00 EUR, 2029"], locale: .en) == ["€1,234.50", "20.00 EUR"])
        #expect(Self.moneyValues(in: ["1234,50 € и 12 480,00 лв."], locale: .bg) == ["1234,50 €", "12 480,00 лв."])
    }

    static func findings(_ printed: Printed, _ item: Case) -> [PrintFinding] {
        printed.check.findings(in: printed.text, file: item.fileName.replacingOccurrences(of: ".\(item.format.rawValue)", with: ".pdf"))
    }

    // MARK: What the checks need from the document

    /// The text of every paragraph, heading, list item, table cell and signature line.
    static func paragraphTexts(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .heading(let heading): [heading.content.plainText]
            case .paragraph(let paragraph): [paragraph.content.plainText]
            case .list(let list): list.items.flatMap { paragraphTexts($0.blocks) }
            case .table(let table): table.rows.flatMap { $0.cells.flatMap { paragraphTexts($0.blocks) } }
            case .signatures(let grid): grid.blocks.flatMap { paragraphTexts($0.paragraphs) }
            case .section(let section): paragraphTexts(section.body)
            default: []
            }
        }
    }

    static func signatureTexts(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .signatures(let grid): grid.blocks.flatMap { paragraphTexts($0.paragraphs) }
            case .section(let section): signatureTexts(section.body)
            case .table(let table): table.rows.flatMap { $0.cells.flatMap { signatureTexts($0.blocks) } }
            default: []
            }
        }
    }

    /// The text of each cell of the document's tables (not of signature grids), one string per
    /// cell. (A row a template lets break across pages would be left out here.)
    static func tableCells(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .table(let table): table.rows.flatMap { $0.cells.map { paragraphTexts($0.blocks).joined(separator: " ") } }
            case .section(let section): tableCells(section.body)
            default: []
            }
        }
    }

    /// The text of each header row of the document's tables, one string per row.
    static func headerRowTexts(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .table(let table):
                table.rows.prefix(table.headerRows).map { $0.cells.map { paragraphTexts($0.blocks).joined(separator: " ") }.joined(separator: " ") }
            case .section(let section): headerRowTexts(section.body)
            default: []
            }
        }
    }

    /// Each signature block's text, name to seal mark.
    static func signatureBlocks(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .signatures(let grid): grid.blocks.map { paragraphTexts($0.paragraphs).joined(separator: " ") }
            case .section(let section): signatureBlocks(section.body)
            case .table(let table): table.rows.flatMap { $0.cells.flatMap { signatureBlocks($0.blocks) } }
            default: []
            }
        }
    }

    static let sealMarks: Set<String> = ["М.П.", "L.S.", "L.Ș.", "L.Ş."]

    /// The paragraphs of an office template's rendered package (`w:p`, `text:p`, `text:h`), as text.
    static func packageParagraphs(_ bytes: [UInt8]) -> [String] {
        guard let entries = try? ZipReader.entries(of: bytes) else { return [] }
        let parts = entries.filter { ["content.xml", "styles.xml"].contains($0.path) || $0.path.hasPrefix("word/") && $0.path.hasSuffix(".xml") }
        var paragraphs: [String] = []
        for part in parts {
            let xml = String(decoding: part.data, as: UTF8.self)
            for piece in xml.components(separatedBy: "</w:p>").flatMap({ $0.components(separatedBy: "</text:p>") }).flatMap({ $0.components(separatedBy: "</text:h>") }) {
                let spaced = piece.replacingOccurrences(of: "<w:tab/>", with: " ").replacingOccurrences(of: "<text:s/>", with: " ")
                let text = spaced.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { paragraphs.append(text) }
            }
        }
        return paragraphs
    }

    /// The money values in `texts` as the locale's `money` filter writes them, for the
    /// currencies the documents use: the pattern comes from formatting a sample amount.
    static func moneyValues(in texts: [String], locale: LocaleID) -> [String] {
        let formatter = LocaleFormatter(locale: locale)
        // Any space matches any space: a catalog may write `лв.` after a plain space.
        func literal(_ text: String) -> String {
            text.map { $0.isWhitespace ? #"[ \x{A0}\x{202F}]"# : NSRegularExpression.escapedPattern(for: String($0)) }.joined()
        }
        var patterns: Set<String> = []
        for currency in ["EUR", "MDL", "RON", "BGN", "USD", "GBP"] {
            let sample = formatter.money(Decimal(string: "1234567.89")!, currency: currency)
            guard let first = sample.firstIndex(where: \.isNumber), let last = sample.lastIndex(where: \.isNumber),
                  let decimal = sample[..<last].dropLast().last, sample.distance(from: first, to: last) > 6 else { continue }
            let prefix = String(sample[..<first]), suffix = String(sample[sample.index(after: last)...])
            let digits = sample[first...last]
            let separators = Set(digits.filter { !$0.isNumber }).subtracting([decimal])
            let group = separators.map { literal(String($0)) }.joined(separator: "|")
            let integer = group.isEmpty ? #"\d+"# : #"\d{1,3}(?:(?:\#(group))\d{3})+|\d+"#
            // A code written as a word must not be the start of a longer word (`L` of `Lei`).
            let end = suffix.last?.isLetter == true ? #"(?!\p{L})"# : ""
            // Not the tail of a longer number (`480,00` of `12 480,00`).
            let notInNumber = #"(?<![\d.,])(?<!\d[ \x{A0}\x{202F}])"#
            let start = prefix.first?.isLetter == true ? #"(?<!\p{L})"# : notInNumber
            patterns.insert(start + literal(prefix) + "(?:\(integer))" + literal(String(decimal)) + #"\d{2}"# + literal(suffix) + end)
            // The ISO code after the amount, as templates and catalogs also write it.
            patterns.insert(notInNumber + "(?:\(integer))" + literal(String(decimal)) + #"\d{2}[ \x{A0}\x{202F}]"# + currency + #"(?!\p{L})"#)
        }
        guard let expression = try? NSRegularExpression(pattern: patterns.sorted { $0.count > $1.count }.joined(separator: "|")) else { return [] }
        var values: [String] = []
        for text in texts {
            let range = NSRange(text.startIndex..., in: text)
            for match in expression.matches(in: text, range: range) {
                if let r = Range(match.range, in: text), !values.contains(String(text[r])) { values.append(String(text[r])) }
            }
        }
        return values
    }

    // MARK: Reading the results

    /// Nil when `a` and `b` hold the same words as often each; else the words only one of them
    /// has (with how many more times) and where the two sequences first part.
    ///
    /// Two differences are not differences of text: a word broken at another place (`so-` /
    /// `cial` against `social`; pdftotext reads the cells of a row line by line, so a break
    /// inside a cell cannot always be joined back), seen as the same letters in the words that
    /// differ; and a table's header row repeated once more on a new page (`repeatable`).
    static func wordDifference(_ a: [String], _ b: [String], repeatable: [[String]] = []) -> String? {
        var counts: [String: Int] = [:]
        for word in a { counts[word, default: 0] += 1 }
        for word in b { counts[word, default: 0] -= 1 }
        // A header row printed once more: take its words out of the side that has them extra.
        for row in repeatable where !row.isEmpty {
            let header = Dictionary(row.map { ($0, 1) }, uniquingKeysWith: +)
            for side in [1, -1] {
                while header.allSatisfy({ word, n in (counts[word] ?? 0) * side >= n }) {
                    for (word, n) in header { counts[word, default: 0] -= side * n }
                }
            }
        }
        let onlyA = counts.filter { $0.value > 0 }, onlyB = counts.filter { $0.value < 0 }
        guard !onlyA.isEmpty || !onlyB.isEmpty else { return nil }
        func letters(_ words: [String: Int]) -> [Character: Int] {
            var result: [Character: Int] = [:]
            for (word, n) in words {
                for c in word where c != "-" && c != "\u{AD}" && c != "\u{2010}" { result[c, default: 0] += abs(n) }
            }
            return result
        }
        if letters(onlyA) == letters(onlyB) { return nil }
        func list(_ words: [String: Int]) -> String {
            words.sorted { $0.key < $1.key }.map { abs($0.value) > 1 ? "\($0.key) ×\(abs($0.value))" : $0.key }.joined(separator: " · ")
        }
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start && endB > start && a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        func words(_ w: ArraySlice<String>) -> String {
            w.count > 30 ? w.prefix(30).joined(separator: " ") + " … (\(w.count) words)" : w.joined(separator: " ")
        }
        return """
              only in ODT:  \(list(onlyA))
              only in DOCX: \(list(onlyB))
              first difference after word \(start): …\(a[max(0, start - 8)..<start].joined(separator: " "))
                ODT:  \(words(a[start..<endA]))
                DOCX: \(words(b[start..<endB]))
            """
    }

    /// The table for humans: pages per template, locale and format, then every finding.
    static func report(_ results: [Case: Result<Printed, Failure>], seconds: Double) -> String {
        let ids = templates.map(\.definition.id)
        let width = ids.map(\.count).max() ?? 10
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var lines = ["Printed with LibreOffice: \(results.count) documents in \(Int(seconds)) s. Pages as ODT/DOCX (* = they differ).", ""]
        lines.append(pad("template", width) + "  " + LocaleID.supported.map { pad($0.identifier, 8) }.joined(separator: " "))
        var differing: [String] = []
        var counts: [String: Int] = [:]
        var findings: [String] = []
        for id in ids {
            var row = pad(id, width) + "  "
            for locale in LocaleID.supported {
                let pages = OutputFormat.allCases.map { format -> String in
                    switch results[Case(template: id, locale: locale, format: format)] {
                    case .success(let printed)?: String(printed.pages)
                    case .failure?: "!"
                    case nil: "-"
                    }
                }
                let differs = pages[0] != "-" && pages[1] != "-" && pages[0] != pages[1]
                if differs { differing.append("\(id) \(locale.identifier) (ODT \(pages[0]), DOCX \(pages[1]))") }
                row += pad(pages.joined(separator: "/") + (differs ? "*" : ""), 8) + " "
            }
            lines.append(row)
        }
        for item in cases {
            switch results[item] {
            case .success(let printed)?:
                for finding in Self.findings(printed, item) {
                    counts[finding.kind.rawValue, default: 0] += 1
                    findings.append("  \(finding)")
                }
            case .failure(let failure)?:
                counts["not printed", default: 0] += 1
                findings.append("  \(item.testDescription): \(failure)")
            case nil: break
            }
        }
        var texts: [String] = []
        for (id, locale) in pairs {
            guard case .success(let odt)? = results[Case(template: id, locale: locale, format: .odt)],
                  case .success(let docx)? = results[Case(template: id, locale: locale, format: .docx)],
                  let difference = wordDifference(odt.text.joinedWords, docx.text.joinedWords) else { continue }
            texts.append("  \(id) \(locale.identifier):\n" + difference.split(separator: "\n").prefix(2).map { "  \($0)" }.joined(separator: "\n"))
        }
        lines += ["", "Different page counts in ODT and DOCX: \(differing.count)"] + differing.map { "  \($0)" }
        lines += ["", "Different text in ODT and DOCX: \(texts.count)"] + texts
        lines += ["", "Findings: " + (counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))]
        lines += findings
        return lines.joined(separator: "\n") + "\n"
    }
}
