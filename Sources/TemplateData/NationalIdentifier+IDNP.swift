import Localization

extension NationalIdentifier {
    /// Weights 7, 3, 1 repeated over the first 12 digits; sum mod 10.
    static func idnpCheckDigit(_ first12: ArraySlice<Int>) -> Int {
        let weights = [7, 3, 1]
        return first12.enumerated().reduce(0) { $0 + weights[$1.offset % 3] * $1.element } % 10
    }

    /// The structure rules (prefix, year of assignment) are less certain than the check digit
    /// (ids.md §4): if a real IDNP is refused, relax those, never the check digit.
    static func checkIDNP(_ text: String, today: CalendarDate) -> NationalIdentifierProblem? {
        guard text.count == 13 else { return lengthProblem(text.count, expected: 13, unit: "digits") }
        guard let d = digits(text) else { return .init(.format, "only the digits 0–9 are allowed") }
        switch d[0] {
        case 1:
            return .init(.isIDNO, "it starts with 1, which marks a legal entity's IDNO, not a person's IDNP")
        case 2:
            let year = 2000 + number(d[1..<4])
            if number(d[1..<4]) > 99 || year > today.year {
                return .init(.assignYear, "digits 2–4 are not a possible year of assignment")
            }
        case 0:
            if d[1] != 9 { return .init(.assignYear, "an IDNP starting with 0 must start with 09 (assigned in the 1990s)") }
        default:
            return .init(.prefix, "an IDNP starts with 2 (or 09 for numbers assigned in the 1990s)")
        }
        if idnpCheckDigit(d[0..<12]) != d[12] {
            return .init(.checksum, "the check digit (the last one) does not match the others: a digit may be mistyped")
        }
        return nil
    }
}
