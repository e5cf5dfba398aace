/// Everything Formwright knows about one locale, in one value: its tag, where lookups fall
/// back to, its CLDR formatting data and plural rules, and the conventions of its official
/// documents. Every locale is one file in `Sources/Localization/Locales/` holding its
/// definition; adding a locale is adding such a file, listing it in ``all``, and writing its
/// catalogs (docs/LOCALES.md walks through `uk`).
///
/// ```swift
/// let uk = LocaleDefinition.of(.uk)
/// uk.tag.language                    // "uk"
/// uk.documentLanguage                // uk-UA (fo:language / w:lang)
/// uk.sealMark                        // "М.П."
/// uk.quotes.open                     // "«"
/// LocaleID.roMD.fallbackChain        // [ro-MD, ro, en]
/// ```
public struct LocaleDefinition: Sendable {
    /// The locale's own tag: what `--locale` and `locales/<tag>/` use.
    public let tag: LocaleTag
    /// The English name, for catalog headers and messages (`Ukrainian`).
    public let englishName: String
    /// The locale lookups continue in when this one has no message or no data; nil means
    /// "truncate the tag" (`ro-MD` → `ro`) and then the source locale `en`.
    public let explicitParent: LocaleTag?
    /// Language with region for office documents (`uk-UA`): ODT `fo:language`/`fo:country`,
    /// DOCX `w:lang`, and the PDF's language; what spell-checking is keyed on.
    public let documentLanguage: LocaleTag
    /// The hyphenation dictionary's language (`uk-UA`, LibreOffice `hyph_uk_UA`), when it is
    /// not ``documentLanguage``.
    public let hyphenationLanguage: LocaleTag
    /// The mark printed where a seal goes (locus sigilli): `L.S.`, `М.П.`, `L.Ş.`. The
    /// catalog's `common.seal-mark` translates to exactly this (a test holds them together).
    public let sealMark: String
    /// Quotation marks (CLDR `delimiters`).
    public let quotes: QuotationMarks
    /// gettext's `Plural-Forms` header, for Poedit and Weblate (Formwright itself keeps plurals
    /// in MessageFormat and uses ``cardinalRules``).
    public let gettextPluralForms: String?
    /// True when every bundled template is translated and has example data in this locale:
    /// ``LocaleID/supported`` lists these. A locale that is not complete renders, with the
    /// untranslated messages in English and reported.
    public let isComplete: Bool
    /// CLDR cardinal plural rule texts; nil takes the parent's.
    let cardinalRules: [PluralCategory: String]?
    /// CLDR ordinal plural rule texts; nil takes the parent's.
    let ordinalRules: [PluralCategory: String]?
    /// CLDR formatting data, complete (a regional locale derives it from its parent's).
    let data: LocaleData

    init(
        tag: LocaleTag, englishName: String, parent: LocaleTag? = nil,
        documentLanguage: LocaleTag, hyphenationLanguage: LocaleTag? = nil,
        sealMark: String, quotes: QuotationMarks, gettextPluralForms: String?, isComplete: Bool = true,
        cardinalRules: [PluralCategory: String]?, ordinalRules: [PluralCategory: String]?,
        data: LocaleData
    ) {
        self.tag = tag
        self.englishName = englishName
        explicitParent = parent
        self.documentLanguage = documentLanguage
        self.hyphenationLanguage = hyphenationLanguage ?? documentLanguage
        self.sealMark = sealMark
        self.quotes = quotes
        self.gettextPluralForms = gettextPluralForms
        self.isComplete = isComplete
        self.cardinalRules = cardinalRules
        self.ordinalRules = ordinalRules
        self.data = data
    }

    /// The locale as a ``LocaleID``.
    public var id: LocaleID { LocaleID(registered: tag.description) }

    /// The country's all-numeric date form (`dd.MM.y`), the `numeric` ``DateStyle``.
    public var numericDatePattern: String { data.datePatterns[.numeric]!.text }

    /// CLDR plural categories this locale's cardinal rules use, `other` last.
    public var pluralCategories: [PluralCategory] { PluralRules.cardinal(id).categories }

    // MARK: Registry

    /// Every locale Formwright can render in: the source locale `en` first, then the
    /// translations, then the pseudo-locale `qps`. Adding a locale is adding it here.
    public static let all: [LocaleDefinition] = [.en, .bg, .ro, .roMD, .it, .uk, .pseudo]

    private static let byTag: [String: LocaleDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.tag.description, $0) })

    /// The definition of a locale. Every ``LocaleID`` has one.
    public static func of(_ locale: LocaleID) -> LocaleDefinition {
        byTag[locale.identifier]!
    }

    /// The registered definition with this exact tag, if any.
    public static func registered(_ tag: LocaleTag) -> LocaleDefinition? {
        byTag[tag.description]
    }
}

/// A language's quotation marks, outer and inner (CLDR `quotationStart`/`quotationEnd`,
/// `alternateQuotationStart`/`alternateQuotationEnd`).
public struct QuotationMarks: Sendable, Hashable {
    public let open: Character
    public let close: Character
    public let alternateOpen: Character
    public let alternateClose: Character

    public init(_ open: Character, _ close: Character, alternate alternateOpen: Character, _ alternateClose: Character) {
        self.open = open
        self.close = close
        self.alternateOpen = alternateOpen
        self.alternateClose = alternateClose
    }
}
