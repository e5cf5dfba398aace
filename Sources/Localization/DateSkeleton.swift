/// ICU date skeletons (`::yMMMd`, `::dMMMMy`): which fields to show, in any order;
/// the locale decides the pattern. Skeletons are matched after putting the fields in
/// canonical order (`dMMMMy` → `yMMMMd`) against the locale's CLDR available formats.
enum DateSkeleton {
    private static let fieldOrder: [Character] = Array("GyYuQqMLEcdahHKkjJmsSzv")

    /// The canonical form, or nil when a character is not a date field letter.
    static func canonical(_ skeleton: String) -> String? {
        var characters: [Character] = []
        for character in skeleton {
            guard fieldOrder.contains(character) else { return nil }
            characters.append(character)
        }
        // A stable sort keeps repeated letters together (MMMM).
        let ordered = characters.enumerated().sorted { a, b in
            let ia = fieldOrder.firstIndex(of: a.element)!, ib = fieldOrder.firstIndex(of: b.element)!
            return ia == ib ? a.offset < b.offset : ia < ib
        }
        return String(ordered.map(\.element))
    }

    /// The skeletons every locale has a pattern for, for error messages.
    static var supported: [String] { LocaleData.en.skeletonPatterns.keys.sorted() }

    /// True when every locale can format the skeleton.
    static func isSupported(canonical: String) -> Bool {
        LocaleData.en.skeletonPatterns[canonical] != nil
    }
}
