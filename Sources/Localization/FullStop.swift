/// One full stop where a formatted value that ends with one (the Bulgarian `2029 г.`, an
/// abbreviation from data such as `Nr.`) meets literal text that starts with one: a message
/// `… на {date, date, long}.` prints `19 януари 2029 г.`, not `г..`.
///
/// Only a single `.` is absorbed: an ellipsis (`…` or `...`), `?`, `!` and `:` are kept, as
/// the writer meant them.
///
/// ```swift
/// FullStop.literal(".", after: "19 януари 2029 г.")     // ""
/// FullStop.literal(". Следва", after: "2029 г.")       // " Следва"
/// FullStop.literal("...", after: "2029 г.")            // "..."
/// FullStop.literal("?", after: "2029 г.")              // "?"
/// ```
public enum FullStop {
    /// `literal` as it prints after `value`: without its first full stop when both would print one.
    public static func literal(_ literal: String, after value: String) -> String {
        guard endsWithFullStop(value), absorbs(literal) else { return literal }
        return String(literal.dropFirst())
    }

    /// True when the text ends with a single full stop (not an ellipsis written as dots).
    public static func endsWithFullStop(_ text: String) -> Bool {
        text.last == "." && !text.hasSuffix("...")
    }

    /// True when a literal starts with a full stop that a value's own full stop replaces.
    public static func absorbs(_ literal: String) -> Bool {
        literal.first == "." && !literal.hasPrefix("..")
    }
}
