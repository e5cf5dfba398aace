import XMLSupport

/// Writes HTML5 that is also well-formed XML (XHTML syntax): void elements self-closed,
/// every other element closed explicitly, every text and attribute escaped.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []
    private var stack: [String] = []

    static let voidElements: Set<String> = ["input", "meta", "link", "br", "img"]

    init() { bytes.reserveCapacity(64 << 10) }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        start(name, attributes)
        if Self.voidElements.contains(name) {
            raw("/>")
        } else {
            raw(">")
            stack.append(name)
        }
    }

    mutating func close() {
        let name = stack.removeLast()
        raw("</\(name)>")
    }

    mutating func text(_ s: String) { XMLWriter.appendEscaped(s, attribute: false, to: &bytes) }

    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close()
    }

    private mutating func start(_ name: String, _ attributes: [(String, String?)]) {
        raw("<" + name)
        for (key, value) in attributes {
            guard let value else { continue }
            raw(" \(key)=\"")
            XMLWriter.appendEscaped(value, attribute: true, to: &bytes)
            raw("\"")
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
