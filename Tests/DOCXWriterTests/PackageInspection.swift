import DOCXWriter
import DocumentModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import ZipSupport

/// Reads back what ``DOCXWriter`` wrote: part names, part text, and a parsed view of
/// one XML part.
struct WrittenPackage {
    let bytes: [UInt8]
    let entries: [ZipEntry]

    init(_ document: Document) throws {
        bytes = try DOCXWriter().write(document)
        entries = try ZipReader.entries(of: bytes)
    }

    var partNames: [String] { entries.map(\.path) }

    func text(of part: String) -> String? {
        entries.first { $0.path == part }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    func parsed(_ part: String) -> ParsedXML? {
        entries.first { $0.path == part }.flatMap { ParsedXML($0.data) }
    }

    /// Writes the package to a fresh temporary directory and returns the file.
    func save(named name: String) throws -> URL {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent(name + ".docx")
        try Data(bytes).write(to: url)
        return url
    }
}

/// An XML part parsed with Foundation's XMLParser: nil when it is not well-formed.
struct ParsedXML {
    /// Qualified names of all elements, in document order.
    let elements: [String]
    /// Character data of each `w:t`, `dc:title`, … element, keyed by element name.
    let textByElement: [String: [String]]
    /// Attributes of each element, in document order.
    let attributes: [(element: String, attributes: [String: String])]

    init?(_ data: [UInt8]) {
        let collector = Collector()
        let parser = XMLParser(data: Data(data))
        parser.delegate = collector
        guard parser.parse() else { return nil }
        elements = collector.elements
        textByElement = collector.text
        attributes = collector.attributes
    }

    func count(of element: String) -> Int { elements.filter { $0 == element }.count }

    func attributeValues(_ name: String, of element: String) -> [String] {
        attributes.filter { $0.element == element }.compactMap { $0.attributes[name] }
    }

    /// All `w:t` text joined: what a reader sees.
    var runText: String { (textByElement["w:t"] ?? []).joined() }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var text: [String: [String]] = [:]
        var attributes: [(element: String, attributes: [String: String])] = []
        private var stack: [(name: String, text: String)] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            elements.append(elementName)
            attributes.append((elementName, attributeDict))
            stack.append((elementName, ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let top = stack.popLast() else { return }
            text[top.name, default: []].append(top.text)
        }
    }
}
