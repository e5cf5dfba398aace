import Foundation
public import Localization

/// A national personal identification number that data schemas can check with
/// `"format": "egn"`, `"cnp"`, `"idnp"` or `"codice-fiscale"`.
///
/// The checks follow `../shared/domain/ids.md` (and its reference implementation
/// `idcheck.py`) rule for rule and in the same order, so both give the same reason code.
/// A check digit proves only that a value is well formed, not that it was issued to the
/// person: a problem is reported, the value is never "corrected".
///
/// ```swift
/// NationalIdentifier.egn.problem(in: "1445171233")            // nil: well formed
/// NationalIdentifier.egn.problem(in: "1445171234")?.reason    // .checksum
/// ```
///
/// Decisions beyond ids.md: spaces and other whitespace are refused (`format`), since the
/// data file is the record templates print from; the codice fiscale is accepted in lower case.
public enum NationalIdentifier: String, Sendable, Hashable, CaseIterable {
    /// Bulgaria, ЕГН: 10 digits `YYMMDD RRR C`; the month carries the century.
    case egn
    /// Romania, CNP: 13 digits `S YYMMDD JJ NNN C`.
    case cnp
    /// Moldova, IDNP: 13 digits `2 YYY OOO SSSSS K`; no birth date or sex.
    case idnp
    /// Italy, codice fiscale of a natural person: 16 characters, omocodia-aware.
    case codiceFiscale = "codice-fiscale"

    /// The schema `format` name.
    public var formatName: String { rawValue }

    /// What a valid value is, for messages.
    public var expected: String {
        switch self {
        case .egn: "a Bulgarian personal number (ЕГН, 10 digits)"
        case .cnp: "a Romanian personal numeric code (CNP, 13 digits)"
        case .idnp: "a Moldovan personal identification number (IDNP, 13 digits)"
        case .codiceFiscale: "an Italian codice fiscale (16 letters and digits)"
        }
    }

    /// nil when `text` is well formed, else why not. A birth date is "in the future" only
    /// when it is after `today`.
    public func problem(in text: String, today: CalendarDate) -> NationalIdentifierProblem? {
        if let space = text.firstIndex(where: \.isWhitespace) {
            let position = text.distance(from: text.startIndex, to: space) + 1
            return .init(.format, "it contains a space at position \(position); write it without spaces")
        }
        switch self {
        case .egn: return Self.checkEGN(text, today: today)
        case .cnp: return Self.checkCNP(text, today: today)
        case .idnp: return Self.checkIDNP(text, today: today)
        case .codiceFiscale: return Self.checkCodiceFiscale(text, today: today)
        }
    }

    /// nil when `text` is well formed, judged against today's date anywhere on Earth (UTC+14),
    /// so that a child born today is never refused because of the server's time zone.
    public func problem(in text: String) -> NationalIdentifierProblem? {
        problem(in: text, today: Self.latestToday())
    }

    static func latestToday() -> CalendarDate {
        CalendarDate(utcDayOf: Date().addingTimeInterval(14 * 3600))
    }

    // MARK: Shared helpers

    /// ASCII digits only (`isNumber` would also accept `٣` or `²`).
    static func digits(_ text: String) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            out.append(Int(byte - 0x30))
        }
        return out
    }

    static func number(_ digits: ArraySlice<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    static func lengthProblem(_ count: Int, expected: Int, unit: String) -> NationalIdentifierProblem {
        .init(.length, "it has \(count) \(count == 1 ? "character" : "characters"), not \(expected) \(unit)")
    }
}

/// Why a value is not a well-formed national identifier. The message never contains the
/// value or any part of it, so it can be shown in logs and error lists.
public struct NationalIdentifierProblem: Sendable, Hashable, CustomStringConvertible {
    /// The reason codes of `idcheck.py`, for catalogs and tests.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case length, format, date, month, checksum, county, sequence, prefix
        case futureDate = "future_date"
        case sexCentury = "sex_century"
        case isIDNO = "is_idno"
        case assignYear = "assign_year"
    }

    public let reason: Reason
    /// For people: what is wrong, without repeating the value.
    public let message: String

    init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
