public import DocumentModel
public import Localization

/// A template bound to one locale: every message resolved from the catalogs (or the English
/// source) and parsed once. Immutable and `Sendable`: compile once, render many records,
/// from any number of tasks.
///
/// ```swift
/// let compiled = try CompiledTemplate(definition, locale: LocaleID("bg")!, catalogs: catalogs)
/// let document = try compiled.render(data)
/// ```
public struct CompiledTemplate: Sendable {
    public let definition: TemplateDefinition
    public let locale: LocaleID
    /// Ids of messages with no translation for this locale (the English source is used).
    public let missingTranslations: [String]
    /// Messages whose translation was made for a different English source (the translation is used).
    public let staleTranslations: [String]
    public let limits: RenderLimits
    let messages: [String: MessageFormat]
    let formatter: LocaleFormatter

    /// Messages every template may use, with their English sources.
    public static let builtInMessages: [(id: String, source: String)] = [
        ("common.signature.date", "Date"),
        ("common.signature.signature", "Signature"),
        ("common.seal-mark", "L.S."),
        ("common.page-of", "Page {page} of {pages}"),
        // Legal numbering (`<articles>`); each locale writes its national form.
        ("common.legal.article", "Article {number}."),
        ("common.legal.article-heading", "Article {number}. {title}"),
        ("common.legal.clause", "({number})"),
        ("common.legal.point", "({letter})"),
        ("common.legal.point-letters", "abcdefghijklmnopqrstuvwxyz"),
        ("common.legal.subpoint", "({roman})"),
        ("common.legal.ref", "Article {article}"),
        ("common.legal.ref-clause", "Article {article}({clause})"),
    ]

    /// Resolves the template's messages for `locale`. Throws when a translation is not a valid
    /// message or does not fit its source, with the catalog file and line.
    public init(_ definition: TemplateDefinition, locale: LocaleID, catalogs: CatalogSet, limits: RenderLimits = .init()) throws(TemplateErrors) {
        self.definition = definition
        self.locale = locale
        self.limits = limits
        formatter = LocaleFormatter(locale: locale)
        var messages: [String: MessageFormat] = [:]
        var missing: [String] = [], stale: [String] = [], errors: [TemplateError] = []
        let domains = [definition.domain, "common"]
        var sources: [(id: String, source: String, argumentNames: [String])] = definition.messages.map { ($0.id, $0.source, $0.arguments.map(\.name)) }
        for builtIn in Self.builtInMessages where !sources.contains(where: { $0.id == builtIn.id }) {
            sources.append((builtIn.id, builtIn.source, []))
        }
        for message in sources where messages[message.id] == nil {
            var pattern = message.source
            let isBuiltIn = Self.builtInMessages.contains { $0.id == message.id } && !definition.messages.contains { $0.id == message.id }
            if locale == .pseudo {
                // qps shows the English source pseudo-localized; an alphabet is not text, and
                // brackets or filler would become point letters.
                if message.id != "common.legal.point-letters" { pattern = Pseudolocalization.pseudolocalize(message.source) }
            } else if locale != .en {
                if let resolved = catalogs.lookup(id: message.id, domains: domains, locale: locale) {
                    pattern = resolved.text
                    if resolved.entry.source != message.source && !isBuiltIn { stale.append(message.id) }
                } else if !isBuiltIn {
                    missing.append(message.id)
                }
            }
            do {
                let format = try MessageFormat(pattern)
                // A translation may move the source's tags, and mark words <b>, <i> or <u> where
                // its grammar splits them (`catalog check` still reports the difference), but not
                // bring other tags: an unknown tag would print nothing, and a link tag must be
                // one the template gave a target.
                if format.hasTags, pattern != message.source {
                    let allowed = Set((try? MessageFormat(message.source))?.tagPaths.flatMap { $0.split(separator: "/").map(String.init) } ?? [])
                        .union(["b", "i", "u"])
                    let used = Set(format.tagPaths.flatMap { $0.split(separator: "/").map(String.init) })
                    if let stray = used.subtracting(allowed).sorted().first {
                        let where_ = catalogs.lookup(id: message.id, domains: domains, locale: locale)
                        errors.append(TemplateError(
                            code: "catalog.message-tags", file: where_?.path ?? definition.file, line: where_?.line ?? 1, column: 1,
                            message: "translation of '\(message.id)' for \(locale) has the tag <\(stray)>, which its source does not have",
                            suggestion: "use only the tags the source has, or <b>, <i>, <u>: " + allowed.sorted().map { "<\($0)>" }.joined(separator: ", ")))
                        continue
                    }
                }
                messages[message.id] = format
            } catch {
                let where_ = catalogs.lookup(id: message.id, domains: domains, locale: locale)
                errors.append(TemplateError(
                    code: "catalog.message-syntax", file: where_?.path ?? definition.file, line: where_?.line ?? 1, column: 1,
                    message: "translation of '\(message.id)' for \(locale) is not a valid message: \(error.description)",
                    suggestion: "fix the msgstr, or clear it to fall back to the source"))
            }
        }
        if !errors.isEmpty { throw TemplateErrors(errors) }
        self.messages = messages
        missingTranslations = missing
        staleTranslations = stale
    }
}

/// Bounds on what one render may do, so hostile data cannot exhaust the machine.
public struct RenderLimits: Sendable, Hashable {
    /// Iterations of all `each` loops of one document together.
    public var maxLoopIterations: Int
    /// Nesting of `each` loops.
    public var maxLoopDepth: Int
    /// Bytes of text (UTF-8) one document may hold, counted while rendering, so that a few
    /// values repeated by loops cannot build a document of gigabytes in memory.
    public var maxTextSize: Int
    /// Bytes of one image read while rendering (`<image src="{…}">`).
    public var maxImageSize: Int
    /// Images one document shows, each repetition counted: a picture in a loop over hostile
    /// data must not make a document of a million drawings.
    public var maxImages: Int

    public init(
        maxLoopIterations: Int = 1_000_000, maxLoopDepth: Int = 32, maxTextSize: Int = 256 << 20,
        maxImageSize: Int = ImageData.Limits().maxBytes, maxImages: Int = 1_000
    ) {
        self.maxLoopIterations = maxLoopIterations
        self.maxLoopDepth = maxLoopDepth
        self.maxTextSize = maxTextSize
        self.maxImageSize = maxImageSize
        self.maxImages = maxImages
    }

    /// The limits images read while rendering are checked against.
    public var imageLimits: ImageData.Limits {
        var limits = ImageData.Limits()
        limits.maxBytes = maxImageSize
        return limits
    }
}
