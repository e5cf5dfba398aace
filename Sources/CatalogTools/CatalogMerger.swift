public import Localization

/// Merges a POT into a locale's PO the way `msgmerge` does, keeping the translator's work
/// in place so diffs stay small:
///
/// - an entry whose id is still extracted keeps its place, translation, flags and translator
///   comments; its `#.` and `#:` lines are taken from the POT;
/// - when the English source changed, the entry gets the new `msgid`, the `fuzzy` flag and
///   the old source as `#| msgid` (the source the translation was made from is kept when the
///   entry was already fuzzy);
/// - a new id is inserted after the entry that precedes it in the POT (only when
///   `addingNewEntries`; `ro-MD` catalogs hold differences from `ro` and get none);
/// - an entry no longer extracted becomes obsolete (`#~`) at the end of the file; an
///   untranslated one is dropped, as msgmerge does; an obsolete entry extracted again
///   comes back.
///
/// Merging the result again with the same POT changes nothing.
///
/// ```swift
/// let merged = CatalogMerger.merge(pot, into: po, addingNewEntries: true)
/// ```
public enum CatalogMerger {
    public static func merge(_ template: POFile, into catalog: POFile, addingNewEntries: Bool) -> POFile {
        let sources = template.messages
        var sourceIndex: [String: Int] = [:]
        for (index, entry) in sources.enumerated() where sourceIndex[key(entry)] == nil { sourceIndex[key(entry)] = index }

        var active: [POEntry] = []          // header and kept entries, in file order
        var kept: Set<String> = []
        var oldObsolete: [POEntry] = []
        var newObsolete: [POEntry] = []
        var revivable: [String: POEntry] = [:]

        for entry in catalog.entries {
            if entry.isHeader {
                active.append(entry)
            } else if entry.isObsolete {
                if sourceIndex[key(entry)] != nil, revivable[key(entry)] == nil {
                    revivable[key(entry)] = entry
                } else {
                    oldObsolete.append(entry)
                }
            } else if let index = sourceIndex[key(entry)], !kept.contains(key(entry)) {
                active.append(updated(entry, from: sources[index]))
                kept.insert(key(entry))
            } else if !entry.translation.isEmpty || entry.pluralTranslations.contains(where: { !$0.isEmpty }) {
                var obsolete = entry
                obsolete.isObsolete = true
                obsolete.references = []
                newObsolete.append(obsolete)
            }
        }
        // An active entry wins over an obsolete copy of the same id.
        for (name, entry) in revivable where kept.contains(name) { oldObsolete.append(entry) }

        // Insert the missing ids after their predecessor in the POT, so files follow the template.
        for (index, source) in sources.enumerated() where !kept.contains(key(source)) {
            var entry: POEntry
            if var old = revivable[key(source)] {
                old.isObsolete = false
                entry = updated(old, from: source)
            } else if addingNewEntries {
                entry = source
                entry.translation = ""
                entry.flags.removeAll { $0 == "fuzzy" }
            } else {
                continue
            }
            var position = active.firstIndex { !$0.isHeader } ?? active.count
            for previous in sources[..<index].reversed() {
                if let found = active.lastIndex(where: { !$0.isHeader && key($0) == key(previous) }) {
                    position = found + 1
                    break
                }
            }
            active.insert(entry, at: position)
            kept.insert(key(source))
        }
        // Keep the original order of obsolete entries; revived-but-duplicate ones keep theirs too.
        let obsoleteOrder = catalog.entries.filter(\.isObsolete)
        oldObsolete.sort { a, b in
            (obsoleteOrder.firstIndex(of: a) ?? 0) < (obsoleteOrder.firstIndex(of: b) ?? 0)
        }
        var result = catalog
        result.entries = active + oldObsolete + newObsolete
        return result
    }

    /// A new, untranslated catalog for `locale` from a POT.
    public static func newCatalog(from template: POFile, locale: LocaleID, domain: String, path: String) -> POFile {
        var header = POHeader(fields: [
            .init(name: "Project-Id-Version", value: "Formwright"),
            .init(name: "Language-Team", value: languageName(locale)),
            .init(name: "Language", value: locale.identifier.replacingOccurrences(of: "-", with: "_")),
            .init(name: "MIME-Version", value: "1.0"),
            .init(name: "Content-Type", value: "text/plain; charset=UTF-8"),
            .init(name: "Content-Transfer-Encoding", value: "8bit"),
        ])
        if let forms = locale.definition.gettextPluralForms { header["Plural-Forms"] = forms }
        let headerEntry = POEntry(id: "", translation: header.text, translatorComments: [
            "\(languageName(locale)) translation of Formwright messages (\(domain)).",
            "msgctxt = message id, msgid = English source (ICU MessageFormat), msgstr = translation.",
        ])
        return merge(template, into: POFile(path: path, entries: [headerEntry]), addingNewEntries: true)
    }

    static func languageName(_ locale: LocaleID) -> String {
        locale.definition.englishName
    }

    /// Formwright entries are keyed by id (`msgctxt`); plain gettext entries by their msgid.
    static func key(_ entry: POEntry) -> String {
        entry.context ?? "\u{0}" + entry.id
    }

    private static func updated(_ entry: POEntry, from source: POEntry) -> POEntry {
        var entry = entry
        entry.extractedComments = source.extractedComments
        entry.references = source.references
        if entry.id != source.id {
            let translated = !entry.translation.isEmpty || entry.pluralTranslations.contains { !$0.isEmpty }
            if translated {
                // Keep the source the translation was made from, not an intermediate one.
                if !(entry.isFuzzy && entry.previousID != nil) { entry.previousID = entry.id }
                entry.isFuzzy = true
            }
            entry.id = source.id
        } else if !entry.isFuzzy {
            entry.previousID = nil
            entry.previousContext = nil
            entry.previousIDPlural = nil
        }
        return entry
    }
}
