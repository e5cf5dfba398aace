/// One entry of a gettext PO file: its comments, flags, previous strings and messages.
///
/// Formwright uses `msgctxt` as the message id and `msgid` as the English ICU MessageFormat
/// source; everything else gettext allows is kept so a file survives a read/write cycle.
///
/// ```swift
/// var entry = POEntry(context: "consent.title", id: "Consent to share information")
/// entry.translation = "Consimțământ pentru schimbul de informații"
/// entry.references = ["consent-data-sharing/template.xml:4"]
/// ```
///
/// Equality ignores ``line`` and ``translationLine``: they tell where an entry was read,
/// not what it says.
public struct POEntry: Sendable, Hashable {
    /// `# …` lines, without the `#` and the one space after it.
    public var translatorComments: [String]
    /// `#. …` lines, written by extraction tools for translators.
    public var extractedComments: [String]
    /// Source references from `#:` lines, one `file:line` per element.
    public var references: [String]
    /// Flags from `#,` lines (`fuzzy`, `c-format`, `no-wrap` …), in file order.
    public var flags: [String]
    /// `#| msgctxt`: the context before the last merge, shown to translators of fuzzy entries.
    public var previousContext: String?
    /// `#| msgid`: the source before the last merge, so a translator can see what changed.
    public var previousID: String?
    /// `#| msgid_plural`.
    public var previousIDPlural: String?
    /// `msgctxt`; in Formwright, the message id (`consent.title`).
    public var context: String?
    /// `msgid`; in Formwright, the English MessageFormat source. Empty for the header.
    public var id: String
    /// `msgid_plural`. Formwright keeps plurals inside MessageFormat, so its own files
    /// never have one; it is read so that files from other tools do not fail.
    public var idPlural: String?
    /// `msgstr`, for entries without ``idPlural``.
    public var translation: String
    /// `msgstr[0]`, `msgstr[1]` …, for entries with ``idPlural``.
    public var pluralTranslations: [String]
    /// True for `#~` entries: kept by gettext tools for reuse, never used for lookup.
    public var isObsolete: Bool
    /// The 1-based line of the entry's first keyword (`msgctxt` or `msgid`); 0 if built in code.
    public var line: Int
    /// The 1-based line of `msgstr` (or `msgstr[0]`); 0 if built in code.
    public var translationLine: Int

    public init(
        context: String? = nil, id: String, translation: String = "",
        translatorComments: [String] = [], extractedComments: [String] = [],
        references: [String] = [], flags: [String] = [],
        previousContext: String? = nil, previousID: String? = nil, previousIDPlural: String? = nil,
        idPlural: String? = nil, pluralTranslations: [String] = [],
        isObsolete: Bool = false, line: Int = 0, translationLine: Int = 0
    ) {
        self.translatorComments = translatorComments
        self.extractedComments = extractedComments
        self.references = references
        self.flags = flags
        self.previousContext = previousContext
        self.previousID = previousID
        self.previousIDPlural = previousIDPlural
        self.context = context
        self.id = id
        self.idPlural = idPlural
        self.translation = translation
        self.pluralTranslations = pluralTranslations
        self.isObsolete = isObsolete
        self.line = line
        self.translationLine = translationLine
    }

    /// True for the header entry: `msgid ""` without context, not obsolete.
    public var isHeader: Bool { id.isEmpty && context == nil && !isObsolete }

    /// True when the entry carries the `fuzzy` flag: a guess awaiting review, not used for lookup.
    public var isFuzzy: Bool {
        get { flags.contains("fuzzy") }
        set {
            if newValue, !isFuzzy { flags.insert("fuzzy", at: 0) }
            if !newValue { flags.removeAll { $0 == "fuzzy" } }
        }
    }

    /// The key gettext uses to tell entries apart: context and source together.
    public var key: Key { Key(context: context, id: id) }

    /// `(msgctxt, msgid)`, unique among the non-obsolete entries of a file.
    public struct Key: Sendable, Hashable {
        public var context: String?
        public var id: String
        public init(context: String?, id: String) {
            self.context = context
            self.id = id
        }
    }

    public static func == (a: POEntry, b: POEntry) -> Bool {
        a.translatorComments == b.translatorComments && a.extractedComments == b.extractedComments
            && a.references == b.references && a.flags == b.flags
            && a.previousContext == b.previousContext && a.previousID == b.previousID
            && a.previousIDPlural == b.previousIDPlural && a.context == b.context && a.id == b.id
            && a.idPlural == b.idPlural && a.translation == b.translation
            && a.pluralTranslations == b.pluralTranslations && a.isObsolete == b.isObsolete
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(context)
        hasher.combine(id)
        hasher.combine(idPlural)
        hasher.combine(translation)
        hasher.combine(pluralTranslations)
        hasher.combine(isObsolete)
        hasher.combine(flags)
    }
}
