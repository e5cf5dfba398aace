public import DocumentModel
import Foundation
import TemplateData

/// Where a template node came from.
public struct NodeLocation: Sendable, Hashable {
    public let line: Int
    public let column: Int
}

/// `if` and `each` on an element.
struct Directives: Sendable, Hashable {
    var condition: Located<Expression>?
    var loop: Loop?

    struct Loop: Sendable, Hashable {
        let variable: String
        let source: Located<Expression>
    }

    static let none = Directives()
}

/// A value with the position of its source text (for errors found while rendering).
struct Located<T: Sendable & Hashable>: Sendable, Hashable {
    let value: T
    let location: NodeLocation
}

/// A node under `if`/`each` control.
struct Directed<T: Sendable & Hashable>: Sendable, Hashable {
    let node: T
    let directives: Directives
    let location: NodeLocation
}

/// A translatable message as written in the template.
public struct MessageSource: Sendable, Hashable {
    public let id: String
    /// English ICU MessageFormat source, whitespace-normalized (as in the catalogs' msgid).
    public let source: String
    /// Translator comment from the `note` attribute.
    public let note: String?
    /// Argument name → the expression bound to it, in attribute order.
    public let arguments: [(name: String, expression: Expression)]
    public let location: NodeLocation
    /// The `href` of each `<a>` inside the `<t>`, by its tag in the source (`a`, or `a1`,
    /// `a2` … when there are several). The link stays in the template; translators only
    /// move the tag.
    private(set) var links: [MessageLink]

    public static func == (a: MessageSource, b: MessageSource) -> Bool {
        a.id == b.id && a.source == b.source && a.note == b.note && a.location == b.location && a.links == b.links
            && a.arguments.map(\.name) == b.arguments.map(\.name) && a.arguments.map(\.expression) == b.arguments.map(\.expression)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(source)
    }

    public init(id: String, source: String, note: String?, arguments: [(name: String, expression: Expression)], location: NodeLocation) {
        self.id = id
        self.source = source
        self.note = note
        self.arguments = arguments
        self.location = location
        self.links = []
    }

    init(id: String, source: String, note: String?, arguments: [(name: String, expression: Expression)], location: NodeLocation, links: [MessageLink]) {
        self.init(id: id, source: source, note: note, arguments: arguments, location: location)
        self.links = links
    }
}

/// `<a href="…">` inside a `<t>`: the tag it became in the message and its target.
struct MessageLink: Sendable, Hashable {
    let tag: String
    let href: Located<Interpolation>
}

indirect enum InlineNode: Sendable, Hashable {
    case text(Interpolation, location: NodeLocation)
    case message(MessageSource)
    case marked(Marks, [Directed<InlineNode>])
    case lineBreak
    case tab
    case checkbox(Located<Expression>)
    case field(Field)
    /// `<ref to="NAME"/>`: the citation of a computed article or clause number.
    case reference(Located<String>)
    /// `<a href="…">`: linked content; the target is checked when it is known (a literal
    /// when the template is read, an expression when it is rendered).
    case link(Located<Interpolation>, [Directed<InlineNode>])
    /// `<footnote>`: its content goes to the foot of the page, its mark stands here.
    case footnote([Directed<InlineNode>])
    /// `<image>` in a line of text.
    case image(ImageNode)
}

indirect enum BlockNode: Sendable, Hashable {
    case heading(level: Int, [Directed<InlineNode>])
    case paragraph(style: StyleName, alignment: Alignment?, keepWithNext: Bool, [Directed<InlineNode>])
    case list(List.Kind, [Directed<ListItemNode>])
    case table(TableNode)
    case pageBreak
    /// `<signatures per-row=… seal-height=…>`; a nil seal room is ``SignatureGrid/defaultSealRoom``.
    case signatures(perRow: Int, [Directed<SignatureNode>], sealRoom: Length? = nil)
    /// `<section>`: groups blocks so `if`/`each` apply to all of them.
    /// A group of blocks; with page settings, pages of their own (``Block/section(_:)``).
    case section(PageSettings?, [Directed<BlockNode>])
    /// `<articles>`: legal articles numbered by Formwright (see CompiledTemplate+Articles.swift).
    case articles([Directed<ArticleNode>])
    /// `<image align="…">` on a line of its own.
    case image(ImageNode, alignment: Alignment)
}

/// `<image src=… width=… height=… alt=…/>`. A literal `src` is read (and checked) when the
/// template is parsed; one with `{expressions}` when each document is rendered.
struct ImageNode: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        case file(ImageData)
        case reference(Located<Interpolation>)
    }

    let source: Source
    let width: Length?
    let height: Length?
    /// `alt="…"`, or an `<alt>` child holding inline content such as a `<t>` message.
    let alternativeText: SignatureText
    /// The `<image>` element.
    let location: NodeLocation
}

/// `<article>`: an optional title and numbered clauses (plain text is one clause).
struct ArticleNode: Sendable, Hashable {
    let ref: Located<String>?
    let title: [Directed<InlineNode>]?
    let clauses: [Directed<ClauseNode>]
}

/// `<clause>` (a numbered paragraph) or `<point>` (a lettered item): text, lettered points,
/// and text continuing after them.
struct ClauseNode: Sendable, Hashable {
    let ref: Located<String>?
    let content: [ClausePart]
}

enum ClausePart: Sendable, Hashable {
    case inline([Directed<InlineNode>])
    case points(Directed<[Directed<ClauseNode>]>)
}

/// Content of an `<li>` or `<cell>`: runs of inline content (each becomes a paragraph in
/// the container's style) and blocks, in source order.
typealias FlowContent = [FlowPart]

enum FlowPart: Sendable, Hashable {
    case inline([Directed<InlineNode>])
    case block(Directed<BlockNode>)
}

