public import Foundation

extension ExactDecimal {
    /// Why an exact sum, difference or product cannot be a `Decimal`.
    public enum ArithmeticFailure: Error, Sendable, Equatable {
        /// The exact result needs more than 38 significant digits.
        case tooManyDigits
        /// The exact result is smaller than 1e-128 (but not zero).
        case underflow
        /// The exact result is 1e165 or more.
        case overflow
    }

    /// `a + b`, exactly, or why it cannot be held.
    ///
    /// Computed on the operands' digits in 128-bit integers rather than with `NSDecimalAdd`,
    /// which rounds silently and, for exponents out of its range, traps.
    ///
    /// ```swift
    /// ExactDecimal.sum(Decimal(string: "0.1")!, Decimal(string: "0.2")!)   // .success(0.3)
    /// ```
    public static func sum(_ a: Decimal, _ b: Decimal) -> Result<Decimal, ArithmeticFailure> {
        guard let x = Parts(a), let y = Parts(b) else { return .failure(.tooManyDigits) }
        if x.magnitude == 0 { return .success(b) }
        if y.magnitude == 0 { return .success(a) }
        let bottom = min(x.exponent, y.exponent)
        guard let mx = x.scaled(by: x.exponent - bottom), let my = y.scaled(by: y.exponent - bottom) else {
            return .failure(.tooManyDigits)
        }
        if x.negative == y.negative {
            let (total, overflow) = mx.addingReportingOverflow(my)
            guard !overflow else { return .failure(.tooManyDigits) }
            return result(negative: x.negative, magnitude: total, exponent: bottom)
        }
        return mx >= my
            ? result(negative: x.negative, magnitude: mx - my, exponent: bottom)
            : result(negative: y.negative, magnitude: my - mx, exponent: bottom)
    }

    /// `a - b`, exactly, or why it cannot be held.
    public static func difference(_ a: Decimal, _ b: Decimal) -> Result<Decimal, ArithmeticFailure> {
        sum(a, -b)
    }

    /// `a × b`, exactly, or why it cannot be held.
    ///
    /// ```swift
    /// ExactDecimal.product(Decimal(string: "1e-100")!, Decimal(string: "1e-100")!)   // .failure(.underflow)
    /// ```
    public static func product(_ a: Decimal, _ b: Decimal) -> Result<Decimal, ArithmeticFailure> {
        guard let x = Parts(a), let y = Parts(b) else { return .failure(.tooManyDigits) }
        if x.magnitude == 0 || y.magnitude == 0 { return .success(0) }
        let (high, low) = x.magnitude.multipliedFullWidth(by: y.magnitude)
        // At or above 2^128 the product has more than 38 digits unless it ends in zeros made
        // of the operands' factors 2 and 5; such rare products are refused too.
        guard high == 0 else { return .failure(.tooManyDigits) }
        return result(negative: x.negative != y.negative, magnitude: low, exponent: x.exponent + y.exponent)
    }

    /// A number written for messages: as `Decimal` prints it when short, else `1.5e-100`.
    public static func shortDescription(_ d: Decimal) -> String {
        let plain = "\(d)"
        guard plain.count > 24, let parts = Parts(d) else { return plain }
        let digits = String(parts.magnitude)
        let exponent = parts.exponent + digits.count - 1
        let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
        return (parts.negative ? "-" : "") + mantissa + "e\(exponent)"
    }

    private static func result(negative: Bool, magnitude: UInt128, exponent: Int) -> Result<Decimal, ArithmeticFailure> {
        guard magnitude != 0 else { return .success(0) }
        var magnitude = magnitude, exponent = exponent
        while magnitude % 10 == 0 {
            magnitude /= 10
            exponent += 1
        }
        let digits = String(magnitude)
        guard digits.count <= maximumSignificantDigits else { return .failure(.tooManyDigits) }
        switch make(negative: negative, digits: digits, exponent: exponent) {
        case .success(let value): return .success(value)
        case .failure(.tooManyDigits): return .failure(.tooManyDigits)
        case .failure(.outOfRange): return .failure(exponent < exponentRange.lowerBound ? .underflow : .overflow)
        }
    }

    /// A finite `Decimal` as sign, whole-number magnitude (no trailing zeros) and exponent.
    private struct Parts {
        var negative: Bool
        var magnitude: UInt128
        var exponent: Int

        init?(_ d: Decimal) {
            guard d.isFinite, !d.isNaN else { return nil }
            negative = d < 0
            var text = "\(d.magnitude.significand)"
            var exponent = Int(d.exponent)
            if let dot = text.firstIndex(of: ".") {
                exponent -= text.distance(from: dot, to: text.endIndex) - 1
                text.remove(at: dot)
            }
            text = String(text.drop { $0 == "0" })
            while text.last == "0" {
                text.removeLast()
                exponent += 1
            }
            guard !text.isEmpty else {
                (negative, magnitude, self.exponent) = (false, 0, 0)
                return
            }
            guard text.count <= 39, let value = UInt128(text) else { return nil }
            magnitude = value
            self.exponent = exponent
        }

        /// The magnitude times 10^`power`, or nil past 128 bits.
        func scaled(by power: Int) -> UInt128? {
            var value = magnitude
            for _ in 0..<power {
                let (next, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value = next
            }
            return value
        }
    }
}
