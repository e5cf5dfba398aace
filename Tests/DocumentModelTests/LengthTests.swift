import Testing
@testable import DocumentModel

@Suite struct LengthTests {
    @Test(arguments: [
        ("20mm", 2000), ("12.5mm", 1250), ("2cm", 2000), ("72pt", 2540), ("1in", 2540), ("0mm", 0),
        ("10000mm", 1_000_000), ("1000cm", 1_000_000),
    ])
    func parsesLengthsUpToTheLimit(_ text: String, _ hundredths: Int) {
        #expect(Length(parsing: text)?.hundredthsOfMillimetre == hundredths)
    }

    /// Past the limit, negative, not finite or without a unit: nil, never a trap. The first two
    /// came from fuzz-template, where such a width overflowed `Int` in the writers' units.
    @Test(arguments: [
        "777777777777777777777777740mm", "1e300in", "10000.01mm", "-1mm", "infmm", "nanmm", "20", "mm", "20 mm",
    ])
    func rejectsWhatNoPageHolds(_ text: String) {
        #expect(Length(parsing: text) == nil)
    }

    @Test func theLimitFitsEveryWriterUnit() {
        let limit = Length.parsingLimit
        #expect(limit.twips == 566_929)
        #expect(limit.odf == "10000mm")
    }
}
