/// The usable translations of one PO file: one locale, one domain (a template id or
/// `common`), keyed by message id.
///
/// Fuzzy, obsolete and untranslated (empty `msgstr`) entries are left out: to a lookup they
/// are missing, so it falls back along the locale chain. Entries without `msgctxt` have no
/// Formwright id and gettext plural entries (`msgid_plural`) are not MessageFormat messages,
/// so they are left out too.
///
/// ```swift
/// let file = try POFile.read(contentsOf: url)
/// let catalog = Catalog(file: file, locale: .ro, domain: "common")
/// catalog.translation(for: "common.page-of")?.translation   // "Pagina {page} din {pages}"
/// ```
public struct Catalog: Sendable {
    public let locale: LocaleID
    public let domain: String
    /// The file the catalog was read from.
    public let path: String
    private let entries: [String: CatalogEntry]

    /// Takes the usable entries of `file`. When one id appears twice, the first wins
    /// (``CatalogSet/init(directory:)`` reports the second as an error).
    public init(file: POFile, locale: LocaleID, domain: String) {
        self.locale = locale
        self.domain = domain
        self.path = file.path
        var entries: [String: CatalogEntry] = [:]
        for entry in file.entries where entry.isUsableTranslation {
            guard let id = entry.context, entries[id] == nil else { continue }
            entries[id] = CatalogEntry(id: id, source: entry.id, translation: entry.translation, line: entry.line, path: file.path)
        }
        self.entries = entries
    }

    /// The translation of `id`, or nil when this catalog has no usable one.
    public func translation(for id: String) -> CatalogEntry? { entries[id] }

    /// The ids with a usable translation, sorted.
    public var ids: [String] { entries.keys.sorted() }

    /// The number of usable translations.
    public var count: Int { entries.count }
}

extension POEntry {
    /// Whether lookups may use this entry; everything else counts as missing.
    var isUsableTranslation: Bool {
        context != nil && !isObsolete && !isFuzzy && idPlural == nil && !translation.isEmpty
    }
}
