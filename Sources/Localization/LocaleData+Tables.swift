// Helpers for the per-locale data files in Locales/.

extension LocaleData {
    static func patterns<Key: Hashable>(_ texts: [Key: String]) -> [Key: DatePattern] {
        texts.mapValues(DatePattern.init)
    }

    /// Compact patterns for 10^3 … 10^14; `"0"` means "not compacted".
    static func compactTable(_ texts: [String]) -> [Int: NumberPattern?] {
        var table: [Int: NumberPattern?] = [:]
        for (index, text) in texts.enumerated() {
            table[index + 3] = text == "0" ? .some(nil) : NumberPattern(text)
        }
        return table
    }
}
