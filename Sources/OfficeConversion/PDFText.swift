public import Foundation
import XMLSupport

/// The text of a PDF as printed: pages, blocks, lines and words with their boxes, read with
/// poppler's `pdftotext -bbox-layout` (in its reading order).
///
/// Line breaks and page breaks are what the office suite made, so a value split across two
/// lines or a page that holds only a signature block can be found after conversion
/// (``PrintCheck``).
///
/// ```swift
/// let text = try PDFText.read(pdf)
/// text.pages.count                    // 2
/// text.pages[0].lines[0].text         // "Consent to share information"
/// text.words                          // every word, in reading order
/// ```
public struct PDFText: Sendable, Hashable {
    /// A rectangle in PDF points, y growing downwards from the top of the page.
    public struct Box: Sendable, Hashable {
        public var xMin: Double, yMin: Double, xMax: Double, yMax: Double

        public init(xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
            self.xMin = xMin
            self.yMin = yMin
            self.xMax = xMax
            self.yMax = yMax
        }
    }

    public struct Word: Sendable, Hashable {
        public var text: String
        public var box: Box
    }

    public struct Line: Sendable, Hashable {
        public var words: [Word]
        public var box: Box
        /// The words separated by single spaces.
        public var text: String { words.map(\.text).joined(separator: " ") }
    }

    /// Lines poppler grouped together (a paragraph, or the text of one table cell).
    public struct Block: Sendable, Hashable {
        public var lines: [Line]
        public var box: Box
    }

    public struct Page: Sendable, Hashable {
        /// 1-based.
        public var number: Int
        public var width: Double
        public var height: Double
        public var blocks: [Block]
        public var lines: [Line] { blocks.flatMap(\.lines) }
    }

    public var pages: [Page]

    public init(pages: [Page]) { self.pages = pages }

    /// Every word of the document, in reading order.
    public var words: [String] { pages.flatMap { $0.lines.flatMap { $0.words.map(\.text) } } }

    /// Runs `pdftotext -bbox-layout` on `pdf` and reads its output.
    public static func read(_ pdf: URL) throws(OfficeConversionError) -> PDFText {
        let pdftotext = try ExecutableLocator.poppler("pdftotext")
        let output = try ToolRun.output(pdftotext, ["-bbox-layout", "-enc", "UTF-8", pdf.path, "-"])
        return try parse(Array(output.utf8), file: pdf.lastPathComponent)
    }

    /// Reads the XHTML that `pdftotext -bbox-layout` writes. Its `<!DOCTYPE>` (which the safe
    /// XML reader refuses, and which holds nothing the text needs) is skipped.
    public static func parse(_ xhtml: [UInt8], file: String) throws(OfficeConversionError) -> PDFText {
        var bytes = xhtml[...]
        if let start = bytes.firstRange(of: Array("<html".utf8)) { bytes = bytes[start.lowerBound...] }
        let root: XMLElement
        do {
            root = try XMLReader(limits: .init(maxBytes: 256 << 20, maxNodes: 20_000_000)).parse(Array(bytes), file: file)
        } catch {
            throw OfficeConversionError(.noOutput, "pdftotext wrote text that cannot be read: \(error)")
        }
        guard let doc = root.descendant("doc") else {
            throw OfficeConversionError(.noOutput, "\(file): pdftotext -bbox-layout wrote no <doc> element")
        }
        var pages: [Page] = []
        for page in doc.elements where page.name == "page" {
            var blocks: [Block] = []
            for flow in page.elements where flow.name == "flow" {
                for block in flow.elements where block.name == "block" {
                    let lines = block.elements.filter { $0.name == "line" }.map { line in
                        Line(words: line.elements.filter { $0.name == "word" }.map { Word(text: $0.textContent, box: box($0)) },
                             box: box(line))
                    }
                    blocks.append(Block(lines: lines.filter { !$0.words.isEmpty }, box: box(block)))
                }
            }
            pages.append(Page(number: pages.count + 1, width: Double(page["width"] ?? "") ?? 0,
                              height: Double(page["height"] ?? "") ?? 0, blocks: blocks.filter { !$0.lines.isEmpty }))
        }
        return PDFText(pages: pages)
    }

    private static func box(_ element: XMLElement) -> Box {
        func value(_ name: String) -> Double { Double(element[name] ?? "") ?? 0 }
        return Box(xMin: value("xMin"), yMin: value("yMin"), xMax: value("xMax"), yMax: value("yMax"))
    }
}

extension PDFText {
    /// What marks a word broken at the end of a line: hyphen-minus, hyphen, soft hyphen.
    static let hyphens: Set<String> = ["-", "\u{2010}", "\u{AD}"]

    /// The words in reading order with line breaks undone: a word that ends a line with a
    /// hyphen the office suite added (`Изпълне-` / `ние`) is joined to the first word of the
    /// next line. Two renderings of one text compare equal this way however their lines break.
    public var joinedWords: [String] {
        var result: [String] = []
        var pendingHyphen = false
        for page in pages {
            for line in page.lines {
                for (index, word) in line.words.enumerated() {
                    if pendingHyphen, index == 0, let first = word.text.first, first.isLetter, first.isLowercase, let last = result.popLast() {
                        result.append(last + word.text)
                    } else if pendingHyphen, let last = result.popLast() {
                        result.append(last + "-")  // not a hyphenated word after all: keep its hyphen
                        result.append(word.text)
                    } else {
                        result.append(word.text)
                    }
                    pendingHyphen = false
                }
                // A word hyphenated at the line's end: `Coun-`, or (LibreOffice hangs the hyphen
                // of justified text in the margin) `Coun` followed by a word `-` of its own.
                if line.words.count > 1, let last = result.last, Self.hyphens.contains(last),
                   result.dropLast().last?.last?.isLetter == true {
                    result.removeLast()
                    pendingHyphen = true
                } else if var last = result.last, last.count > 2, let mark = last.last, Self.hyphens.contains(String(mark)),
                          last.dropLast().last?.isLetter == true {
                    last.removeLast()
                    result[result.count - 1] = last
                    pendingHyphen = true
                }
            }
        }
        return result
    }
}

extension XMLElement {
    /// The first element named `name` at any depth, in document order.
    fileprivate func descendant(_ name: String) -> XMLElement? {
        for child in elements {
            if child.name == name { return child }
            if let found = child.descendant(name) { return found }
        }
        return nil
    }
}
