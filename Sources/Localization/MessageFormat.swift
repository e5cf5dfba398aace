/// A parsed ICU MessageFormat 1 message: parse once, format many times, from any task.
///
/// Supports simple arguments, `select`, `plural` (`offset:`, `=N`, `#`), `selectordinal`,
/// nesting, `number` (`integer`, `percent`, `currency`, skeletons such as `::currency/EUR`,
/// `::.00`, `::percent`, `::compact-short`), `date` and `time` (`short` … `full`, skeletons
/// such as `::yMMMd`), and ICU's apostrophe quoting (`''` is `'`; `'{…}'` is literal).
///
/// Rich text follows FormatJS: `<b>…</b>` and other tags in the text (also inside variants)
/// mark part of the message; ``formatSpans(_:locale:)`` tells which text each tag covers.
/// A `<` that does not start `<name>` or `</name>` is text; `'<'` quotes one that would.
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
    /// True when the message has rich-text tags (`<b>…</b>`).
    public let hasTags: Bool
    let parts: [MessagePart]

    /// Parses a message.
    ///
    /// - Throws: ``MessageSyntaxError`` with the position (code points, line:column) and what was expected.
    public init(_ pattern: String) throws(MessageSyntaxError) {
        var parser = MessageParser(pattern)
        parts = try parser.parse()
        arguments = parser.arguments
        hasTags = parser.hasTags
        self.pattern = pattern
    }

    /// Formats the message with the given values in a locale.
    ///
    /// - Throws: ``MessageFormatError`` when an argument is missing or has a type the message cannot use.
    public func format(_ values: [String: MessageValue], locale: LocaleID) throws(MessageFormatError) -> String {
        try format(values, resources: LocaleResources.of(locale))
    }

    func format(_ values: [String: MessageValue], resources: LocaleResources) throws(MessageFormatError) -> String {
        var output = ""
        output.reserveCapacity(pattern.utf8.count + 16)
        let context = MessageFormattingContext(values: values, resources: resources)
        try context.append(parts, pound: nil, into: &output)
        return output
    }

    /// Formats the message as spans of text with the rich-text tags around each
    /// (`I, <b>{name}</b>, agree` gives `I, `, `Ana` in `b`, `, agree`). Argument values
    /// are text: a value holding `<b>` is never a tag. ``format(_:locale:)`` gives the
    /// same text with the tags left out.
    ///
    /// ```swift
    /// let message = try MessageFormat("I, <b>{name}</b>, agree")
    /// try message.formatSpans(["name": "Ana"], locale: .en)
    /// // [MessageSpan("I, "), MessageSpan("Ana", tags: ["b"]), MessageSpan(", agree")]
    /// ```
    public func formatSpans(_ values: [String: MessageValue], locale: LocaleID) throws(MessageFormatError) -> [MessageSpan] {
        var spans: [MessageSpan] = []
        let context = MessageFormattingContext(values: values, resources: LocaleResources.of(locale))
        try context.appendSpans(parts, pound: nil, tags: [], into: &spans)
        return spans
    }

    /// The rich-text tags of the message, each as the path of tag names from the outside in
    /// (`b`, `b/a`), sorted and without repeats; the same set in every plural or select
    /// variant counts once. A translation must keep its source's set.
    public var tagPaths: [String] {
        var paths: Set<String> = []
        func walk(_ parts: [MessagePart], _ path: String) {
            for part in parts {
                switch part {
                case .tag(let name, let content):
                    let inner = path.isEmpty ? name : path + "/" + name
                    paths.insert(inner)
                    walk(content, inner)
                case .plural(let p):
                    p.explicit.forEach { walk($0.message, path) }
                    p.categories.values.forEach { walk($0, path) }
                    walk(p.other, path)
                case .select(let s):
                    s.cases.values.forEach { walk($0, path) }
                    walk(s.other, path)
                default: break
                }
            }
        }
        walk(parts, "")
        return paths.sorted()
    }

    public static func == (a: MessageFormat, b: MessageFormat) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}

/// Text of a formatted message with the rich-text tags around it, outermost first.
public struct MessageSpan: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let tags: [String]

    public init(text: String, tags: [String] = []) {
        self.text = text
        self.tags = tags
    }

    public var description: String { tags.isEmpty ? text : tags.map { "<\($0)>" }.joined() + text }
}
