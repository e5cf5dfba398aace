import Localization

extension NationalIdentifier {
    static let egnWeights = [2, 4, 8, 5, 10, 9, 7, 3, 6]

    /// Weighted sum mod 11; a remainder of 10 gives 0.
    static func egnCheckDigit(_ first9: ArraySlice<Int>) -> Int {
        let r = zip(egnWeights, first9).reduce(0) { $0 + $1.0 * $1.1 } % 11
        return r == 10 ? 0 : r
    }

    /// The birth date: month 01–12 → 1900s, 21–32 → 1800s, 41–52 → 2000s.
    static func egnBirthDate(_ d: [Int]) -> CalendarDate? {
        let yy = number(d[0..<2]), mm = number(d[2..<4]), dd = number(d[4..<6])
        switch mm {
        case 1...12: return CalendarDate(year: 1900 + yy, month: mm, day: dd)
        case 21...32: return CalendarDate(year: 1800 + yy, month: mm - 20, day: dd)
        case 41...52: return CalendarDate(year: 2000 + yy, month: mm - 40, day: dd)
        default: return nil
        }
    }

    static func checkEGN(_ text: String, today: CalendarDate) -> NationalIdentifierProblem? {
        guard text.count == 10 else { return lengthProblem(text.count, expected: 10, unit: "digits") }
        guard let d = digits(text) else { return .init(.format, "only the digits 0–9 are allowed") }
        guard let born = egnBirthDate(d) else {
            return .init(.date, "the first six digits are not a real birth date (YYMMDD, the month +20 for the 1800s, +40 from 2000)")
        }
        if born > today { return .init(.futureDate, "the birth date in the first six digits lies in the future") }
        if egnCheckDigit(d[0..<9]) != d[9] {
            return .init(.checksum, "the check digit (the last one) does not match the others: a digit may be mistyped")
        }
        return nil
    }
}
