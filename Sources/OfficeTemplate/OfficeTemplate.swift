public import Foundation
public import Localization
public import Template
public import TemplateData
import XMLSupport
import ZipSupport

/// A template written in Word or LibreOffice Writer: a `.docx` or `.odt` whose text holds
/// tags (`{{ child.name }}`, `{% for a in attendees %}`, `{% t "id" %}English{% endt %}`).
///
/// Parsed once: every part that can hold tags is read with the safe XML reader, its runs
/// merged where a tag was split, and compiled into static bytes and the few places that
/// change per record. Every other part of the package is copied as it is.
///
/// ```swift
/// let template = try OfficeTemplate(bytes: docx, file: "templates/x/template.docx", id: "x", schemaFile: "schema.json")
/// let compiled = try template.compile(locale: LocaleID("bg")!, catalogs: catalogs)
/// let document = try compiled.render(data)      // the bytes of a .docx
/// ```
public struct OfficeTemplate: Sendable {
    public let format: OfficeFormat
    /// What the evaluator compiles: the template's messages and the places errors point to.
    public let definition: TemplateDefinition
    /// Every tag, in document order, where it is typed.
    public let tags: [TagUse]
    let parts: [Part]
    /// The parts no tag can be in (images, settings, fonts), compressed once when the
    /// template is read and copied into every document of every locale.
    let copiedParts: PrecompressedParts
    /// The first decimal id above every drawing and bookmark id of the template.
    let firstFreeID: Int
    /// The first `w:numId` above those of the numbering part.
    let firstFreeNumbering: Int

    struct Part: Sendable {
        let path: String
        let content: Content
    }

    enum Content: Sendable {
        /// Compressed once when the template is read (in ``OfficeTemplate/copiedParts``):
        /// the same bytes in every locale.
        case copied
        case compiled([Piece])
    }

    /// Bounds on reading a template package.
    public struct Limits: Sendable, Hashable {
        /// Uncompressed bytes of all entries together.
        public var maxPackageSize: Int
        /// Uncompressed bytes of one XML part.
        public var maxPartSize: Int
        public var maxEntries: Int

        public init(maxPackageSize: Int = 256 << 20, maxPartSize: Int = 64 << 20, maxEntries: Int = 2_000) {
            self.maxPackageSize = maxPackageSize
            self.maxPartSize = maxPartSize
            self.maxEntries = maxEntries
        }
    }

    /// The template folder: images that data names are read from it, and only from it.
    public let folder: URL?

