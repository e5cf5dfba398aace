extension LocaleDefinition {
    /// `qps`, the pseudo-locale: English data and rules, English pseudo-localized messages
    /// (``Pseudolocalization``), and CLDR's tag for accented pseudo-English in documents
    /// (a valid language-region pair for office suites).
    static let pseudo = LocaleDefinition(
        tag: "qps", englishName: "Pseudo-English", parent: "en", documentLanguage: "en-XA", hyphenationLanguage: "en-GB",
        sealMark: en.sealMark, quotes: en.quotes, gettextPluralForms: en.gettextPluralForms, isComplete: false,
        cardinalRules: nil, ordinalRules: nil,
        data: .en)
}
