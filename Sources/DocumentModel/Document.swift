/// A document in Formwright's neutral model: what both the ODT and the DOCX writer consume.
///
/// The model knows no file format. A template evaluator builds it; ``DocumentWriter``
/// implementations turn it into a package.
///
/// ```swift
/// var doc = Document(metadata: .init(title: "Consent", language: LanguageTag("bg-BG")))
/// doc.body = [.heading(Heading(level: 1, [.text("Съгласие")])),
///             .paragraph(Paragraph([.text("Аз, "), .text("Мария", marks: .bold)]))]
/// ```
public struct Document: Sendable, Hashable {
    public var metadata: Metadata
    public var page: PageSetup
    public var styles: StyleSheet
    /// Blocks repeated at the top of every page.
    public var header: [Block]
    /// Blocks repeated at the bottom of every page (for example "Page X of Y").
    public var footer: [Block]
    /// Header of the first page only (a letterhead), or nil for the same header on every page.
    public var firstPageHeader: [Block]?
    /// Footer of the first page only, or nil for the same footer on every page.
    public var firstPageFooter: [Block]?
    public var body: [Block]

    /// Whether the first page has a header or footer of its own.
    public var hasDistinctFirstPage: Bool { firstPageHeader != nil || firstPageFooter != nil }

    public init(
        metadata: Metadata,
        page: PageSetup = .a4(),
        styles: StyleSheet = .standard,
        header: [Block] = [],
        footer: [Block] = [],
        firstPageHeader: [Block]? = nil,
        firstPageFooter: [Block]? = nil,
        body: [Block] = []
    ) {
        self.metadata = metadata
        self.page = page
        self.styles = styles
        self.header = header
        self.footer = footer
        self.firstPageHeader = firstPageHeader
        self.firstPageFooter = firstPageFooter
        self.body = body
    }
}

/// Document properties written to `meta.xml` (ODT) and `docProps/core.xml` (DOCX).
public struct Metadata: Sendable, Hashable {
    public var title: String
    public var subject: String
    /// The language of the text; office suites use it for spell-checking and hyphenation.
    public var language: LanguageTag
    public var generator: String
    public var keywords: [String]
    /// Creation date as `YYYY-MM-DD`. Left out when nil, so output stays deterministic.
    public var created: String?

    public init(
        title: String, subject: String = "", language: LanguageTag,
        generator: String = "Formwright", keywords: [String] = [], created: String? = nil
    ) {
        self.title = title
        self.subject = subject
        self.language = language
        self.generator = generator
        self.keywords = keywords
        self.created = created
    }
}

/// A BCP 47 language tag with a region, as office suites want it (`bg-BG`, `ro-MD`).
public struct LanguageTag: Sendable, Hashable, CustomStringConvertible {
    public let language: String
    public let region: String?

    /// Parses `ll` or `ll-RR` (also `ll_RR`).
    public init(_ tag: String) {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" })
        language = parts.first.map { $0.lowercased() } ?? "und"
        region = parts.count > 1 ? parts[1].uppercased() : nil
    }

    public var description: String { region.map { "\(language)-\($0)" } ?? language }
}
