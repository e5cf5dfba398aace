import DocumentModel
import XMLSupport

/// The two list styles (bulleted, numbered) in `styles.xml`, each defined for all ten
/// levels ODF has, so lists nest as deep as templates need.
enum ListStyles {
    static let bulleted = "List_20_Bullet"
    static let numbered = "List_20_Number"
    static let levels = 1...10

    /// Indentation added by each nesting level.
    static let step = List.indentStep

    static func indent(level: Int) -> Length { Length(hundredthsOfMillimetre: step.hundredthsOfMillimetre * level) }

    /// Bullets cycle through three shapes, numbers through 1, a, i: as a reader expects
    /// from a printed form.
    static let bullets = ["\u{2022}", "\u{25E6}", "\u{25AA}"]
    static let numberFormats = ["1", "a", "i"]

    static func write(into xml: inout XMLWriter, fontFamily: String) {
        xml.open("text:list-style", ["style:name": bulleted, "style:display-name": "List Bullet"])
        for level in levels {
            xml.open("text:list-level-style-bullet", [
                "text:level": String(level), "text:bullet-char": bullets[(level - 1) % bullets.count],
            ])
            writeLevelProperties(level, into: &xml)
            xml.element("style:text-properties", ["style:font-name": fontFamily])
            xml.close()
        }
        xml.close()

        xml.open("text:list-style", ["style:name": numbered, "style:display-name": "List Number"])
        for level in levels {
            xml.open("text:list-level-style-number", [
                "text:level": String(level), "style:num-suffix": ".",
                "style:num-format": numberFormats[(level - 1) % numberFormats.count],
            ])
            writeLevelProperties(level, into: &xml)
            xml.close()
        }
        xml.close()
    }

    private static func writeLevelProperties(_ level: Int, into xml: inout XMLWriter) {
        xml.open("style:list-level-properties", ["text:list-level-position-and-space-mode": "label-alignment"])
        xml.element("style:list-level-label-alignment", [
            "text:label-followed-by": "listtab",
            "text:list-tab-stop-position": indent(level: level).odf,
            "fo:text-indent": "-" + step.odf,
            "fo:margin-left": indent(level: level).odf,
        ])
        xml.close()
    }
}
