import Foundation

/// The built-in `format` checks.
enum StandardFormats {
    /// `YYYY-MM-DD`, a real calendar day (proleptic Gregorian, years 0001–9999).
    static let checkDate: FormatChecker.Check = { text in
        guard let (y, m, d) = parseISODate(Substring(text)) else { return "" }
        return calendarProblem(year: y, month: m, day: d)
    }

    /// RFC 3339 `date-time`: `2026-11-22T09:30:00Z`, fractional seconds and offsets allowed.
    static let checkDateTime: FormatChecker.Check = { text in
        let chars = Substring(text)
        guard chars.count >= 20, let (y, m, d) = parseISODate(chars.prefix(10)) else { return "" }
        if let problem = calendarProblem(year: y, month: m, day: d) { return problem }
        var rest = chars.dropFirst(10)
        guard let t = rest.first, t == "T" || t == "t" else { return "" }
        rest = rest.dropFirst()
        guard let hour = number(&rest, 2), colon(&rest), let minute = number(&rest, 2), colon(&rest),
            let second = number(&rest, 2)
        else { return "" }
        guard hour <= 23, minute <= 59, second <= 60 else { return "no such time of day" }
        if rest.first == "." {
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return "" }
            rest = rest.dropFirst(digits.count)
        }
        if rest == "Z" || rest == "z" { return nil }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return "the time zone (Z or ±HH:MM) is missing" }
        rest = rest.dropFirst()
        guard let offsetHour = number(&rest, 2), colon(&rest), let offsetMinute = number(&rest, 2), rest.isEmpty else {
            return ""
        }
        return offsetHour <= 23 && offsetMinute <= 59 ? nil : "no such time zone offset"
    }

    /// Loosely: one `@`, something before it, a dotted domain after it, no spaces.
    static let checkEmail: FormatChecker.Check = { text in
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0.isWhitespace }) else { return "" }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            return "the part after @ is not a domain name"
        }
        return nil
    }

    /// Rewrites day-first dates as written in bg/ro/it (`22.11.2026`, `22/11/2026`,
    /// `22.11.2026 г.`) and `2026/11/22` as ISO, when they are real days.
    static let suggestDate: FormatChecker.Suggest = { text in
        var trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
        for suffix in [" г.", "г.", " г"] where trimmed.hasSuffix(suffix) { trimmed = trimmed.dropLast(suffix.count) }
        let fields = trimmed.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" }).map(String.init)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let a = Int(fields[0]), let b = Int(fields[1]), let c = Int(fields[2])
        else { return nil }
        let (y, m, d) = fields[0].count == 4 ? (a, b, c) : fields[2].count == 4 ? (c, b, a) : (0, 0, 0)
        guard y > 0, calendarProblem(year: y, month: m, day: d) == nil else { return nil }
        let iso = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        return iso == text ? nil : iso
    }

    // MARK: Helpers

    static func parseISODate(_ text: Substring) -> (Int, Int, Int)? {
        var rest = text
        guard let y = number(&rest, 4), dash(&rest), let m = number(&rest, 2), dash(&rest), let d = number(&rest, 2),
            rest.isEmpty
        else { return nil }
        return (y, m, d)
    }

    static func calendarProblem(year: Int, month: Int, day: Int) -> String? {
        guard (1...9999).contains(year) else { return "no such year" }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return "that month has \(days) days" }
        return nil
    }

    private static func number(_ rest: inout Substring, _ width: Int) -> Int? {
        let digits = rest.prefix(width)
        guard digits.count == width, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        rest = rest.dropFirst(width)
        return Int(digits)
    }

    private static func dash(_ rest: inout Substring) -> Bool {
        guard rest.first == "-" else { return false }
        rest = rest.dropFirst()
        return true
    }

    private static func colon(_ rest: inout Substring) -> Bool {
        guard rest.first == ":" else { return false }
        rest = rest.dropFirst()
        return true
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
