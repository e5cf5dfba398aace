import Foundation

/// What a number should look like, independent of locale: the result of a
/// message's `{n, number, …}` style or skeleton, or of a ``LocaleFormatter`` call.
/// Applied to a locale's ``LocaleData`` by ``format(_:data:)``.
struct NumberFormat: Sendable, Hashable {
    enum Unit: Sendable, Hashable {
        case none
        case percent
        case permille
        case currency(String)
    }

    enum Notation: Sendable, Hashable {
        case standard
        case compactShort
    }

    enum Precision: Sendable, Hashable {
        /// The default of the unit and notation (currency digits, compact rounding, else at most 6 fraction digits).
        case automatic
        case fraction(minimum: Int, maximum: Int)
        case significant(minimum: Int, maximum: Int)
        case unlimited
        /// The currency's own digits (2 for EUR, 0 for JPY).
        case currencyStandard
    }

    enum Grouping: Sendable, Hashable {
        /// The locale's minimum grouping digits.
        case automatic
        case minimumTwo
        case off
        /// Always group, whatever the locale's minimum.
        case always
    }

    enum SignDisplay: Sendable, Hashable {
        case automatic, always, never, exceptZero, negative
    }

    enum CurrencyDisplay: Sendable, Hashable {
        case symbol, isoCode, hidden
    }

    var unit: Unit = .none
    var notation: Notation = .standard
    var precision: Precision = .automatic
    var roundingMode: RoundingMode = .halfEven
    var grouping: Grouping = .automatic
    var sign: SignDisplay = .automatic
    var currencyDisplay: CurrencyDisplay = .symbol
    /// `scale/100`: multiply before formatting. A power of ten is applied to the exponent directly.
    var scale: Decimal?
    var alwaysShowDecimalSeparator = false

    /// `{n, number}`: `#,##0.###`.
    static let decimal = NumberFormat(precision: .fraction(minimum: 0, maximum: 3))
    /// `{n, number, integer}`.
    static let integer = NumberFormat(precision: .fraction(minimum: 0, maximum: 0))
    /// `{n, number, percent}`: times 100, no fraction digits.
    static let percentStyle = NumberFormat(unit: .percent, precision: .fraction(minimum: 0, maximum: 0), scale: 100)

    static func currency(_ code: String) -> NumberFormat {
        NumberFormat(unit: .currency(code), precision: .currencyStandard)
    }

    /// The formatted text and the number as shown (rounded), whose operands select plural forms.
    struct Result {
        var text: String
        var shown: DecimalDigits
        var visibleFractionDigits: Int
        var compactExponent: Int
    }

    func format(_ value: Decimal, data: LocaleData) -> String {
        format(DecimalDigits(value), data: data).text
    }

