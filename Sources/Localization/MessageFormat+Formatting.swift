import Foundation

/// The state of one `format` call: the values and the locale's resources.
/// The parsed tree is only read.
struct MessageFormattingContext {
    let values: [String: MessageValue]
    let resources: LocaleResources

    /// Appends a message; `pound` is what `#` prints in the nearest plural.
    func append(_ parts: [MessagePart], pound: String?, into output: inout String) throws(MessageFormatError) {
        for part in parts {
            switch part {
            case .text(let text):
                output += text
            case .pound:
                output += pound ?? "#"
            case .simple(let argument):
                try append(argument, into: &output)
            case .plural(let argument):
                try append(argument, into: &output)
            case .select(let argument):
                try append(argument, pound: pound, into: &output)
            case .tag(_, let content):
                try append(content, pound: pound, into: &output)
            }
        }
    }

    /// Appends a message as spans of text, each with the tags around it; `tags` are the
    /// tags open where `parts` stand.
    func appendSpans(_ parts: [MessagePart], pound: String?, tags: [String], into spans: inout [MessageSpan]) throws(MessageFormatError) {
        func add(_ text: String) {
            guard !text.isEmpty else { return }
            if let last = spans.last, last.tags == tags {
                spans[spans.count - 1] = MessageSpan(text: last.text + text, tags: tags)
            } else {
                spans.append(MessageSpan(text: text, tags: tags))
            }
        }
        for part in parts {
            switch part {
            case .text(let text):
                add(text)
            case .pound:
                add(pound ?? "#")
            case .simple(let argument):
                var text = ""
                try append(argument, into: &text)
                add(text)
            case .plural(let argument):
                let (variant, pound) = try variant(of: argument)
                try appendSpans(variant, pound: pound, tags: tags, into: &spans)
            case .select(let argument):
                try appendSpans(try variant(of: argument), pound: pound, tags: tags, into: &spans)
            case .tag(let name, let content):
                try appendSpans(content, pound: pound, tags: tags + [name], into: &spans)
            }
        }
    }

    private func value(_ name: String) throws(MessageFormatError) -> MessageValue {
        guard let value = values[name] else { throw .missing(name) }
        return value
    }

    private func append(_ argument: SimpleArgument, into output: inout String) throws(MessageFormatError) {
        let value = try value(argument.name)
        switch (argument.style, value) {
        case (.plain, .string(let text)):
            output += text
        case (.plain, .number(let number)):
            output += NumberFormat.decimal.format(number, data: resources.data)
        case (.plain, .money(let amount, let currency)), (.currency, .money(let amount, let currency)):
            output += NumberFormat.currency(currency.uppercased()).format(amount, data: resources.data)
        case (.plain, .date(let date)):
            DateFormatting.append(date, hour: 0, minute: 0, second: 0, style: .style(.short), data: resources.data, into: &output)
        case (.plain, .dateTime(let instant)):
            DateFormatting.appendDateTime(instant, data: resources.data, into: &output)
        case (.number(let format), .number(let number)):
            output += format.format(DecimalDigits(number), data: resources.data).text
        case (.number(var format), .money(let amount, let currency)):
            // A money value keeps its currency unless the style names another unit.
            if format == .decimal {
                format = .currency(currency.uppercased())
            } else if format.unit == .none {
                format.unit = .currency(currency.uppercased())
            }
            output += format.format(DecimalDigits(amount), data: resources.data).text
        case (.number, _), (.currency, _):
            let expected = argument.style == .currency ? "a money amount (amount and currency)" : "a number"
            throw .wrongType(argument.name, expected: expected, got: value)
        case (.date(let style), .date(let date)):
            DateFormatting.append(date, hour: 0, minute: 0, second: 0, style: style, data: resources.data, into: &output)
        case (.date(let style), .dateTime(let instant)), (.time(let style), .dateTime(let instant)):
            let (date, hour, minute, second) = DateFormatting.utcComponents(instant)
            if case .time(let timeStyle) = argument.style {
                DateFormatting.appendTime(date, hour: hour, minute: minute, second: second, style: timeStyle, data: resources.data, into: &output)
            } else {
                DateFormatting.append(date, hour: hour, minute: minute, second: second, style: style, data: resources.data, into: &output)
            }
        case (.time(let style), .date(let date)):
            DateFormatting.appendTime(date, hour: 0, minute: 0, second: 0, style: style, data: resources.data, into: &output)
        case (.date, _), (.time, _):
            throw .wrongType(argument.name, expected: "a date or date-time", got: value)
        }
    }

    private func append(_ argument: PluralArgument, into output: inout String) throws(MessageFormatError) {
        let (message, pound) = try variant(of: argument)
        try append(message, pound: pound, into: &output)
    }

    /// The variant a plural argument's value selects, and what `#` prints in it.
    private func variant(of argument: PluralArgument) throws(MessageFormatError) -> ([MessagePart], String) {
        let value = try value(argument.name)
        let number: Decimal
        switch value {
        case .number(let raw): number = raw
        case .money(let amount, _): number = amount
        default:
            throw .wrongType(argument.name, expected: "a number", got: value)
        }
        let raw = DecimalDigits(number)
        // `=N` compares the value before the offset.
        for variant in argument.explicit where variant.value.digits == raw.digits && variant.value.exponent == raw.exponent
            && (variant.value.isNegative == raw.isNegative || raw.isZero) {
            let pound = try formattedPound(raw, offset: argument.offset)
            return (variant.message, pound.text)
        }
        let pound = try formattedPound(raw, offset: argument.offset)
        let operands = PluralOperands(pound.shown, visibleFractionDigits: pound.visibleFractionDigits)
        let rules = argument.isOrdinal ? resources.ordinal : resources.cardinal
        let category = rules.category(for: operands)
        return (argument.categories[category] ?? argument.other, pound.text)
    }

    /// The number minus the offset, formatted like `{n, number}`; its operands pick the category.
    private func formattedPound(_ raw: DecimalDigits, offset: Decimal) throws(MessageFormatError) -> NumberFormat.Result {
        let shifted = offset.isZero ? raw : DecimalDigits(raw.decimal - offset)
        return NumberFormat.decimal.format(shifted, data: resources.data)
    }

    private func append(_ argument: SelectArgument, pound: String?, into output: inout String) throws(MessageFormatError) {
        try append(try variant(of: argument), pound: pound, into: &output)
    }

    private func variant(of argument: SelectArgument) throws(MessageFormatError) -> [MessagePart] {
        let value = try value(argument.name)
        let key: String
        switch value {
        case .string(let text): key = text
        case .number(let number): key = "\(number)"
        default:
            throw .wrongType(argument.name, expected: "text", got: value)
        }
        return argument.cases[key] ?? argument.other
    }
}