struct ListItemNode: Sendable, Hashable {
    let content: FlowContent
}

struct TableNode: Sendable, Hashable {
    /// nil entries are `*` (share of the remaining width).
    let widths: [Length?]?
    let headerRows: Int
    let borders: Bool
    let rows: [Directed<RowNode>]
    /// `align="start,end"`: the alignment of each column's cells, nil where unset.
    var columnAlignments: [Alignment?] = []
    /// `padding="2mm"`, or nil for ``Table/defaultCellPadding``.
    var padding: Length? = nil
    /// `split-rows="true"`: rows may break across pages (long free text).
    var rowsMaySplit = false
    /// Where `widths` is written, for the check that a declared width holds its content.
    var widthsLocation: NodeLocation? = nil
}

struct RowNode: Sendable, Hashable {
    let cells: [Directed<CellNode>]
    /// `split="true"`: this row may break across pages.
    var maySplit = false
}

struct CellNode: Sendable, Hashable {
    let content: FlowContent
    let span: Int
    let shading: String?
    var alignment: Alignment? = nil
    var verticalAlignment: VerticalAlignment? = nil
}

/// The page attributes of `<page>` or `<section>`; unset ones come from the page around.
struct PageSettings: Sendable, Hashable {
    var size: PaperSize?
    var orientation: Orientation?
    var top: Length?, bottom: Length?, left: Length?, right: Length?

    /// The page `base` becomes with these settings: another size keeps the orientation
    /// asked for (or `base`'s), margins not given stay `base`'s.
    func applied(to base: PageSetup) -> PageSetup {
        let orientation = orientation ?? base.orientation
        var page: PageSetup
        if let size {
            page = PageSetup(size, orientation: orientation, margins: base.margins)
        } else {
            page = base.turned(orientation)
        }
        if let top { page.margins.top = top }
        if let bottom { page.margins.bottom = bottom }
        if let left { page.margins.left = left }
        if let right { page.margins.right = right }
        return page
    }
}

struct SignatureNode: Sendable, Hashable {
    let name: Interpolation?
    let role: SignatureText?
    let institution: SignatureText?
    let date: Interpolation?
    let seal: Interpolation?
}

/// Text given by an attribute or by a child element's inline content (signature roles,
/// image alt text).
enum SignatureText: Sendable, Hashable {
    case attribute(Interpolation)
    case content([Directed<InlineNode>])
}

/// A parsed template: its structure and the messages it uses, not yet bound to a locale.
public struct TemplateDefinition: Sendable {
    public let id: String
    public let domain: String
    /// The file the template was read from (as given, for error messages).
    public let file: String
    /// Schema file name relative to the template folder, if declared.
    public let schemaFile: String?
    /// English description for `formwright templates`.
    public let description: String
    public let page: PageSetup
    /// Every `<t>` of the template, in source order (ids may repeat with the same source).
    public let messages: [MessageSource]
    /// Literal text outside `<t>` that will not be translated (lint warnings).
    public let untranslatedText: [(text: String, location: NodeLocation)]
    /// The `ref` names of articles and clauses, in source order.
    public let referenceNames: [String]
    /// True when some `ref:NAME` or `<ref to>` cites an article, so rendering needs a first
    /// pass that numbers the articles (a citation may come before the article it cites).
    public let usesReferences: Bool

    let title: [Directed<InlineNode>]
    let subject: [Directed<InlineNode>]
    let header: [Directed<BlockNode>]
    let footer: [Directed<BlockNode>]
    let body: [Directed<BlockNode>]
    let sourceLines: [Substring]
    /// The folder `<image src="{…}">` reads files from when rendering (nil: data: URIs only).
    let folder: URL?
    /// For templates written in an office suite: the paragraphs that hold tags, indexed by
    /// `NodeLocation.line - 1` (there is no source line to point at).
    public let places: [TemplatePlace]
    /// `<first-page-header>` and `<first-page-footer>`: nil for the same as on other pages.
    var firstPageHeader: [Directed<BlockNode>]? = nil
    var firstPageFooter: [Directed<BlockNode>]? = nil
    /// The font (`<document font>`) and text colour (`<document text-color>`).
    public internal(set) var styles: StyleSheet = .standard
    /// The letterhead `<document letterhead="…">` names, if any.
    public internal(set) var letterhead: LetterheadReference? = nil
}

/// The letterhead file a template names, with where it is named (for errors).
public struct LetterheadReference: Sendable, Hashable {
    /// As written: a path relative to the template folder.
    public let path: String
    /// The attribute's value in template.xml.
    public let location: NodeLocation
    public let sourceLine: String?
}

/// A place in an office template that errors point to: the part and paragraph
/// (`word/document.xml, paragraph 12`) and that paragraph's text.
public struct TemplatePlace: Sendable, Hashable {
    public let description: String
    public let text: String
    /// The place as a catalog reference, without spaces: `word/document.xml:12`.
    public let reference: String

    public init(description: String, text: String, reference: String) {
        self.description = description
        self.text = text
        self.reference = reference
    }
}

extension TemplateDefinition {
    /// The definition of a template written in another front end (an office document): its
    /// messages and places, and no XML body. It compiles like any other template, so the
    /// messages are looked up in the catalogs the same way.
    public init(
        id: String, domain: String, file: String, schemaFile: String?, description: String,
        messages: [MessageSource], places: [TemplatePlace]
    ) {
        self.init(
            id: id, domain: domain, file: file, schemaFile: schemaFile, description: description, page: .a4(),
            messages: messages, untranslatedText: [], referenceNames: [], usesReferences: false,
            title: [], subject: [], header: [], footer: [], body: [], sourceLines: [], folder: nil, places: places)
    }
}
