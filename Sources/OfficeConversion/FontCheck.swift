public import Foundation
import ZipSupport

/// Finds fonts a document asks for that LibreOffice replaced, since a substituted font
/// changes line breaks and pagination of a document people sign.
///
/// The fonts asked for are those the styles and text name for Western text
/// (`style:font-name` resolved through `style:font-face`, or `w:rFonts w:ascii`/`w:hAnsi`);
/// the fonts used are the ones `pdffonts` lists. A font is reported when it is neither in the
/// PDF nor installed (`fc-list`): a font that is installed but absent was simply not used.
///
/// ```swift
/// let replaced = try FontCheck.substitutions(package: odtBytes, pdf: pdfURL)   // ["Calibri"]
/// ```
public enum FontCheck {
    /// Font families a document package (ODT or DOCX) asks for, sorted.
    public static func requestedFonts(package bytes: [UInt8]) -> [String] {
        guard let entries = try? ZipReader.entries(of: bytes) else { return [] }
        func text(_ path: String) -> String? {
            entries.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
        }
        var fonts: Set<String> = []
        if let content = text("content.xml") {
            let styles = text("styles.xml") ?? ""
            // style:name → family, from the font-face declarations of both parts.
            var families: [String: String] = [:]
            for element in elements("style:font-face", in: content + styles) {
                guard let name = attribute("style:name", in: element) else { continue }
                let family = attribute("svg:font-family", in: element).map(unquoted) ?? name
                families[name] = family
            }
            for part in [content, styles] {
                for element in elements("style:text-properties", in: part) {
                    if let name = attribute("style:font-name", in: element) { fonts.insert(families[name] ?? name) }
                    if let family = attribute("fo:font-family", in: element) { fonts.insert(unquoted(family)) }
                }
            }
        } else {
            for path in ["word/document.xml", "word/styles.xml", "word/header1.xml", "word/footer1.xml"] {
                guard let part = text(path) else { continue }
                for element in elements("w:rFonts", in: part) {
                    for key in ["w:ascii", "w:hAnsi"] {
                        if let family = attribute(key, in: element) { fonts.insert(family) }
                    }
                }
            }
        }
        return fonts.filter { !$0.isEmpty }.sorted()
    }

    /// Base font names in a PDF (`pdffonts`), without the subset prefix (`BAAAAA+`).
    public static func pdfFonts(_ pdf: URL) throws(OfficeConversionError) -> [PDFFont] {
        let output = try ToolRun.output(try ExecutableLocator.poppler("pdffonts"), [pdf.path])
        var fonts: [PDFFont] = []
        for line in output.split(separator: "\n").dropFirst(2) {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count >= 5 else { continue }
            var name = String(columns[0])
            if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
                name = String(name[name.index(after: plus)...])
            }
            // name, type (one or two words), encoding, emb, sub, uni, object, generation
            let embedded = columns.count >= 7 ? columns[columns.count - 5] == "yes" : false
            fonts.append(PDFFont(name: name, embedded: embedded))
        }
        return fonts
    }

    /// A font as `pdffonts` lists it.
    public struct PDFFont: Sendable, Hashable {
        public let name: String
        public let embedded: Bool
    }

    /// The requested fonts LibreOffice replaced in `pdf`.
    public static func substitutions(package bytes: [UInt8], pdf: URL) throws(OfficeConversionError) -> [String] {
        let used = try pdfFonts(pdf).map { normalized($0.name) }
        let installed = installedFamilies()
        return requestedFonts(package: bytes).filter { family in
            let key = normalized(family)
            if used.contains(where: { $0.hasPrefix(key) }) { return false }
            // Printed in a metric-compatible font, the text breaks into the same lines and pages.
            if let twin = metricCompatible[key], used.contains(where: { $0.hasPrefix(twin) }) { return false }
            return installed.map { !$0.contains(key) } ?? true
        }
    }

    /// Fonts and the free fonts with the same glyph widths that fontconfig puts in their place
    /// (normalized): Arial, the default font, prints as Liberation Sans through LibreOffice
    /// on Linux, with the same line and page breaks, so that is no substitution to report.
    static let metricCompatible = [
        "arial": "liberationsans", "helvetica": "liberationsans", "timesnewroman": "liberationserif",
        "couriernew": "liberationmono", "calibri": "carlito", "cambria": "caladea",
    ]

    /// `DejaVu Sans` and `DejaVuSans-Bold` compare as `dejavusans…`.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Installed font families (normalized), or nil without fontconfig.
    private static func installedFamilies() -> Set<String>? {
        guard let fcList = ExecutableLocator.find("fc-list"), let output = try? ToolRun.output(fcList, [":", "family"]) else { return nil }
        var families: Set<String> = []
        for line in output.split(separator: "\n") {
            for family in line.split(separator: ",") { families.insert(normalized(String(family))) }
        }
        return families
    }

    private static func unquoted(_ text: String) -> String {
        var value = text.replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        value = value.split(separator: ",").first.map(String.init) ?? value
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
    }

    /// The start tags named `name` in an XML text (attributes are all this needs).
    private static func elements(_ name: String, in xml: String) -> [Substring] {
        var result: [Substring] = []
        var rest = xml[...]
        while let start = rest.range(of: "<" + name + " ") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            result.append(rest[start.upperBound..<end])
            rest = rest[end...]
        }
        return result
    }

    private static func attribute(_ name: String, in element: Substring) -> String? {
        let key = name + "=\""
        let start: Substring.Index
        if element.hasPrefix(key) {
            start = element.index(element.startIndex, offsetBy: key.count)
        } else if let range = element.range(of: " " + key) {
            start = range.upperBound
        } else {
            return nil
        }
        guard let end = element[start...].firstIndex(of: "\"") else { return nil }
        return String(element[start..<end])
    }
}
