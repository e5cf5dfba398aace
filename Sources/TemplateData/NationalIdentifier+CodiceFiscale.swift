import Localization

extension NationalIdentifier {
    /// Value of A–Z (and of 0–9, which count as A–J) in an odd position (1st, 3rd, … 15th).
    static let cfOdd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
    /// January … December.
    static let cfMonths: [UInt8] = Array("ABCDEHLMPRST".utf8)
    /// Omocodia: these letters replace the digits 0…9 when two people would share a code.
    static let cfOmocode: [UInt8] = Array("LMNPQRSTUV".utf8)
    static let cfLetterPositions = [0, 1, 2, 3, 4, 5, 8, 11, 15]
    static let cfDigitPositions = [6, 7, 9, 10, 12, 13, 14]

    static func isLetter(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Odd positions take the odd table, even positions 0–25 (digits 0–9); sum mod 26 → A–Z.
    static func cfCheckLetter(_ first15: ArraySlice<UInt8>) -> UInt8 {
        var total = 0
        for (i, c) in first15.enumerated() {
            let value = isDigit(c) ? Int(c - 0x30) : Int(c - 0x41)
            total += i % 2 == 0 ? cfOdd[value] : value
        }
        return UInt8(0x41 + total % 26)
    }

    static func checkCodiceFiscale(_ text: String, today: CalendarDate) -> NationalIdentifierProblem? {
        guard text.count == 16 else { return lengthProblem(text.count, expected: 16, unit: "characters") }
        let s = Array(text.uppercased().utf8)
        guard s.count == 16, s.allSatisfy({ isLetter($0) || isDigit($0) }) else {
            return .init(.format, "only the letters A–Z and the digits 0–9 are allowed")
        }
        for i in cfLetterPositions where !isLetter(s[i]) {
            return .init(.format, "position \(i + 1) must be a letter")
        }
        var digit: [Int: Int] = [:]
        for i in cfDigitPositions {
            if isDigit(s[i]) {
                digit[i] = Int(s[i] - 0x30)
            } else if let v = cfOmocode.firstIndex(of: s[i]) {
                digit[i] = v
            } else {
                return .init(.format, "position \(i + 1) must be a digit (or one of the letters L M N P Q R S T U V)")
            }
        }
        guard let monthIndex = cfMonths.firstIndex(of: s[8]) else {
            return .init(.month, "the 9th character is not a month letter (A B C D E H L M P R S T)")
        }
        // Female: day + 40.
        var day = digit[9]! * 10 + digit[10]!
        if day > 40 { day -= 40 }
        let yy = digit[6]! * 10 + digit[7]!
        let dates = [1900, 2000].compactMap { CalendarDate(year: $0 + yy, month: monthIndex + 1, day: day) }.filter { $0 <= today }
        if dates.isEmpty { return .init(.date, "characters 7–11 are not a real past birth date") }
        if cfCheckLetter(s[0..<15]) != s[15] {
            return .init(.checksum, "the check letter (the last character) does not match the others: a character may be mistyped")
        }
        return nil
    }
}
