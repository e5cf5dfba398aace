import Localization
import Testing

@testable import TemplateData

@Suite("Spelling")
struct SpellingTests {
    @Test(
        "edit distance counts swaps of neighbours as one edit",
        arguments: [
            ("type", "tpye", 1), ("required", "requird", 1), ("", "abc", 3), ("kitten", "sitting", 3),
            ("same", "same", 0),
        ])
    func distance(a: String, b: String, expected: Int) {
        #expect(Spelling.distance(a, b) == expected)
        #expect(Spelling.distance(b, a) == expected)
    }
}
