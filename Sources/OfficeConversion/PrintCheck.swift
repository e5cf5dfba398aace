import Foundation

/// What a printed document should not have, found in its PDF text (``PDFText``): a page with
/// nothing to sign against, a page that holds only the end of the text, a money value broken
/// over two lines, a table row or a signature block broken across two pages.
///
/// The checker does not know the document's structure, so the caller says which strings are
/// money values, table cells and signature blocks (as the document has them; whitespace does
/// not matter).
///
/// Running headers and footers are lines that come back at the same height on other pages
/// (digits ignored, so `Page 2 of 3` matches `Page 3 of 3`), or a page number in the bottom
/// or top margin; the rest of a page is its body.
///
/// ```swift
/// let check = PrintCheck(moneyValues: ["12 480,00 MDL"], signatureTexts: ["Date: ____", "L.S."])
/// for finding in check.findings(in: try PDFText.read(pdf), file: "budget.pdf") {
///     print(finding)   // budget.pdf: page 3: signature-only page: Date: ____ L.S.
/// }
/// ```
public struct PrintCheck: Sendable {
    /// Money values as the document writes them (`12 480,00 MDL`, `€1,234.50`).
    public var moneyValues: [String]
    /// The lines of the document's signature blocks (names, roles, labels, writing lines,
    /// seal marks).
    public var signatureTexts: [String]
    /// The text of each table cell whose row must not break across pages.
    public var tableCells: [String]
    /// The whole text of each signature block (name to seal mark), which must stay on one page.
    public var signatureBlocks: [String]
    /// At most this many body lines on a page after the first make it a remainder.
    public var remainderLines: Int

    public init(
        moneyValues: [String] = [], signatureTexts: [String] = [], tableCells: [String] = [], signatureBlocks: [String] = [],
        remainderLines: Int = 2
    ) {
        self.moneyValues = moneyValues
        self.signatureTexts = signatureTexts
        self.tableCells = tableCells
        self.signatureBlocks = signatureBlocks
        self.remainderLines = remainderLines
    }

    /// Every finding in `text`, in page order; `file` names the document in them.
    public func findings(in text: PDFText, file: String) -> [PrintFinding] {
        var findings: [PrintFinding] = []
        let running = runningLines(text)
        if text.pages.count > 1 {
            let signatureWords = Set(signatureTexts.flatMap { Self.words($0) })
            for page in text.pages {
                let body = page.lines.enumerated().filter { !running.contains(Key(page: page.number, line: $0.offset)) }.map(\.element)
                let bodyText = body.map(\.text).joined(separator: " / ")
                if body.isEmpty {
                    findings.append(PrintFinding(file: file, page: page.number, kind: .footerOnlyPage,
                                                 text: page.lines.map(\.text).joined(separator: " / ")))
                } else if !signatureWords.isEmpty,
                          body.allSatisfy({ line in line.words.allSatisfy { word in Self.words(word.text).allSatisfy(signatureWords.contains) } }) {
                    findings.append(PrintFinding(file: file, page: page.number, kind: .signatureOnlyPage, text: bodyText))
                } else if page.number > 1 && body.count <= remainderLines {
                    findings.append(PrintFinding(file: file, page: page.number, kind: .remainderPage, text: bodyText))
                }
            }
        }
        findings += splitMoney(text, file: file)
        findings += splitAcrossPages(tableCells, .splitRow, text, file: file)
        findings += splitAcrossPages(signatureBlocks, .splitSignature, text, file: file)
        return findings.sorted { ($0.page, $0.kind.rawValue, $0.text) < ($1.page, $1.kind.rawValue, $1.text) }
    }

    /// A money value whose characters start on one line and end on the next one of the same
    /// block (a table cell, a paragraph), or the last line of one page and the first of the next.
    func splitMoney(_ text: PDFText, file: String) -> [PrintFinding] {
        let values = Set(moneyValues.map(Self.compact).filter { $0.count >= 2 })
        guard !values.isEmpty else { return [] }
        var findings: [PrintFinding] = []
        var pairs: [(page: Int, first: PDFText.Line, second: PDFText.Line)] = []
        for (index, page) in text.pages.enumerated() {
            for block in page.blocks {
                for (a, b) in zip(block.lines, block.lines.dropFirst()) { pairs.append((page.number, a, b)) }
            }
            if index + 1 < text.pages.count, let last = page.lines.last, let first = text.pages[index + 1].lines.first {
                pairs.append((page.number, last, first))
            }
        }
        var seen: Set<String> = []
        for pair in pairs {
            var first = Self.compact(pair.first.text)
            let second = Self.compact(pair.second.text)
            if first.hasSuffix("-") || first.hasSuffix("\u{AD}") { first.removeLast() }
            let joined = first + second
            for value in values where joined.contains(value) {
                // Only a value that crosses the boundary: one that sits whole on either line is fine.
                var crosses = false
                var searchStart = joined.startIndex
                while let range = joined.range(of: value, range: searchStart..<joined.endIndex) {
                    let start = joined.distance(from: joined.startIndex, to: range.lowerBound)
                    let end = joined.distance(from: joined.startIndex, to: range.upperBound)
                    if start < first.count && end > first.count { crosses = true }
                    searchStart = joined.index(after: range.lowerBound)
                }
                let description = "\(pair.first.text) | \(pair.second.text)"
                if crosses, seen.insert("\(pair.page) \(description)").inserted {
                    findings.append(PrintFinding(file: file, page: pair.page, kind: .splitMoney, text: description))
                }
            }
        }
        return findings
    }

