import Localization

extension NationalIdentifier {
    static let cnpWeights = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]
    /// 01–46 counties and Bucharest sectors, 47–48 former sectors 7–8, 51 Călărași, 52 Giurgiu,
    /// 70 the integrated civil-status system; 80–83 are accepted though unconfirmed (ids.md §3).
    static let cnpCounties: Set<Int> = Set(1...48).union([51, 52, 70, 80, 81, 82, 83])
    /// First digit → century of birth; 7, 8 (resident foreigners) and 9 do not encode it.
    static let cnpCentury: [Int: Int] = [1: 1900, 2: 1900, 3: 1800, 4: 1800, 5: 2000, 6: 2000]

    /// Weighted sum ("279146358279") mod 11; a remainder of 10 gives 1.
    static func cnpCheckDigit(_ first12: ArraySlice<Int>) -> Int {
        let r = zip(cnpWeights, first12).reduce(0) { $0 + $1.0 * $1.1 } % 11
        return r == 10 ? 1 : r
    }

    static func checkCNP(_ text: String, today: CalendarDate) -> NationalIdentifierProblem? {
        guard text.count == 13 else { return lengthProblem(text.count, expected: 13, unit: "digits") }
        guard let d = digits(text) else { return .init(.format, "only the digits 0–9 are allowed") }
        guard d[0] != 0 else { return .init(.sexCentury, "the first digit (sex and century of birth) cannot be 0") }
        let yy = number(d[1..<3]), mm = number(d[3..<5]), dd = number(d[5..<7])
        if let century = cnpCentury[d[0]] {
            guard let born = CalendarDate(year: century + yy, month: mm, day: dd) else {
                return .init(.date, "digits 2–7 are not a real birth date (YYMMDD) in the century the first digit gives")
            }
            if born > today { return .init(.futureDate, "the birth date in digits 2–7 lies in the future") }
        } else {
            let candidates = [1900, 2000].compactMap { CalendarDate(year: $0 + yy, month: mm, day: dd) }.filter { $0 <= today }
            if candidates.isEmpty { return .init(.date, "digits 2–7 are not a real past birth date (YYMMDD)") }
        }
        guard cnpCounties.contains(number(d[7..<9])) else {
            return .init(.county, "digits 8–9 are not a county code in use")
        }
        guard number(d[9..<12]) != 0 else { return .init(.sequence, "the serial number (digits 10–12) cannot be 000") }
        if cnpCheckDigit(d[0..<12]) != d[12] {
            return .init(.checksum, "the check digit (the last one) does not match the others: a digit may be mistyped")
        }
        return nil
    }
}
