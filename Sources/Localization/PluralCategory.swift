/// A CLDR plural category. Which categories a locale uses, and for which numbers,
/// comes from its ``PluralRules``.
///
/// ```swift
/// PluralRules.cardinal(.ro).category(for: PluralOperands(20))   // .other  ("20 de copii")
/// ```
public enum PluralCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    /// CLDR's order, in which rules are tried; `other` is the fallback.
    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        a.order < b.order
    }

    private var order: Int {
        switch self {
        case .zero: 0
        case .one: 1
        case .two: 2
        case .few: 3
        case .many: 4
        case .other: 5
        }
    }
}