    /// A text (a table cell, a signature block) that starts at the end of a block (a cell's
    /// lines) on one page and ends at the start of a block on the next: it was broken across
    /// the pages. A text found whole on a page is never reported.
    func splitAcrossPages(_ texts: [String], _ kind: PrintFinding.Kind, _ text: PDFText, file: String) -> [PrintFinding] {
        guard text.pages.count > 1 else { return [] }
        var originals: [String: String] = [:]
        for text in texts { originals[Self.compact(text)] = originals[Self.compact(text)] ?? text }
        let cells = Set(originals.keys.filter { $0.count >= 8 })
        guard !cells.isEmpty else { return [] }
        let blocks = text.pages.map { page in page.blocks.map { Self.compact(Self.joined($0.lines)) } }
        let pageTexts = text.pages.map { Self.compact(Self.joined($0.lines)) }
        var findings: [PrintFinding] = []
        for cell in cells.sorted() where !pageTexts.contains(where: { $0.contains(cell) }) {
            let characters = Array(cell)
            search: for page in 0..<(text.pages.count - 1) {
                for k in 3...(characters.count - 3) {
                    let head = String(characters[..<k]), tail = String(characters[k...])
                    guard blocks[page].contains(where: { $0.hasSuffix(head) }),
                          blocks[page + 1].contains(where: { $0.hasPrefix(tail) }) else { continue }
                    findings.append(PrintFinding(file: file, page: text.pages[page].number, kind: kind,
                                                 text: Self.marked(originals[cell] ?? cell, after: k)))
                    break search
                }
            }
        }
        return findings
    }

    /// `text` with ` | ` after its `count`-th character that is not whitespace (where a
    /// page or line break fell).
    static func marked(_ text: String, after count: Int) -> String {
        var seen = 0
        var result = ""
        var inserted = false
        // One line: the paragraphs and line breaks of a cell become single spaces.
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for character in line {
            if !inserted && seen == count {
                result = result.trimmingCharacters(in: .whitespaces) + " | "
                inserted = true
                if character.isWhitespace { continue }
            }
            result.append(character)
            if !compact(String(character)).isEmpty { seen += 1 }
        }
        return result
    }

    /// Lines joined without their break, a hyphen the office suite added removed.
    static func joined(_ lines: [PDFText.Line]) -> String {
        var result = ""
        for line in lines {
            if result.hasSuffix("-") || result.hasSuffix("\u{AD}"), let first = line.text.first, first.isLowercase { result.removeLast() }
            result += line.text
        }
        return result
    }

    private struct Key: Hashable {
        let page: Int
        let line: Int
    }

    /// Header and footer lines: the same text (digits masked) within 3 pt of the same height
    /// on another page, or a page number alone in the top or bottom tenth of the page.
    private func runningLines(_ text: PDFText) -> Set<Key> {
        var positions: [String: [(page: Int, y: Double)]] = [:]
        for page in text.pages {
            for line in page.lines { positions[Self.masked(line.text), default: []].append((page.number, line.box.yMin)) }
        }
        var result: Set<Key> = []
        for page in text.pages {
            for (index, line) in page.lines.enumerated() {
                let others = positions[Self.masked(line.text)] ?? []
                let repeated = others.contains { $0.page != page.number && abs($0.y - line.box.yMin) <= 3 }
                let inMargin = page.height > 0 && (line.box.yMax < page.height * 0.1 || line.box.yMin > page.height * 0.9)
                if repeated || (inMargin && Self.isPageNumber(line.text)) { result.insert(Key(page: page.number, line: index)) }
            }
        }
        return result
    }

    /// `3`, `- 3 -`, `3/4`, `Page 3 of 4`, `Страница 3 от 4`: at most four words, each a
    /// number, a dash or letters, one of them a number.
    static func isPageNumber(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        func isNumber(_ word: Substring) -> Bool {
            !word.isEmpty && word.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        }
        return words.count <= 4 && words.contains(where: isNumber)
            && words.allSatisfy { isNumber($0) || $0.allSatisfy(\.isLetter) || ["-", "–", "—"].contains($0) }
    }

    static func masked(_ text: String) -> String {
        String(text.map { $0.isNumber ? "#" : $0 })
    }

    /// Without any whitespace (spaces, no-break spaces, thin spaces).
    static func compact(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{200B}" }.map(Character.init))
    }

    /// Words without surrounding punctuation, so `Date:` matches `Date`.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map { word in
            let trimmed = word.trimmingCharacters(in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: "_")))
            return trimmed.isEmpty ? String(word) : trimmed
        }
    }
}

/// A problem on a printed page, located by file and page, with the text that shows it.
public struct PrintFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A page whose body is only signature block lines: nothing above them to sign.
        case signatureOnlyPage = "signature-only page"
        /// A page after the first whose body is one or two lines.
        case remainderPage = "remainder page"
        /// A page with nothing but its header, footer or page number.
        case footerOnlyPage = "footer-only page"
        /// A money value that starts on one line and ends on the next.
        case splitMoney = "money split across lines"
        /// A table cell (so its row) that starts on one page and ends on the next.
        case splitRow = "table row split across pages"
        /// A signature block that starts on one page and ends on the next.
        case splitSignature = "signature block split across pages"
    }

    public let file: String
    public let page: Int
    public let kind: Kind
    /// The page's body lines (joined with ` / `), or the two parts of a split value or cell
    /// (joined with ` | `).
    public let text: String

    public init(file: String, page: Int, kind: Kind, text: String) {
        self.file = file
        self.page = page
        self.kind = kind
        self.text = text
    }

    public var description: String { "\(file): page \(page): \(kind.rawValue): \(text)" }
}