    func format(_ input: DecimalDigits, data: LocaleData) -> Result {
        var value = input
        if let scale {
            if let power = Self.powerOfTen(scale) {
                value = value.scaled(byPowerOfTen: power)
            } else {
                let negative = value.isNegative
                value = DecimalDigits(value.decimal * scale)
                if value.isZero && negative { value.isNegative = true }
            }
        }
        var affixPattern: NumberPattern?
        var compactExponent = 0
        var effectiveGrouping = grouping
        if notation == .compactShort {
            if grouping == .automatic { effectiveGrouping = .minimumTwo }
            // Round at the chosen magnitude; a carry (999 999 → 1000K) moves to the next pattern (1M).
            var magnitude = value.magnitude
            var rounded = value
            for attempt in 0..<2 {
                compactExponent = 0
                affixPattern = nil
                if magnitude >= 3, let entry = data.compactShort[min(magnitude, 14)], let pattern = entry {
                    compactExponent = min(magnitude, 14) - pattern.integerZeros + 1
                    affixPattern = pattern
                }
                rounded = applyPrecision(value.scaled(byPowerOfTen: -compactExponent), currencyDigits: 2)
                let roundedMagnitude = rounded.magnitude + compactExponent
                if attempt == 0 && !rounded.isZero && roundedMagnitude > magnitude && roundedMagnitude >= 3 {
                    magnitude = roundedMagnitude
                    continue
                }
                break
            }
            value = rounded
        } else {
            value = applyPrecision(value, currencyDigits: currencyDigits)
        }

        let minimumFraction = minimumFractionDigits(currencyDigits: currencyDigits)

        var prefix = "", suffix = ""
        switch unit {
        case .none:
            break
        case .percent, .permille:
            let sign = unit == .percent ? data.percentSign : "‰"
            prefix = data.percentPattern.prefix.replacingOccurrences(of: "%", with: sign)
            suffix = data.percentPattern.suffix.replacingOccurrences(of: "%", with: sign)
        case .currency(let code):
            let symbol: String
            switch currencyDisplay {
            case .symbol: symbol = data.currencySymbol(for: code)
            case .isoCode: symbol = code
            case .hidden: symbol = ""
            }
            (prefix, suffix) = currencyAffixes(symbol: symbol, pattern: data.currencyPattern)
        }

        let showsMinus: Bool
        let showsPlus: Bool
        switch sign {
        case .automatic: (showsMinus, showsPlus) = (value.isNegative, false)
        case .always: (showsMinus, showsPlus) = (value.isNegative, !value.isNegative)
        case .never: (showsMinus, showsPlus) = (false, false)
        case .exceptZero: (showsMinus, showsPlus) = (value.isNegative && !value.isZero, !value.isNegative && !value.isZero)
        case .negative: (showsMinus, showsPlus) = (value.isNegative && !value.isZero, false)
        }
        // Built as UTF-8 in a stack buffer: short results then become a String without any allocation.
        let fractionCount = max(value.fractionDigitCount, minimumFraction, minimumSignificantPadding(value))
        let integerCount = max(1, value.integerDigitCount)
        let capacity = 16 + data.minusSign.utf8.count + data.plusSign.utf8.count + prefix.utf8.count + suffix.utf8.count
            + (affixPattern.map { $0.prefix.utf8.count + $0.suffix.utf8.count } ?? 0)
            + integerCount * (1 + data.groupSeparator.utf8.count) + data.decimalSeparator.utf8.count + fractionCount
        let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = UTF8Writer(buffer: buffer)
            if showsMinus { writer.append(data.minusSign) }
            if showsPlus { writer.append(data.plusSign) }
            writer.append(prefix)
            if let affixPattern { writer.append(affixPattern.prefix) }
            appendDigits(of: value, integerCount: integerCount, fractionCount: fractionCount, grouping: effectiveGrouping, data: data, into: &writer)
            if let affixPattern { writer.append(affixPattern.suffix) }
            writer.append(suffix)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<writer.count]), as: UTF8.self)
        }
        let visible = max(value.fractionDigitCount, minimumFraction)
        return Result(text: text, shown: value, visibleFractionDigits: visible, compactExponent: compactExponent)
    }

    private var currencyDigits: Int {
        if case .currency(let code) = unit { return Self.fractionDigits(ofCurrency: code) }
        return 2
    }

    private func applyPrecision(_ value: DecimalDigits, currencyDigits: Int) -> DecimalDigits {
        switch precision {
        case .automatic:
            if notation == .compactShort {
                // ICU: round to an integer, but keep at least two significant digits.
                return value.integerDigitCount >= 2
                    ? value.rounded(toPower: 0, mode: roundingMode)
                    : value.rounded(toSignificantDigits: 2, mode: roundingMode)
            }
            if case .currency = unit { return value.rounded(toPower: -currencyDigits, mode: roundingMode) }
            return value.rounded(toPower: -6, mode: roundingMode)
        case .fraction(_, let maximum):
            return value.rounded(toPower: -maximum, mode: roundingMode)
        case .significant(_, let maximum):
            return value.rounded(toSignificantDigits: maximum, mode: roundingMode)
        case .unlimited:
            return value
        case .currencyStandard:
            return value.rounded(toPower: -currencyDigits, mode: roundingMode)
        }
    }

    private func minimumFractionDigits(currencyDigits: Int) -> Int {
        switch precision {
        case .automatic:
            if notation == .standard, case .currency = unit { return currencyDigits }
            return 0
        case .fraction(let minimum, _): return minimum
        case .currencyStandard: return currencyDigits
        case .significant, .unlimited: return 0
        }
    }

    /// Minimum significant digits pad with fraction zeros (`@@@` shows 1 as `1.00`).
    private func minimumSignificantPadding(_ value: DecimalDigits) -> Int {
        guard case .significant(let minimum, _) = precision else { return 0 }
        let magnitude = value.isZero ? 0 : value.magnitude
        return max(0, minimum - magnitude - 1)
    }

    private func appendDigits(of value: DecimalDigits, integerCount: Int, fractionCount: Int, grouping: Grouping, data: LocaleData, into output: inout UTF8Writer) {
        let groupingSize = 3
        let minimumGrouping: Int
        switch grouping {
        case .automatic: minimumGrouping = data.minimumGroupingDigits
        case .minimumTwo: minimumGrouping = max(2, data.minimumGroupingDigits)
        case .always: minimumGrouping = 1
        case .off: minimumGrouping = Int.max
        }
        let groups = minimumGrouping != Int.max && integerCount - groupingSize >= minimumGrouping
        for power in stride(from: integerCount - 1, through: 0, by: -1) {
            output.append(48 + value.digit(atPower: power))
            if groups && power > 0 && power % groupingSize == 0 { output.append(data.groupSeparator) }
        }
        if fractionCount > 0 || alwaysShowDecimalSeparator { output.append(data.decimalSeparator) }
        if fractionCount > 0 {
            for position in 1...fractionCount {
                output.append(48 + value.digit(atPower: -position))
            }
        }
    }

    /// The currency pattern's affixes with the symbol in place; a letter symbol next to the
    /// digits gets a no-break space (CLDR currency spacing: `BGN 980.00`, but `€1,234.50`).
    private func currencyAffixes(symbol: String, pattern: NumberPattern) -> (String, String) {
        var prefix = pattern.prefix, suffix = pattern.suffix
        if let range = prefix.range(of: "¤") {
            let adjacent = range.upperBound == prefix.endIndex
            prefix.replaceSubrange(range, with: symbol)
            if adjacent, let last = symbol.unicodeScalars.last, Self.needsCurrencySpacing(last) { prefix += "\u{00A0}" }
        }
        if let range = suffix.range(of: "¤") {
            let adjacent = range.lowerBound == suffix.startIndex
            suffix.replaceSubrange(range, with: symbol)
            if adjacent, let first = symbol.unicodeScalars.first, Self.needsCurrencySpacing(first) { suffix = "\u{00A0}" + suffix }
        }
        return (prefix, suffix)
    }

    private static func needsCurrencySpacing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .currencySymbol, .mathSymbol, .modifierSymbol, .otherSymbol,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            false
        default:
            true
        }
    }

    /// The exponent if `value` is a positive power of ten (100 → 2, 0.01 → -2).
    private static func powerOfTen(_ value: Decimal) -> Int? {
        let digits = DecimalDigits(value)
        guard !digits.isNegative, digits.digits == [1] else { return nil }
        return digits.exponent
    }

    /// ISO 4217 minor units where they are not 2.
    static func fractionDigits(ofCurrency code: String) -> Int {
        switch code {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
            0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
            3
        default:
            2
        }
    }
}

/// Appends UTF-8 to a buffer sized in advance.
private struct UTF8Writer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    mutating func append(_ text: String) {
        for byte in text.utf8 { append(byte) }
    }
}
