/// A streaming XML writer that appends UTF-8 to a byte buffer.
///
/// Text and attribute values are always escaped; characters that XML 1.0 cannot hold
/// (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, so whatever the
/// data contains, the output is well-formed.
///
/// ```swift
/// var xml = XMLWriter()
/// xml.declaration()
/// xml.open("office:document-meta", ["xmlns:office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"])
/// xml.element("dc:title", text: "Съгласие <b>")
/// xml.close()
/// let bytes = xml.bytes
/// ```
public struct XMLWriter: Sendable {
    public private(set) var bytes: [UInt8]
    private var stack: [String] = []
    /// True while the last start tag is still open (`<a x="1"`), so an empty element
    /// can be closed as `/>`.
    private var startTagOpen = false

    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and a newline.
    public mutating func declaration(standalone: Bool = true) {
        raw(standalone
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Opens an element. Attributes are written in the order given.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes: attributes.map { ($0.key, $0.value) })
    }

    /// Opens an element with attributes computed at run time (order preserved).
    public mutating func open(_ name: String, attributes: [(String, String)]) {
        finishStartTag()
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        startTagOpen = true
        for (key, value) in attributes { attribute(key, value) }
        stack.append(name)
    }

    /// Adds an attribute to the element just opened (before any content).
    public mutating func attribute(_ name: String, _ value: String) {
        precondition(startTagOpen, "attribute(\(name)) after content")
        bytes.append(UInt8(ascii: " "))
        raw(name)
        raw("=\"")
        escape(value, attribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Closes the innermost open element.
    public mutating func close() {
        guard let name = stack.popLast() else { preconditionFailure("close() with no open element") }
        if startTagOpen {
            raw("/>")
            startTagOpen = false
        } else {
            raw("</")
            raw(name)
            bytes.append(UInt8(ascii: ">"))
        }
    }

    /// Closes every open element.
    public mutating func closeAll() {
        while !stack.isEmpty { close() }
    }

    /// Escaped character data.
    public mutating func text(_ string: String) {
        finishStartTag()
        escape(string, attribute: false)
    }

    /// `<name attrs>text</name>`, or `<name attrs/>` when `text` is nil.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) {
        open(name, attributes)
        if let text { self.text(text) }
        close()
    }

    /// Appends bytes that are already well-formed XML (for cached fragments).
    public mutating func rawXML(_ fragment: [UInt8]) {
        finishStartTag()
        bytes.append(contentsOf: fragment)
    }

    /// The depth of open elements.
    public var depth: Int { stack.count }

    private mutating func finishStartTag() {
        if startTagOpen {
            bytes.append(UInt8(ascii: ">"))
            startTagOpen = false
        }
    }

    private mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// Escapes on the UTF-8 bytes, copying unchanged runs in one go: this is the writers' hot
    /// path. A Swift string is valid UTF-8, so the only characters XML 1.0 cannot hold are the
    /// C0 controls other than tab, LF and CR, and U+FFFE / U+FFFF (EF BF BE / EF BF BF).
    private mutating func escape(_ s: String, attribute: Bool) {
        Self.appendEscaped(s, attribute: attribute, to: &bytes)
    }

    /// Appends `s` escaped for XML text (or an attribute value) to `bytes`, dropping what
    /// XML 1.0 cannot hold: the writer's own escaping, for code that assembles parts as bytes.
    public static func appendEscaped(_ s: String, attribute: Bool, to bytes: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            let count = utf8.count
            var runStart = 0
            var i = 0
            func flush(_ bytes: inout [UInt8], upTo end: Int) {
                if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while i < count {
                let b = utf8[i]
                let replacement: StaticString?
                var skip = 1
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22 where attribute: replacement = "&quot;"
                case 0x09 where attribute: replacement = "&#9;"
                case 0x0A where attribute: replacement = "&#10;"
                case 0x0D: replacement = "&#13;"
                case 0x09, 0x0A, 0x20...0xEE, 0xF0...0xFF:
                    i += 1
                    continue
                case 0xEF where i + 2 < count && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                    replacement = ""  // U+FFFE, U+FFFF: dropped
                    skip = 3
                case 0xEF:
                    i += 1
                    continue
                default:
                    replacement = ""  // C0 control: dropped
                }
                flush(&bytes, upTo: i)
                if let replacement, replacement.utf8CodeUnitCount > 0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                }
                i += skip
                runStart = i
            }
            flush(&bytes, upTo: count)
        }
    }

    /// Whether XML 1.0 allows the code point as a character.
    public static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
    }

    /// Removes characters that XML 1.0 cannot hold, as the writer would.
    public static func xmlSafe(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ isXMLChar($0.value) }) { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s.unicodeScalars.filter { isXMLChar($0.value) })
        return String(out)
    }
}
