/// A locale Formwright can render in, by its tag (`ro-MD`, `uk`); what it means is its
/// ``LocaleDefinition`` in the registry (``LocaleDefinition/all``).
///
/// Lookup of messages and of formatting data walks ``fallbackChain``
/// (`ro-MD → ro → en`), so a locale holds only what differs from its parent.
///
/// ```swift
/// let md = LocaleID("ro-MD")!
/// md.fallbackChain.map(\.identifier)   // ["ro-MD", "ro", "en"]
/// md.documentLanguage                  // "ro-MD"
/// LocaleID("uk")?.documentLanguage     // "uk-UA"
/// ```
public struct LocaleID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The canonical BCP 47 identifier (`ro-MD`).
    public let identifier: String

    /// Only for tags in the registry.
    init(registered canonical: String) { identifier = canonical }

    /// Accepts a registered locale in any case, with `-` or `_` (`ro_md`, `RO-MD`);
    /// returns nil for anything else. `qps` is the pseudo-locale.
    public init?(_ tag: String) {
        guard let parsed = LocaleTag(tag), let definition = LocaleDefinition.registered(parsed) else { return nil }
        self = definition.id
    }

    public static let en = LocaleID(registered: "en")
    public static let bg = LocaleID(registered: "bg")
    public static let ro = LocaleID(registered: "ro")
    public static let roMD = LocaleID(registered: "ro-MD")
    public static let it = LocaleID(registered: "it")
    public static let uk = LocaleID(registered: "uk")

    /// The locales every bundled template is translated into (and has example data for),
    /// source locale first: what `demo` and `--locale all` render. A registered locale that is
    /// not complete yet (`uk`: only `common` is translated) is in ``registered``, not here.
    public static let supported: [LocaleID] = LocaleDefinition.all.filter { $0.isComplete && $0.tag != "qps" }.map(\.id)

    /// Every locale with a definition and catalogs, complete or not (``supported`` and `uk`).
    public static let registered: [LocaleID] = LocaleDefinition.all.filter { $0.tag != "qps" }.map(\.id)

    // MARK: Pseudo-locale

    /// `qps`: English pseudo-localized (accented letters, longer text, brackets around each
    /// message; see ``Pseudolocalization``), so untranslated text and layout overflow show up.
    /// Not in ``supported`` (no catalogs); formats numbers, dates and plurals as `en`.
    ///
    /// ```swift
    /// LocaleID("qps") == .pseudo          // true
    /// LocaleID.pseudo.fallbackChain       // [qps, en]
    /// ```
    public static let pseudo = LocaleID(registered: "qps")

    /// Every locale a document can be rendered in: ``registered`` and ``pseudo``.
    public static let renderable: [LocaleID] = registered + [.pseudo]

    /// The locale's definition: data, plural rules, document conventions.
    public var definition: LocaleDefinition { LocaleDefinition.of(self) }

    /// The tag read into its subtags.
    public var tag: LocaleTag { LocaleTag(identifier)! }

    /// The language subtag (`ro` for `ro-MD`).
    public var language: String { tag.language }

    /// The script subtag, if any (`Cyrl` for `sr-Cyrl-RS`).
    public var script: String? { tag.script }

    /// The region subtag, if any (`MD` for `ro-MD`).
    public var region: String? { tag.region }

    /// The parent in the fallback chain: the definition's own parent, else the nearest
    /// registered truncation of the tag (`ro-MD → ro`), else the source locale; `en` has none.
    public var parent: LocaleID? {
        if self == .en { return nil }
        let definition = definition
        if let explicit = definition.explicitParent { return LocaleDefinition.registered(explicit)?.id ?? .en }
        var tag = definition.tag.truncated
        while let candidate = tag {
            if let found = LocaleDefinition.registered(candidate) { return found.id }
            tag = candidate.truncated
        }
        return .en
    }

    /// This locale followed by its parents, ending with the source locale `en`.
    public var fallbackChain: [LocaleID] {
        var chain = [self]
        while let next = chain.last!.parent { chain.append(next) }
        return chain
    }

    /// Language with region for office documents (`bg-BG`, `ro-RO`, `ro-MD`, `it-IT`, `uk-UA`,
    /// `en-GB`): what spell-checking and hyphenation are keyed on.
    public var documentLanguage: String { definition.documentLanguage.description }

    public var description: String { identifier }

    public static func < (a: LocaleID, b: LocaleID) -> Bool { a.identifier < b.identifier }
}
