/// An argument that a message uses: its name and how it is used the first time it appears.
///
/// ```swift
/// try MessageFormat("{n, plural, one {# child} other {# children}} of {name}").arguments
/// // [MessageArgument(name: "n", kind: .plural), MessageArgument(name: "name", kind: .plain)]
/// ```
public struct MessageArgument: Sendable, Hashable, CustomStringConvertible {
    /// How the argument is formatted, which tells a caller what type of value to bind.
    public enum Kind: String, Sendable, Hashable {
        /// `{x}`: any value.
        case plain
        /// `{x, number, …}`: a number or money.
        case number
        /// `{x, date, …}`: a date or date-time.
        case date
        /// `{x, time, …}`: a date-time.
        case time
        /// `{x, plural, …}`: a number.
        case plural
        /// `{x, selectordinal, …}`: a number.
        case selectordinal
        /// `{x, select, …}`: text.
        case select
        /// `{x, spellout}`, `{x, spellout, currency}`: a number or money, written in words.
        case spellout
    }

    /// The name inside the braces (`count` in `{count, plural, …}`).
    public let name: String
    /// How it is formatted where it first appears.
    public let kind: Kind

    /// An argument as the parser reports it.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    public var description: String { "\(name) (\(kind.rawValue))" }
}
