/// The namespace declarations the parts use. Kept in one place so every root element
/// declares exactly the prefixes its part needs, in a fixed order.
enum ODFNamespace {
    static let office = ("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0")
    static let style = ("xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0")
    static let text = ("xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0")
    static let table = ("xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0")
    static let fo = ("xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")
    static let svg = ("xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")
    static let meta = ("xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0")
    static let dc = ("xmlns:dc", "http://purl.org/dc/elements/1.1/")
    static let manifest = ("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")
    static let draw = ("xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")
    static let xlink = ("xmlns:xlink", "http://www.w3.org/1999/xlink")

    /// Namespaces of `content.xml` and `styles.xml`, which share their vocabulary.
    static let document = [office, style, text, table, fo, svg]

    /// The namespaces of a part. Pictures (`draw:frame`, `xlink:href`) and links (`text:a
    /// xlink:href`) add theirs only where a part has them, so other parts keep their bytes.
    static func document(withImages: Bool, withLinks: Bool = false) -> [(String, String)] {
        document + (withImages ? [draw] : []) + (withImages || withLinks ? [xlink] : [])
    }
}
