import Foundation

/// The state of one `format` call: the values and the locale's resources.
/// The parsed tree is only read.
struct MessageFormattingContext {
    let values: [String: MessageValue]
    let resources: LocaleResources

    /// Appends a message; `pound` is what `#` prints in the nearest plural. `valueStop` says
    /// whether the output ends with a value's own full stop (``FullStop``): literal text that
    /// follows it does not print a second one. Returns that state at the end of `parts`.
    @discardableResult
    func append(_ parts: [MessagePart], pound: String?, valueStop: Bool = false, into output: inout String) throws(MessageFormatError) -> Bool {
        var valueStop = valueStop
        for part in parts {
            switch part {
            case .text(let text):
                output += valueStop ? FullStop.literal(text, after: output) : text
                valueStop = false
            case .pound:
                output += pound ?? "#"
                valueStop = false
            case .simple(let argument):
                var value = ""
                try append(argument, into: &value)
                output += value
                valueStop = value.isEmpty ? valueStop : FullStop.endsWithFullStop(value)
            case .plural(let argument):
                let (variant, pound) = try variant(of: argument)
                valueStop = try append(variant, pound: pound, valueStop: valueStop, into: &output)
            case .select(let argument):
                valueStop = try append(try variant(of: argument), pound: pound, valueStop: valueStop, into: &output)
            case .tag(_, let content):
                valueStop = try append(content, pound: pound, valueStop: valueStop, into: &output)
            }
        }
        return valueStop
    }

    /// Appends a message as spans of text, each with the tags around it; `tags` are the
    /// tags open where `parts` stand.
    func appendSpans(_ parts: [MessagePart], pound: String?, tags: [String], into spans: inout [MessageSpan]) throws(MessageFormatError) {
        var valueStop = false
        try appendSpans(parts, pound: pound, tags: tags, valueStop: &valueStop, into: &spans)
    }

    private func appendSpans(_ parts: [MessagePart], pound: String?, tags: [String], valueStop: inout Bool, into spans: inout [MessageSpan]) throws(MessageFormatError) {
        func add(_ text: String, isValue: Bool = false) {
            guard !text.isEmpty else { return }
            var text = text
            if !isValue, valueStop, let last = spans.last { text = FullStop.literal(text, after: last.text) }
            valueStop = isValue && FullStop.endsWithFullStop(text)
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
                add(text, isValue: true)
            case .plural(let argument):
                let (variant, pound) = try variant(of: argument)
                try appendSpans(variant, pound: pound, tags: tags, valueStop: &valueStop, into: &spans)
            case .select(let argument):
                try appendSpans(try variant(of: argument), pound: pound, tags: tags, valueStop: &valueStop, into: &spans)
            case .tag(let name, let content):
                try appendSpans(content, pound: pound, tags: tags + [name], valueStop: &valueStop, into: &spans)
            }
        }
    }

    private func spelled(_ amount: Decimal, currency: String, argument: String) throws(MessageFormatError) -> String {
        do {
            return try NumberSpelling.words(amount: amount, currency: currency, locale: resources.locale)
        } catch {
            throw MessageFormatError(code: .wrongArgumentType, argument: argument, message: "argument '\(argument)': \(error.message)", suggestion: error.suggestion)
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
        case (.spellout, .number) where !NumberSpelling.isAvailable(for: resources.locale):
            throw MessageFormatError(code: .wrongArgumentType, argument: argument.name,
                                     message: "argument '\(argument.name)': numbers cannot be written in words in \(resources.locale.definition.englishName) yet",
                                     suggestion: "use {\(argument.name), number} in this translation")
        case (.spellout(let gender), .number(let number)):
            var whole = Decimal(), copy = number
            NSDecimalRound(&whole, &copy, 0, .plain)
            guard whole == number, number >= 0, number <= Decimal(NumberSpelling.maximum),
                let words = NumberSpelling.words(NSDecimalNumber(decimal: number).int64Value, locale: resources.locale, gender: gender) else {
                throw .wrongType(argument.name, expected: "a whole number from 0 to \(NumberSpelling.maximum)", got: value)
            }
            output += words
        case (.spelloutCurrency(let code), .money(let amount, let currency)):
            if let code, code != currency.uppercased() {
                throw MessageFormatError(code: .wrongArgumentType, argument: argument.name,
                                         message: "argument '\(argument.name)' is an amount in \(currency.uppercased()), but the message spells it in \(code)",
                                         suggestion: "write {\(argument.name), spellout, currency} to use the amount's own currency")
            }
            output += try spelled(amount, currency: currency, argument: argument.name)
        case (.spelloutCurrency(let code?), .number(let amount)):
            output += try spelled(amount, currency: code, argument: argument.name)
        case (.spellout, _), (.spelloutCurrency, _):
            let expected = if case .spelloutCurrency(nil) = argument.style { "a money amount (amount and currency)" } else { "a number" }
            throw .wrongType(argument.name, expected: expected, got: value)
        }
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