    public init(bytes: [UInt8], file: String, id: String, schemaFile: String?, folder: URL? = nil, limits: Limits = Limits()) throws(TemplateErrors) {
        self.folder = folder
        func failure(_ code: String, _ message: String, _ suggestion: String? = nil) -> TemplateErrors {
            var error = TemplateError(code: code, file: file, line: 0, column: 0, message: message, suggestion: suggestion)
            error.place = "package"
            return TemplateErrors([error])
        }
        let lower = file.lowercased()
        guard let format: OfficeFormat = lower.hasSuffix(".docx") ? .docx : lower.hasSuffix(".odt") ? .odt : nil else {
            throw failure("office.format", "not a .docx or .odt file")
        }
        self.format = format
        let entries: [ZipEntry]
        do {
            entries = try ZipReader.entries(of: bytes, limits: .init(maxEntries: limits.maxEntries, maxEntrySize: limits.maxPackageSize, maxTotalSize: limits.maxPackageSize))
        } catch {
            throw failure("office.package", "cannot read the \(format.rawValue) package: \(error.message)",
                          "save the document again from Word or Writer as .\(format.rawValue)")
        }
        let paths = Set(entries.map(\.path))
        let mainPart = format == .docx ? "word/document.xml" : "content.xml"
        guard paths.contains(mainPart) else {
            throw failure("office.package", "the package has no \(mainPart), so it is not a \(format == .docx ? "Word" : "OpenDocument text") document",
                          format == .docx ? "a .docm, .dotx or a renamed file will not do: save it as a Word Document (.docx)" : "save it from Writer as ODF Text Document (.odt)")
        }
        // Templates cannot run code: a package with macros is refused, not silently stripped.
        if let macros = entries.first(where: { Self.isMacroPart($0.path, format: format) }) {
            throw failure("office.macros", "the document contains macros (\(macros.path)); templates cannot run code",
                          "save a copy without macros (in Word: .docx, not .docm; in Writer: remove the Basic modules) and use that")
        }
        let vocabulary = Vocabulary(format: format)
        var places: [TemplatePlace] = []
        var problems: [TemplateError] = []
        var messages: [OfficeMessage] = []
        var compiledParts: [Part] = []
        var description = ""
        var tagUses: [(place: Int, column: Int, use: TagUse)] = []
        var largestID = 0
        var imageCount = 0
        var numbering = NumberingDefinitions()
        // The template's thumbnail shows its tags, not the rendered document: it is left out.
        let thumbnails = Set(entries.map(\.path).filter { $0.hasPrefix("Thumbnails/") || $0.hasPrefix("docProps/thumbnail.") })
        var copied: [ZipEntry] = []
        for entry in entries where !thumbnails.contains(entry.path) {
            guard let kind = Self.partKind(entry.path, format: format) else {
                let compression: ZipEntry.Compression = entry.path == "mimetype" ? .stored : .deflated
                copied.append(ZipEntry(path: entry.path, data: entry.data, compression: compression))
                compiledParts.append(Part(path: entry.path, content: .copied))
                continue
            }
            guard entry.data.count <= limits.maxPartSize else {
                throw failure("office.limit", "\(entry.path) is \(entry.data.count) bytes; the limit is \(limits.maxPartSize)")
            }
            let root: XMLElement
            do {
                root = try XMLReader(limits: .init(maxBytes: limits.maxPartSize, maxDepth: 256, maxNodes: 4_000_000)).parse(entry.data, file: "\(file): \(entry.path)")
            } catch {
                var e = TemplateError(code: "office.xml", file: file, line: error.line, column: error.column, message: "\(entry.path) is not well-formed XML: \(error.message)",
                                      suggestion: "open and save the document again in Word or Writer")
                e.place = "\(entry.path) \(error.line):\(error.column)"
                problems.append(e)
                continue
            }
            let tree = Node(element: root)
            Self.markLanguage(in: tree, path: entry.path, format: format)
            if kind == .properties, description.isEmpty { description = Self.description(in: tree) }
            if kind == .packageIndex {
                Self.removeReferences(to: thumbnails, in: tree)
                if entry.path == "[Content_Types].xml" { Self.declareImageTypes(in: tree) } else { tree.append(Node(.text("\u{E014}"))) }
            }
            if kind == .numbering {
                numbering = Self.numberingDefinitions(tree)
                Self.insertRestartPoint(in: tree)
            }
            var compiler = PartCompiler(vocabulary: vocabulary, partName: entry.path, places: places)
            if kind == .numbering { compiler.numbering = numbering }
            compiler.noteKind = Self.noteKind(entry.path)
            compiler.imageCount = imageCount
            let pieces = kind == .styles || kind == .numbering || kind == .packageIndex || kind == .comments ? compiler.compileWithoutTags(tree) : compiler.compile(tree, paragraphLike: kind == .properties)
            largestID = max(largestID, compiler.largestNumericID)
            imageCount = compiler.imageCount
            places = compiler.places
            messages += compiler.messages
            tagUses += compiler.tags.map { ($0.place, $0.column, TagUse(place: places[$0.place - 1].description, source: $0.source)) }
            for p in compiler.problems {
                let place = places[p.place - 1]
                var e = TemplateError(code: p.code, file: file, line: p.place, column: p.column, message: p.message, suggestion: p.suggestion, sourceLine: place.text)
                e.place = place.description
                problems.append(e)
            }
            if let pieces {
                let declaration: [UInt8] = Array((format == .docx ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").utf8)
                compiledParts.append(Part(path: entry.path, content: .compiled([.bytes(declaration)] + pieces)))
            }
        }
        if !problems.isEmpty { throw TemplateErrors(problems) }
        parts = compiledParts
        copiedParts = try Self.compress(copied, file: file)
        firstFreeID = largestID + 1
        firstFreeNumbering = numbering.maxID + 1
        tags = tagUses.sorted { ($0.place, $0.column) < ($1.place, $1.column) }.map(\.use)
        let sources = messages.map { m in
            MessageSource(id: m.id, source: m.source, note: nil, arguments: m.arguments, location: NodeLocation(place: m.place, column: 1))
        }
        definition = TemplateDefinition(
            id: id, domain: id, file: file, schemaFile: schemaFile,
            description: description.isEmpty ? "\(format == .docx ? "Word" : "Writer") template" : description,
            messages: sources, places: places)
    }

    /// Binds the template to a locale: its messages resolved from the catalogs, the parts that
    /// depend only on the locale (styles with the document language) written and compressed once.
    public func compile(locale: LocaleID, catalogs: CatalogSet, limits: RenderLimits = .init()) throws(TemplateErrors) -> CompiledOfficeTemplate {
        let compiled = try CompiledTemplate(definition, locale: locale, catalogs: catalogs, limits: limits)
        var entries: [CompiledOfficeTemplate.Entry] = []
        // The parts with no data in them (styles with the document language) are written and
        // compressed once for this locale, into an archive the compiled template owns.
        var localeParts: [ZipEntry] = []
        for part in parts {
            guard case .compiled(let pieces) = part.content, !pieces.contains(where: \.needsData) else { continue }
            var renderer = PieceRenderer(locale: locale, evaluator: TemplateEvaluator(template: compiled, data: .null))
            renderer.render(pieces)
            localeParts.append(ZipEntry(path: part.path, data: renderer.out, compression: part.path == "mimetype" ? .stored : .deflated))
        }
        let fixed = try Self.compress(localeParts, file: definition.file)
        for part in parts {
            switch part.content {
            case .copied:
                entries.append(.fixed(part.path, from: copiedParts))
            case .compiled where fixed.contains(part.path):
                entries.append(.fixed(part.path, from: fixed))
            case .compiled(let pieces):
                entries.append(.rendered(path: part.path, pieces: pieces))
            }
        }
        return CompiledOfficeTemplate(template: compiled, format: format, entries: entries, firstFreeID: firstFreeID,
                                      firstFreeNumbering: firstFreeNumbering, folder: folder)
    }

    static func compress(_ entries: [ZipEntry], file: String) throws(TemplateErrors) -> PrecompressedParts {
        do {
            return try PrecompressedParts(entries)
        } catch {
            throw TemplateErrors([TemplateError(code: "office.package", file: file, line: 0, column: 0, message: "cannot compress the template's fixed parts: \(error)")])
        }
    }

    enum PartKind { case content, styles, numbering, properties, packageIndex, comments }

    static func noteKind(_ path: String) -> NoteKind? {
        switch path {
        case "word/footnotes.xml": .footnote
        case "word/endnotes.xml": .endnote
        case "word/comments.xml": .comment
        default: nil
        }
    }

    /// Word finds an image part's type by its extension: PNG and JPEG must be declared.
    static func declareImageTypes(in root: Node) {
        guard let e = root.element else { return }
        let prefix = e.qualifiedName.contains(":") ? String(e.qualifiedName.split(separator: ":")[0]) + ":" : ""
        for (ext, type) in [("png", "image/png"), ("jpeg", "image/jpeg")] {
            let declared = root.children.contains { $0.localName == "Default" && $0.attribute("Extension")?.lowercased() == ext }
            if !declared {
                let node = Node(.element(Node.Element(qualifiedName: "\(prefix)Default", localName: "Default", namespace: e.namespace,
                                                      attributes: [("Extension", ext), ("ContentType", type)])))
                root.insert([node], at: 0)
            }
        }
    }

    /// Drops the manifest entries, relationships and content types of parts left out.
    static func removeReferences(to paths: Set<String>, in root: Node) {
        guard !paths.isEmpty else { return }
        root.children.removeAll { child in
            guard let e = child.element else { return false }
            let named = e.attributes.first { ["manifest:full-path", "Target", "PartName"].contains($0.name) }?.value ?? ""
            let path = named.hasPrefix("/") ? String(named.dropFirst()) : named
            return paths.contains(path) || (path.hasSuffix("/") && paths.contains { $0.hasPrefix(path) } && path != "/")
        }
    }

    /// Each `w:num`'s abstract numbering and the start of each level.
    static func numberingDefinitions(_ root: Node) -> NumberingDefinitions {
        var definitions = NumberingDefinitions()
        var abstractStarts: [String: [Int: Int]] = [:]
        for child in root.children {
            guard let e = child.element, e.namespace == Vocabulary.wordprocessingML else { continue }
            if e.localName == "abstractNum", let id = child.attribute("w:abstractNumId") {
                var starts: [Int: Int] = [:]
                for level in child.children where level.localName == "lvl" {
                    if let ilvl = level.attribute("w:ilvl").flatMap(Int.init),
                       let start = level.children.first(where: { $0.localName == "start" })?.attribute("w:val").flatMap(Int.init) {
                        starts[ilvl] = start
                    }
                }
                abstractStarts[id] = starts
            }
            if e.localName == "num", let id = child.attribute("w:numId"),
               let abstract = child.children.first(where: { $0.localName == "abstractNumId" })?.attribute("w:val") {
                definitions.abstractIDs[id] = abstract
                definitions.starts[id] = abstractStarts[abstract] ?? [:]
                definitions.maxID = max(definitions.maxID, Int(id) ?? 0)
            }
        }
        return definitions
    }

    /// A marker after the last `w:num` (the schema puts `w:numIdMacAtCleanup` after them).
    static func insertRestartPoint(in root: Node) {
        let index = (root.children.lastIndex { $0.localName == "num" } ?? root.children.lastIndex { $0.localName == "abstractNum" }).map { $0 + 1 } ?? root.children.count
        root.insert([Node(.text("\u{E013}"))], at: index)
    }

    static func partKind(_ path: String, format: OfficeFormat) -> PartKind? {
        switch format {
        case .docx:
            if path == "word/document.xml" || path == "word/footnotes.xml" || path == "word/endnotes.xml" { return .content }
            if path.hasPrefix("word/header") || path.hasPrefix("word/footer"), path.hasSuffix(".xml"), !path.dropFirst(5).contains("/") { return .content }
            if path == "word/styles.xml" { return .styles }
            if path == "word/numbering.xml" { return .numbering }
            if path == "word/comments.xml" { return .comments }
            if path == "docProps/core.xml" { return .properties }
            if path == "_rels/.rels" || path == "[Content_Types].xml" { return .packageIndex }
            if path.hasPrefix("word/_rels/"), path.hasSuffix(".rels") { return .packageIndex }
            return nil
        case .odt:
            switch path {
            case "content.xml": return .content
            case "styles.xml": return .content
            case "meta.xml": return .properties
            case "META-INF/manifest.xml": return .packageIndex
            default: return nil
            }
        }
    }

    static func isMacroPart(_ path: String, format: OfficeFormat) -> Bool {
        let lower = path.lowercased()
        switch format {
        case .docx: return lower.hasSuffix("vbaproject.bin") || lower.hasSuffix("vbadata.xml")
        case .odt: return lower.hasPrefix("basic/") || lower.hasPrefix("scripts/")
        }
    }

    /// Puts the document-language markers where the format keeps the language: Word's `w:lang`
    /// in the styles and runs, ODF's `fo:language`/`fo:country` and `dc:language`.
    static func markLanguage(in root: Node, path: String, format: OfficeFormat) {
        let marker = { (slot: LocaleSlot) in PartCompiler.localeMarkers.first { $0.value == slot }!.key }
        root.walk { node in
            guard let e = node.element else { return }
            switch format {
            case .docx where e.namespace == Vocabulary.wordprocessingML && e.localName == "lang":
                if let name = e.attributes.first(where: { $0.name.hasSuffix(":val") })?.name { node.setAttribute(name, marker(.tag)) }
            case .odt where e.namespace == Vocabulary.odfStyle && e.localName == "text-properties":
                for (name, _) in e.attributes {
                    if name.hasSuffix(":language") && !name.contains("asian") && !name.contains("complex") { node.setAttribute(name, marker(.language)) }
                    if name.hasSuffix(":country") && !name.contains("asian") && !name.contains("complex") { node.setAttribute(name, marker(.country)) }
                }
            default:
                break
            }
            if e.namespace == Vocabulary.dublinCore && e.localName == "language" {
                node.children = [Node(.text(marker(.tag)))]
                node.children[0].parent = node
            }
        }
    }

    /// The title or description of the document properties, when they hold no tags.
    static func description(in root: Node) -> String {
        var title = "", description = ""
        root.walk { node in
            guard let e = node.element, e.namespace == Vocabulary.dublinCore else { return }
            let text = node.children.compactMap(\.text).joined()
            guard !text.contains("{") else { return }
            if e.localName == "description" { description = text }
            if e.localName == "title" { title = text }
        }
        return (description.isEmpty ? title : description).trimmingWhitespace
    }
}

extension PartCompiler {
    /// A part with no user text (Word's styles): only the language markers change.
    mutating func compileWithoutTags(_ root: Node) -> [Piece]? {
        compile(root, paragraphLike: false, scanTags: false)
    }
}

/// An office template bound to one locale. Immutable and `Sendable`: render many records
/// from any number of tasks.
public struct CompiledOfficeTemplate: Sendable {
    /// The template language's compiled form: messages of this locale, limits.
    public let template: CompiledTemplate
    public let format: OfficeFormat
    let entries: [Entry]
    let firstFreeID: Int
    let firstFreeNumbering: Int
    let folder: URL?

    enum Entry: Sendable {
        /// Compressed once (for the template or this locale), copied into every document.
        case fixed(String, from: PrecompressedParts)
        case rendered(path: String, pieces: [Piece])

        /// The numbering part and the package indexes list what the other parts added.
        var rendersLast: Bool {
            guard case .rendered(_, let pieces) = self else { return false }
            return pieces.contains {
                switch $0 {
                case .numberingRestarts, .imageIndex, .note: true
                default: false
                }
            }
        }
    }

    /// Renders one record: the bytes of the document package. Every problem is reported at
    /// once, located in the template's parts and paragraphs.
    public func render(_ data: Value) throws(TemplateErrors) -> [UInt8] {
        var renderer = PieceRenderer(locale: template.locale, evaluator: TemplateEvaluator(template: template, data: data),
                                     firstFreeNumber: firstFreeID, firstFreeNumbering: firstFreeNumbering)
        var items: [ZipItem?] = Array(repeating: nil, count: entries.count)
        // The numbering part is written last: it lists the list instances the loops made.
        renderer.folder = folder
        renderer.format = format
        let order = entries.indices.sorted { (entries[$0].rendersLast ? 1 : 0) < (entries[$1].rendersLast ? 1 : 0) }
        for i in order {
            switch entries[i] {
            case .fixed(let path, let parts):
                items[i] = .copy(path, from: parts)
            case .rendered(let path, let pieces):
                renderer.out = []
                renderer.out.reserveCapacity(1 << 16)
                renderer.render(pieces)
                // Handed to libzip in chunks from the renderer's buffer, not copied whole.
                items[i] = .stream(ZipStream(path: path, chunksOf: renderer.out))
            }
        }
        if !renderer.evaluator.errors.isEmpty { throw TemplateErrors(renderer.evaluator.errors) }
        var archive = items.compactMap { $0 }
        for item in renderer.media {
            archive.append(.entry(ZipEntry(path: item.path, data: item.image.bytes, compression: .stored)))
        }
        do {
            return try ZipWriter.archive(archive)
        } catch {
            throw TemplateErrors([TemplateError(code: "office.package", file: template.definition.file, line: 0, column: 0, message: "cannot write the package: \(error)")])
        }
    }
}
