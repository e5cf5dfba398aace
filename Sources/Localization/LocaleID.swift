import Foundation

/// One of the locales Formwright ships: `bg`, `ro`, `ro-MD`, `it`, `en`.
///
/// Lookup of messages and of formatting data walks ``fallbackChain``
/// (`ro-MD → ro → en`), so a locale holds only what differs from its parent.
///
/// ```swift
/// let md = LocaleID("ro-MD")!
/// md.fallbackChain.map(\.identifier)   // ["ro-MD", "ro", "en"]
/// md.documentLanguage                  // "ro-MD"
/// ```
public struct LocaleID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The canonical BCP 47 identifier (`ro-MD`).
    public let identifier: String

    private init(canonical: String) { identifier = canonical }

    /// Accepts the supported locales in any case, with `-` or `_` (`ro_md`, `RO-MD`);
    /// returns nil for anything else. `qps` is the pseudo-locale.
    public init?(_ tag: String) {
        let normalized = tag.replacingOccurrences(of: "_", with: "-").lowercased()
        guard let match = LocaleID.all.first(where: { $0.identifier.lowercased() == normalized }) else { return nil }
        self = match
    }

    public static let en = LocaleID(canonical: "en")
    public static let bg = LocaleID(canonical: "bg")
    public static let ro = LocaleID(canonical: "ro")
    public static let roMD = LocaleID(canonical: "ro-MD")
    public static let it = LocaleID(canonical: "it")

    /// The locales documents are rendered in, source locale first.
    public static let supported: [LocaleID] = [.en, .bg, .ro, .roMD, .it]

    // MARK: Pseudo-locale

    /// `qps`: English pseudo-localized (accented letters, longer text, brackets around each
    /// message; see ``Pseudolocalization``), so untranslated text and layout overflow show up.
    /// Not in ``supported`` (no catalogs); formats numbers, dates and plurals as `en`.
    ///
    /// ```swift
    /// LocaleID("qps") == .pseudo          // true
    /// LocaleID.pseudo.fallbackChain       // [qps, en]
    /// ```
    public static let pseudo = LocaleID(canonical: "qps")

    /// Every locale a document can be rendered in: ``supported`` and ``pseudo``.
    public static let renderable: [LocaleID] = supported + [.pseudo]

    private static let all: [LocaleID] = renderable

    /// The language subtag (`ro` for `ro-MD`).
    public var language: String { String(identifier.prefix { $0 != "-" }) }

    /// The region subtag, if any (`MD` for `ro-MD`).
    public var region: String? {
        guard let dash = identifier.firstIndex(of: "-") else { return nil }
        return String(identifier[identifier.index(after: dash)...])
    }

    /// The parent in the fallback chain: `ro-MD → ro → en`; `en` has none.
    public var parent: LocaleID? {
        if self == .en { return nil }
        if region != nil { return LocaleID(language) }
        return .en
    }

    /// This locale followed by its parents, ending with the source locale `en`.
    public var fallbackChain: [LocaleID] {
        var chain = [self]
        while let next = chain.last!.parent { chain.append(next) }
        return chain
    }

    /// Language with region for office documents (`bg-BG`, `ro-RO`, `ro-MD`, `it-IT`, `en-GB`):
    /// what spell-checking and hyphenation are keyed on.
    public var documentLanguage: String {
        switch identifier {
        case "bg": "bg-BG"
        case "ro": "ro-RO"
        case "it": "it-IT"
        case "en": "en-GB"
        // CLDR's tag for accented pseudo-English: a valid language-region pair for office suites.
        case "qps": "en-XA"
        default: identifier
        }
    }

    public var description: String { identifier }

    public static func < (a: LocaleID, b: LocaleID) -> Bool { a.identifier < b.identifier }
}
