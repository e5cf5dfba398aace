/// Where a hyperlink goes. Only web pages over HTTPS, e-mail addresses and telephone
/// numbers: a document cannot link to files, scripts or other schemes.
public struct LinkTarget: Sendable, Hashable, CustomStringConvertible {
    public let url: String

    /// The schemes a link may use.
    public static let schemes = ["https:", "mailto:", "tel:"]

    /// Nil unless `url` starts with `https://`, `mailto:` or `tel:` and holds no spaces,
    /// control characters, quotes or angle brackets.
    public init?(_ url: String) {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:"),
              url.unicodeScalars.count > (lower.hasPrefix("https://") ? 8 : lower.hasPrefix("tel:") ? 4 : 7),
              url.unicodeScalars.count <= 2048,
              !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || "\"<>\\`".unicodeScalars.contains($0) })
        else { return nil }
        self.url = url
    }

    public var description: String { url }
}

/// A hyperlink around text.
public struct Link: Sendable, Hashable {
    public var target: LinkTarget
    /// The linked text; links do not nest.
    public var content: [Inline]

    public init(_ target: LinkTarget, content: [Inline]) {
        self.target = target
        self.content = content
    }
}

/// A footnote: its mark is numbered by the office suite where it stands in the text, and
/// its content is printed at the foot of the page.
public struct Footnote: Sendable, Hashable {
    public var content: [Inline]

    public init(_ content: [Inline]) { self.content = content }
}
