public import Foundation

/// A value passed to a message argument. Each keeps its type, so a plain `{x}`
/// formats a number as `{x, number}`, a date as `{x, date, short}`, money as
/// currency, and text as it is.
///
/// ```swift
/// let values: [String: MessageValue] = [
///     "name": .string("Ana"),
///     "count": .number(3),
///     "due": .date(CalendarDate(iso: "2026-11-22")!),
///     "grant": .money(amount: Decimal(string: "350")!, currency: "EUR"),
/// ]
/// ```
public enum MessageValue: Sendable, Hashable {
    /// Text, inserted as it is; selects a `select` variant.
    case string(String)
    /// An exact decimal number (never `Double`).
    case number(Decimal)
    /// A calendar day.
    case date(CalendarDate)
    /// An instant, shown in UTC.
    case dateTime(Date)
    /// An amount in an explicit ISO 4217 currency (`EUR`, `BGN`, `RON`, `MDL`).
    case money(amount: Decimal, currency: String)

    /// A short name of the type, for error messages.
    var typeName: String {
        switch self {
        case .string: "text"
        case .number: "a number"
        case .date: "a date"
        case .dateTime: "a date-time"
        case .money: "a money amount"
        }
    }
}

extension MessageValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Decimal(value)) }
}
