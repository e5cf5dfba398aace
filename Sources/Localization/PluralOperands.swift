public import Foundation

/// The CLDR plural operands of a number as it is written: `1.50` has `v = 2`,
/// `1.5` has `v = 1`, `1c6` (compact "1M") has `e = 6`.
///
/// Plural selection in messages takes the operands from the number *as formatted*,
/// so `3.14159` shown as `3.142` has `v = 3`.
///
/// ```swift
/// let ops = PluralOperands(decimalString: "1.50")!
/// ops.i   // 1
/// ops.v   // 2
/// ops.f   // 50
/// ops.t   // 5
/// ```
public struct PluralOperands: Sendable, Hashable {
    /// Absolute value.
    public let n: Double
    /// Integer digits of `n` (the last 18 digits for huge values; the rules only use small moduli).
    public let i: Int64
    /// Number of visible fraction digits, with trailing zeros.
    public let v: Int
    /// Number of visible fraction digits, without trailing zeros.
    public let w: Int
    /// Visible fraction digits as an integer, with trailing zeros.
    public let f: Int64
    /// Visible fraction digits as an integer, without trailing zeros.
    public let t: Int64
    /// Compact decimal exponent (`1.2c6` has `e = 6`); 0 for ordinary numbers.
    public let e: Int

    /// Operands of a decimal literal: `"1"`, `"-1.50"`, `"1.2c6"` (CLDR compact
    /// notation: the digits shown are `1.2`, the value is 1 200 000). Nil when the text is not a number.
    public init?(decimalString: String) {
        var text = Substring(decimalString)
        var compactExponent = 0
        if let marker = text.firstIndex(where: { $0 == "c" || $0 == "e" }) {
            guard let power = Int(text[text.index(after: marker)...]) else { return nil }
            compactExponent = power
            text = text[..<marker]
        }
        guard var digits = DecimalDigits(parsing: text) else { return nil }
        let visibleFraction: Int
        if let point = text.firstIndex(of: ".") {
            visibleFraction = text.distance(from: text.index(after: point), to: text.endIndex)
        } else {
            visibleFraction = 0
        }
        digits = digits.scaled(byPowerOfTen: compactExponent)
        self.init(digits, visibleFractionDigits: max(0, visibleFraction - compactExponent), compactExponent: compactExponent)
    }

    /// Operands of an exact value, with no trailing zeros (`Decimal(string: "1.50")` has `v = 1`).
    public init(_ value: Decimal) {
        self.init(DecimalDigits(value), visibleFractionDigits: 0)
    }

    /// Operands of an integer.
    public init(_ value: Int) {
        self.init(Decimal(value))
    }

    /// `visibleFractionDigits` is the number of fraction digits shown (at least the significant ones).
    init(_ digits: DecimalDigits, visibleFractionDigits: Int, compactExponent: Int = 0) {
        let fractionCount = digits.fractionDigitCount
        let shown = max(fractionCount, visibleFractionDigits)
        var integerPart: Int64 = 0
        var power = min(digits.integerDigitCount, 18) - 1
        while power >= 0 {
            integerPart = integerPart * 10 + Int64(digits.digit(atPower: power))
            power -= 1
        }
        var fractionWithZeros: Int64 = 0
        for position in 1...max(1, min(shown, 18)) where shown > 0 {
            fractionWithZeros = fractionWithZeros * 10 + Int64(digits.digit(atPower: -position))
        }
        var fractionWithout = fractionWithZeros
        while fractionWithout != 0 && fractionWithout % 10 == 0 { fractionWithout /= 10 }
        var absolute = Double(integerPart)
        if digits.integerDigitCount > 18 {
            absolute = 0
            for digit in digits.digits.prefix(20) { absolute = absolute * 10 + Double(digit) }
            absolute *= pow(10.0, Double(digits.exponent + max(0, digits.digits.count - 20)))
        } else if shown > 0 {
            absolute += Double(fractionWithZeros) / PluralOperands.powersOfTen[min(shown, 18)]
        }
        n = absolute
        i = integerPart
        v = shown
        w = fractionCount
        f = fractionWithZeros
        t = fractionWithout
        e = compactExponent
    }

    private static let powersOfTen: [Double] = (0...18).map { pow(10.0, Double($0)) }

    /// The value of a named operand (`c` is a synonym of `e`).
    func value(of operand: PluralRules.Operand) -> Double {
        switch operand {
        case .n: n
        case .i: Double(i)
        case .v: Double(v)
        case .w: Double(w)
        case .f: Double(f)
        case .t: Double(t)
        case .e: Double(e)
        }
    }
}
