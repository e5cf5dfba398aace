/// "Did you mean" matching for keys, keywords, element and filter names, used by every
/// module that reports a mistyped word.
///
/// ```swift
/// Spelling.closest(to: "requird", among: ["required", "properties"])   // "required"
/// ```
public enum Spelling {
    /// Edit distance by character, counting insertions, deletions, substitutions and swaps of
    /// two neighbours (optimal string alignment), so `tpye` is one edit from `type`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// Letters and digits only, lowercased: `birthDate`, `birth_date` and `Birth-Date` agree.
    public static func folded(_ s: String) -> String {
        String(s.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// True when `typed` is plausibly a misspelling of `intended`: same words ignoring case and
    /// separators, or at most 2 edits apart (1 for names of 4 characters or fewer).
    public static func isLikelyMisspelling(_ typed: String, of intended: String) -> Bool {
        guard typed != intended else { return false }
        if folded(typed) == folded(intended) && !folded(typed).isEmpty { return true }
        let allowed = min(typed.count, intended.count) <= 4 ? 1 : 2
        return distance(typed.lowercased(), intended.lowercased()) <= allowed
    }

    /// The candidate `typed` most likely misspells, if any (closest first, then first listed).
    public static func closest(to typed: String, among candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, score: Int)?
        for candidate in candidates where isLikelyMisspelling(typed, of: candidate) {
            let score = folded(typed) == folded(candidate) ? 0 : distance(typed.lowercased(), candidate.lowercased())
            if best == nil || score < best!.score { best = (candidate, score) }
        }
        return best?.candidate
    }
}
