/// A BCP 47 language tag read into its subtags: language, optional script and region
/// (`sr-Cyrl-RS` is language `sr`, script `Cyrl`, region `RS`), written back in canonical
/// case (`sr_cyrl_rs` → `sr-Cyrl-RS`).
///
/// ```swift
/// let tag = LocaleTag("sr_cyrl_rs")!
/// tag.language          // "sr"
/// tag.script            // "Cyrl"
/// tag.region            // "RS"
/// tag.description       // "sr-Cyrl-RS"
/// tag.truncated         // sr-Cyrl
/// LocaleTag("es-419")?.region   // "419"
/// ```
public struct LocaleTag: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// Two or three lower-case letters (`uk`, `ro`).
    public let language: String
    /// Four letters, title case (`Cyrl`, `Latn`), if given.
    public let script: String?
    /// Two upper-case letters or three digits (`MD`, `419`), if given.
    public let region: String?
    /// Variants (`1996`, `valencia`), lower case, in order.
    public let variants: [String]

    /// Reads `language[-script][-region][-variant…]`, with `-` or `_`, in any case; nil for
    /// anything else (extensions and private use are not locale identity, so they are refused).
    public init?(_ text: String) {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let first = subtags.first, (2...3).contains(first.count), first.allSatisfy(\.isASCIILetter) else { return nil }
        language = first.lowercased()
        var rest = subtags.dropFirst()
        if let next = rest.first, next.count == 4, next.allSatisfy(\.isASCIILetter) {
            script = next.prefix(1).uppercased() + next.dropFirst().lowercased()
            rest = rest.dropFirst()
        } else {
            script = nil
        }
        if let next = rest.first,
           (next.count == 2 && next.allSatisfy(\.isASCIILetter)) || (next.count == 3 && next.allSatisfy(\.isASCIIDigit)) {
            region = next.uppercased()
            rest = rest.dropFirst()
        } else {
            region = nil
        }
        var variants: [String] = []
        for subtag in rest {
            let isVariant = (5...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
                || (subtag.count == 4 && subtag.first!.isASCIIDigit && subtag.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit })
            guard isVariant else { return nil }
            variants.append(subtag.lowercased())
        }
        self.variants = variants
    }

    public init(stringLiteral value: String) {
        guard let tag = LocaleTag(value) else { preconditionFailure("'\(value)' is not a BCP 47 language tag") }
        self = tag
    }

    /// The tag with its last subtag removed (`sr-Cyrl-RS` → `sr-Cyrl` → `sr`), as CLDR's
    /// fallback truncates; nil for a bare language.
    public var truncated: LocaleTag? {
        if !variants.isEmpty { return LocaleTag(language: language, script: script, region: region, variants: variants.dropLast()) }
        if region != nil { return LocaleTag(language: language, script: script, region: nil, variants: []) }
        if script != nil { return LocaleTag(language: language, script: nil, region: nil, variants: []) }
        return nil
    }

    public var description: String {
        ([language] + [script, region].compactMap { $0 } + variants).joined(separator: "-")
    }

    public static func < (a: LocaleTag, b: LocaleTag) -> Bool { a.description < b.description }

    private init(language: String, script: String?, region: String?, variants: [String]) {
        self.language = language
        self.script = script
        self.region = region
        self.variants = variants
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}
