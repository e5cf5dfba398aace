public import Localization
import XMLSupport

/// Writes a locale's catalogs as one XLIFF 2.0 document for CAT tools: a `<file>` per
/// domain, a `<unit>` per message (`name` = message id), the English source, the
/// translation as `<target>`, and the comments as notes.
///
/// States: untranslated → `initial` without target; fuzzy → `initial` with the target and
/// `subState="gettext:fuzzy"`; translated → `translated`. ``XLIFFImporter`` maps them back,
/// so exporting and importing again leaves every PO file byte for byte the same.
///
/// ```swift
/// let xliff = XLIFFExporter.export([("common", file)], locale: .ro)
/// ```
public enum XLIFFExporter {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"

    /// The XLIFF document (UTF-8 bytes) for `catalogs` of `locale`, in the order given.
    public static func export(_ catalogs: [(domain: String, file: POFile)], locale: LocaleID) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration(standalone: false)
        xml.open("xliff", ["xmlns": namespace, "version": "2.0", "srcLang": "en", "trgLang": locale.identifier])
        for (domain, file) in catalogs {
            xml.text("\n  ")
            xml.open("file", attributes: [("id", nmtoken(domain, fallback: "f")), ("original", file.path)])
            for (index, entry) in file.messages.enumerated() {
                guard let id = entry.context, entry.idPlural == nil else { continue }
                xml.text("\n    ")
                xml.open("unit", attributes: [("id", nmtoken(id, fallback: "u\(index + 1)")), ("name", id)])
                let notes = entry.extractedComments.map { ("developer", $0) } + entry.translatorComments.map { ("translator", $0) }
                    + entry.references.map { ("location", $0) }
                if !notes.isEmpty {
                    xml.text("\n      ")
                    xml.open("notes")
                    for (category, text) in notes {
                        xml.text("\n        ")
                        xml.element("note", ["category": category], text: text)
                    }
                    xml.text("\n      ")
                    xml.close()
                }
                xml.text("\n      ")
                var segment: [(String, String)] = []
                if entry.translation.isEmpty {
                    segment.append(("state", "initial"))
                } else if entry.isFuzzy {
                    segment += [("state", "initial"), ("subState", "gettext:fuzzy")]
                } else {
                    segment.append(("state", "translated"))
                }
                xml.open("segment", attributes: segment)
                xml.text("\n        ")
                text("source", entry.id, into: &xml)
                if !entry.translation.isEmpty {
                    xml.text("\n        ")
                    text("target", entry.translation, into: &xml)
                }
                xml.text("\n      ")
                xml.close()
                xml.text("\n    ")
                xml.close()
            }
            xml.text("\n  ")
            xml.close()
        }
        xml.text("\n")
        xml.close()
        xml.text("\n")
        return xml.bytes
    }

    /// Messages keep their exact white space (`xml:space="preserve"`) where it matters.
    private static func text(_ name: String, _ value: String, into xml: inout XMLWriter) {
        let significant = value.hasPrefix(" ") || value.hasSuffix(" ") || value.contains("\n") || value.contains("  ") || value.contains("\t")
        xml.element(name, significant ? ["xml:space": "preserve"] : [:], text: value)
    }

    /// An XML NMTOKEN (what XLIFF requires for ids), or `fallback` when `text` is not one.
    static func nmtoken(_ text: String, fallback: String) -> String {
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || ".-_:".unicodeScalars.contains(scalar)
        }
        return !text.isEmpty && allowed ? text : fallback
    }
}
