/// A parsed ICU MessageFormat 1 message: parse once, format many times, from any task.
///
/// Supports simple arguments, `select`, `plural` (`offset:`, `=N`, `#`), `selectordinal`,
/// nesting, `number` (`integer`, `percent`, `currency`, skeletons such as `::currency/EUR`,
/// `::.00`, `::percent`, `::compact-short`), `date` and `time` (`short` … `full`, skeletons
/// such as `::yMMMd`), and ICU's apostrophe quoting (`''` is `'`; `'{…}'` is literal).
///
/// ```swift
/// let message = try MessageFormat("{count, plural, one {# copil} few {# copii} other {# de copii}}")
/// try message.format(["count": 20], locale: .ro)   // "20 de copii"
/// try message.format(["count": 3], locale: .ro)    // "3 copii"
/// ```
public struct MessageFormat: Sendable, Hashable {
    /// The message as written.
    public let pattern: String
    /// The arguments the message uses, in order of first appearance.
    public let arguments: [MessageArgument]
    let parts: [MessagePart]

    /// Parses a message.
    ///
    /// - Throws: ``MessageSyntaxError`` with the position (code points, line:column) and what was expected.
    public init(_ pattern: String) throws(MessageSyntaxError) {
        var parser = MessageParser(pattern)
        parts = try parser.parse()
        arguments = parser.arguments
        self.pattern = pattern
    }

    /// Formats the message with the given values in a locale.
    ///
    /// - Throws: ``MessageFormatError`` when an argument is missing or has a type the message cannot use.
    public func format(_ values: [String: MessageValue], locale: LocaleID) throws(MessageFormatError) -> String {
        var output = ""
        output.reserveCapacity(pattern.utf8.count + 16)
        let context = MessageFormattingContext(values: values, resources: LocaleResources.of(locale))
        try context.append(parts, pound: nil, into: &output)
        return output
    }

    public static func == (a: MessageFormat, b: MessageFormat) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
