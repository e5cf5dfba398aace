// CLDR 47 plural rules (ICU 77.1 `plurals` data), keyed by language. A locale whose
// language is missing here falls back along its chain (`ro-MD` → `ro`); adding a
// language is adding its rule texts. Categories without a rule are `other`.

extension PluralRules {
    static let cardinalRuleTexts: [String: [PluralCategory: String]] = [
        "en": [.one: "i = 1 and v = 0 @integer 1"],
        "bg": [.one: "n = 1 @integer 1 @decimal 1.0, 1.00, 1.000, 1.0000"],
        "ro": [
            .one: "i = 1 and v = 0 @integer 1",
            .few: "v != 0 or n = 0 or n != 1 and n % 100 = 1..19 @integer 0, 2~16, 101, 1001, … @decimal 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, …",
        ],
        "it": [
            .one: "i = 1 and v = 0 @integer 1",
            .many: "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5 @integer 1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6, … @decimal 1.0000001c6, 1.1c6, 2.0000001c6, 2.1c6, 3.0000001c6, 3.1c6, …",
        ],
    ]

    static let ordinalRuleTexts: [String: [PluralCategory: String]] = [
        "en": [
            .one: "n % 10 = 1 and n % 100 != 11 @integer 1, 21, 31, 41, 51, 61, 71, 81, 101, 1001, …",
            .two: "n % 10 = 2 and n % 100 != 12 @integer 2, 22, 32, 42, 52, 62, 72, 82, 102, 1002, …",
            .few: "n % 10 = 3 and n % 100 != 13 @integer 3, 23, 33, 43, 53, 63, 73, 83, 103, 1003, …",
        ],
        "bg": [:],
        "ro": [.one: "n = 1 @integer 1"],
        "it": [.many: "n = 11,8,80,800 @integer 8, 11, 80, 800"],
    ]
}
