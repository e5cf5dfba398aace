import Foundation

/// One piece of a parsed message. The tree is immutable and `Sendable`: a message is
/// parsed once and formatted many times, from any task.
indirect enum MessagePart: Sendable, Hashable {
    /// Literal text, quotes already resolved.
    case text(String)
    /// `#` inside a plural or selectordinal variant: the number minus the offset.
    case pound
    case simple(SimpleArgument)
    case plural(PluralArgument)
    case select(SelectArgument)
    /// `<b>…</b>`: a FormatJS rich-text tag around part of the message. Only the pattern has
    /// tags; argument values are always text.
    case tag(String, [MessagePart])
}

/// `{x}`, `{x, number, …}`, `{x, date, …}`, `{x, time, …}`, `{x, spellout, …}`.
struct SimpleArgument: Sendable, Hashable {
    enum Style: Sendable, Hashable {
        case plain
        /// `number`, `integer`, `percent`, or a skeleton.
        case number(NumberFormat)
        /// `currency`: needs a money value.
        case currency
        case date(DateFormatStyle)
        case time(DateFormatStyle)
        /// `spellout`: a number in words, agreeing with `gender` when one is given.
        case spellout(gender: NumberSpelling.Gender?)
        /// `spellout, currency` (the money value's own currency, `currency` nil) or
        /// `spellout, ::currency/EUR`: an amount in words with its currency's name.
        case spelloutCurrency(String?)
    }

    var name: String
    var style: Style
}

/// A date or time style: CLDR's named lengths or a skeleton.
enum DateFormatStyle: Sendable, Hashable {
    case style(DateStyle)
    /// A canonical skeleton (``DateSkeleton``).
    case skeleton(String)
}

/// `{n, plural, offset:1 =0 {…} one {…} other {…}}` and `selectordinal`.
struct PluralArgument: Sendable, Hashable {
    struct ExplicitVariant: Sendable, Hashable {
        var value: DecimalDigits
        var message: [MessagePart]
    }

    var name: String
    var isOrdinal: Bool
    var offset: Decimal
    var explicit: [ExplicitVariant]
    var categories: [PluralCategory: [MessagePart]]
    var other: [MessagePart]
}

/// `{gender, select, female {…} other {…}}`.
struct SelectArgument: Sendable, Hashable {
    var name: String
    var cases: [String: [MessagePart]]
    var other: [MessagePart]
}
