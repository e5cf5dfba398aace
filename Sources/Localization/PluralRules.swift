/// CLDR plural rules of one locale: which ``PluralCategory`` a number takes.
///
/// The rules are CLDR rule texts (each locale's ``LocaleDefinition`` holds its own),
/// compiled once; supporting another locale means adding its rule texts, not code.
///
/// ```swift
/// let ro = PluralRules.cardinal(.ro)
/// ro.category(for: PluralOperands(1))    // .one    "1 copil"
/// ro.category(for: PluralOperands(3))    // .few    "3 copii"
/// ro.category(for: PluralOperands(20))   // .other  "20 de copii"
/// PluralRules.ordinal(.en).category(for: PluralOperands(22))   // .two  "22nd"
/// ```
public struct PluralRules: Sendable, Hashable {
    /// The rules in CLDR order; a number takes the first category whose condition holds, else `other`.
    let rules: [(category: PluralCategory, condition: Condition)]

    /// The categories this locale uses, `other` included, in CLDR order.
    public var categories: [PluralCategory] { rules.map(\.category) + [.other] }

    /// Compiles rule texts such as `["one": "i = 1 and v = 0"]`.
    /// Samples (`@integer …`, `@decimal …`) are allowed and ignored.
    ///
    /// - Throws: ``PluralRuleSyntaxError`` naming the rule and the position in it.
    public init(_ texts: [PluralCategory: String]) throws(PluralRuleSyntaxError) {
        var compiled: [(PluralCategory, Condition)] = []
        for category in texts.keys.sorted() where category != .other {
            compiled.append((category, try Condition.parse(texts[category]!, category: category)))
        }
        rules = compiled
    }

    /// The cardinal rules (`{n, plural, …}`) of a locale, following its fallback chain.
    public static func cardinal(_ locale: LocaleID) -> PluralRules {
        compiledCardinal[locale.identifier]!
    }

    /// The ordinal rules (`{n, selectordinal, …}`) of a locale, following its fallback chain.
    public static func ordinal(_ locale: LocaleID) -> PluralRules {
        compiledOrdinal[locale.identifier]!
    }

    /// The category of a number.
    public func category(for operands: PluralOperands) -> PluralCategory {
        for rule in rules where rule.condition.holds(for: operands) { return rule.category }
        return .other
    }

    public static func == (a: PluralRules, b: PluralRules) -> Bool {
        a.rules.map(\.category) == b.rules.map(\.category) && a.rules.map(\.condition) == b.rules.map(\.condition)
    }

    public func hash(into hasher: inout Hasher) {
        for rule in rules {
            hasher.combine(rule.category)
            hasher.combine(rule.condition)
        }
    }

    private static let compiledCardinal = compile(\.cardinalRules)
    private static let compiledOrdinal = compile(\.ordinalRules)

    /// Every registered locale's rules, the first texts along its fallback chain.
    private static func compile(_ texts: KeyPath<LocaleDefinition, [PluralCategory: String]?>) -> [String: PluralRules] {
        var table: [String: PluralRules] = [:]
        for definition in LocaleDefinition.all {
            let found = definition.id.fallbackChain.lazy.compactMap { $0.definition[keyPath: texts] }.first ?? [:]
            do {
                table[definition.tag.description] = try PluralRules(found)
            } catch {
                preconditionFailure("built-in CLDR plural rule of \(definition.tag) does not compile: \(error)")
            }
        }
        return table
    }
}

/// A plural rule text that does not follow CLDR's syntax.
public struct PluralRuleSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category whose rule is wrong.
    public let category: PluralCategory
    /// The rule text.
    public let rule: String
    /// Character offset in `rule`.
    public let offset: Int
    /// What was expected.
    public let message: String

    public var description: String {
        "plural rule '\(category.rawValue): \(rule)' at \(offset): \(message)"
    }
}
