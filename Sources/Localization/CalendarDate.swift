public import Foundation

/// A day in the Gregorian calendar with no time and no time zone: what a form's
/// date field holds (a birth date, a deadline).
///
/// ```swift
/// let deadline = CalendarDate(iso: "2026-11-22")!
/// LocaleFormatter(locale: .bg).date(deadline, style: .long)   // "22 ноември 2026 г."
/// ```
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The Gregorian year (`2026`).
    public let year: Int
    /// 1…12.
    public let month: Int
    /// 1…31, valid for the month.
    public let day: Int

    /// Nil when the day does not exist (`2026-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601 calendar date, four-digit year).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day of `2026-11-22` or of an RFC 3339 date-time such as `2026-11-22T10:30:00+02:00`
    /// (its date as written, no time-zone conversion); nil for anything else, including
    /// `2026-11-22garbage`.
    ///
    /// ```swift
    /// CalendarDate(isoDateOrDateTime: "2026-11-22T10:30Z")   // 2026-11-22
    /// ```
    public init?(isoDateOrDateTime text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 10, let date = CalendarDate(iso: String(decoding: utf8[..<10], as: UTF8.self)) else { return nil }
        guard utf8.count > 10 else {
            self = date
            return
        }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(utf8[10]),
              CalendarDate.isTime(utf8[11...]) else { return nil }
        self = date
    }

    /// `hh:mm`, `hh:mm:ss`, `hh:mm:ss.fff`, each optionally followed by `Z` or `±hh:mm`.
    private static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes[...]
        func digits(_ n: Int) -> Bool {
            guard rest.count >= n, rest.prefix(n).allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            rest = rest.dropFirst(n)
            return true
        }
        func take(_ c: Character) -> Bool {
            guard rest.first == c.asciiValue else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard digits(2), take(":"), digits(2) else { return false }
        if take(":") {
            guard digits(2) else { return false }
            if take(".") {
                guard digits(1) else { return false }
                while let b = rest.first, (0x30...0x39).contains(b) { rest = rest.dropFirst() }
            }
        }
        if take("Z") || take("z") { return rest.isEmpty }
        if take("+") || take("-") { return digits(2) && take(":") && digits(2) && rest.isEmpty }
        return rest.isEmpty
    }

    /// The UTC day of an instant.
    public init(utcDayOf instant: Date) {
        let days = Int((instant.timeIntervalSince1970 / 86_400).rounded(.down))
        (year, month, day) = CalendarDate.civil(fromDays: days)
    }

    /// `2026-11-22`.
    public var iso: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    public var description: String { iso }

    /// 00:00:00 UTC on this day.
    public var startOfDayUTC: Date { Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 11) % 7 }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
