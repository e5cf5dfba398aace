/// What an institution's letterhead document gives every document printed on it: the page,
/// the header and footer (often a different one on the first page), and the base font.
///
/// Read from a `.docx` or `.odt` by the `Letterhead` reader; applied to a rendered
/// ``Document`` with ``apply(to:)``, the same way for both writers.
public struct Letterhead: Sendable, Hashable {
    public var page: PageSetup
    public var header: [Block]
    public var footer: [Block]
    /// The first page's own header and footer, when the letterhead has a different first page.
    public var firstPageHeader: [Block]?
    public var firstPageFooter: [Block]?
    public var fontFamily: String?
    /// Size of the default paragraph style's text, in points.
    public var fontSize: Double?
    /// Colour of the default paragraph style's text, six hex digits.
    public var textColor: String?

    public init(
        page: PageSetup, header: [Block] = [], footer: [Block] = [], firstPageHeader: [Block]? = nil,
        firstPageFooter: [Block]? = nil, fontFamily: String? = nil, fontSize: Double? = nil, textColor: String? = nil
    ) {
        self.page = page
        self.header = header
        self.footer = footer
        self.firstPageHeader = firstPageHeader
        self.firstPageFooter = firstPageFooter
        self.fontFamily = fontFamily
        self.fontSize = fontSize
        self.textColor = textColor
    }

    public var hasDistinctFirstPage: Bool { firstPageHeader != nil || firstPageFooter != nil }

    /// Puts `document` on this letterhead, as the letterhead's author set it up.
    ///
    /// - Every page carries the letterhead's header for that page followed by the
    ///   template's own header (a registration number, a title); with a different first
    ///   page, page 1 carries the letterhead's first-page header alone. A template's own
    ///   first-page header (`<first-page-header>`) follows the letterhead's header on page 1
    ///   when the letterhead has the same header on every page.
    /// - Every page carries the letterhead's footer for that page followed by the
    ///   template's footer for that page ("Page 1 of 3"); when the letterhead's footer
    ///   numbers the pages itself, the template's footer paragraphs that number pages are
    ///   left out, so a page never says "Page 1 of 3" twice.
    /// - The page size and margins, and the font, come from the letterhead.
    public func apply(to document: inout Document) {
        let templateHeader = document.header, templateFooter = document.footer
        let templateFirstHeader = document.firstPageHeader, templateFirstFooter = document.firstPageFooter
        func footer(_ own: [Block], over template: [Block]) -> [Block] {
            guard Letterhead.numbersPages(own) else { return own + template }
            return own + template.filter { !Letterhead.numbersPages([$0]) }
        }
        document.page = page
        document.header = header + templateHeader
        document.footer = footer(self.footer, over: templateFooter)
        if hasDistinctFirstPage {
            document.firstPageHeader = firstPageHeader ?? header
            document.firstPageFooter = footer(firstPageFooter ?? self.footer, over: templateFirstFooter ?? templateFooter)
        } else if templateFirstHeader != nil || templateFirstFooter != nil {
            document.firstPageHeader = header + (templateFirstHeader ?? templateHeader)
            document.firstPageFooter = footer(self.footer, over: templateFirstFooter ?? templateFooter)
        } else {
            document.firstPageHeader = nil
            document.firstPageFooter = nil
        }
        if let fontFamily { document.styles.fontFamily = fontFamily }
        if let fontSize, fontSize >= 6, fontSize <= 32 { document.styles = document.styles.scaled(toBodySize: fontSize) }
        if let textColor { document.styles.textColor = textColor }
    }

    /// Whether `blocks` show a page number or page count anywhere (tables included).
    static func numbersPages(_ blocks: [Block]) -> Bool {
        blocks.contains { block in
            switch block {
            case .paragraph(let p): p.content.contains { if case .field = $0 { true } else { false } }
            case .table(let t): t.rows.contains { $0.cells.contains { numbersPages($0.blocks) } }
            default: false
            }
        }
    }
}
