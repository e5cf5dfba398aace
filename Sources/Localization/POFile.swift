/// A gettext PO file held in full: header, entries with all their comments, obsolete
/// entries and trailing comments, in file order.
///
/// Reading and writing are lossless for what PO means: `parse(serialized(x)) == x`, and a file
/// written by ``serialized()`` reads back and writes out byte for byte the same. The output is
/// what `msgcat --no-wrap` writes, so diffs stay small when translators use gettext tools.
///
/// ```swift
/// var file = try POFile.parse(text, path: "locales/ro/common.po")
/// file.header?["Language"]                                    // "ro"
/// file.entries.first { $0.context == "consent.title" }?.translation
/// file.entries.append(POEntry(context: "plan.start", id: "Start", translation: "Început"))
/// try file.serialized().write(to: url, atomically: true, encoding: .utf8)
/// ```
public struct POFile: Sendable, Hashable {
    /// The path the file was read from; used in error messages and ``CatalogEntry/path``.
    public var path: String
    /// All entries, the header (if any) and obsolete ones included, in file order.
    public var entries: [POEntry]
    /// Comment lines after the last entry, kept verbatim (gettext tools drop them).
    public var trailingComments: [String]

    public init(path: String, entries: [POEntry] = [], trailingComments: [String] = []) {
        self.path = path
        self.entries = entries
        self.trailingComments = trailingComments
    }

    /// The header fields, read from the `msgid ""` entry. Setting rewrites that entry's
    /// `msgstr`, inserting a header entry first if the file has none; setting nil removes it.
    public var header: POHeader? {
        get { entries.first(where: \.isHeader).map { POHeader(parsing: $0.translation) } }
        set {
            let index = entries.firstIndex(where: \.isHeader)
            switch (index, newValue) {
            case (let index?, let header?): entries[index].translation = header.text
            case (let index?, nil): entries.remove(at: index)
            case (nil, let header?): entries.insert(POEntry(id: "", translation: header.text), at: 0)
            case (nil, nil): break
            }
        }
    }

    /// The entries that carry messages: not the header, not obsolete.
    public var messages: [POEntry] { entries.filter { !$0.isHeader && !$0.isObsolete } }
}
