public import Foundation

/// Builds a `Decimal` from number text without passing through `Double`, and refuses numbers
/// that `Decimal` cannot hold exactly instead of rounding them silently.
///
/// A number is kept exactly when it has at most 38 significant digits and lies from 1e-128
/// up to (not including) 1e165: `Decimal` stores a 128-bit whole number times a power of ten
/// from -128 to 127.
///
/// ```swift
/// ExactDecimal.decimal(fromJSONNumber: "0.10")   // .success(0.1)
/// ExactDecimal.decimal(fromJSONNumber: "1e400")  // .failure(.outOfRange)
/// ```
public enum ExactDecimal {
    /// The most significant digits `Decimal`'s 128-bit mantissa holds for every value.
    public static let maximumSignificantDigits = 38
    static let exponentRange = -128...127
    /// The range every message about it states.
    public static let rangeDescription = "from 1e-128 to below 1e165, with at most 38 significant digits"

    public enum Failure: Error, Sendable, Equatable {
        case tooManyDigits(Int)
        case outOfRange
    }

    /// `text` must already match the JSON number grammar
    /// (`-? int frac? exp?`, digits only, no leading `+`).
    public static func decimal(fromJSONNumber text: some StringProtocol) -> Result<Decimal, Failure> {
        var chars = Substring(text)
        var negative = false
        if chars.first == "-" {
            negative = true
            chars = chars.dropFirst()
        }
        let mantissaEnd = chars.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? chars.endIndex
        let mantissa = chars[..<mantissaEnd]
        var exponentText = mantissaEnd < chars.endIndex ? chars[chars.index(after: mantissaEnd)...] : ""
        let integerPart: Substring
        let fractionPart: Substring
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        } else {
            integerPart = mantissa
            fractionPart = ""
        }
        var digits = Substring(integerPart + fractionPart)
        digits = digits.drop { $0 == "0" }
        if digits.isEmpty { return .success(Decimal(0)) }  // -0 and 0e999 are zero: Decimal has no negative zero
        var trailingZeros = 0
        while digits.last == "0" {
            digits = digits.dropLast()
            trailingZeros += 1
        }
        if digits.count > maximumSignificantDigits { return .failure(.tooManyDigits(digits.count)) }

        var exponentNegative = false
        if exponentText.first == "+" || exponentText.first == "-" {
            exponentNegative = exponentText.first == "-"
            exponentText = exponentText.dropFirst()
        }
        exponentText = exponentText.drop { $0 == "0" }
        // Six digits already lie far outside the range; avoids overflow on absurd exponents.
        guard exponentText.count <= 6 else { return .failure(.outOfRange) }
        let written = (Int(exponentText) ?? 0) * (exponentNegative ? -1 : 1)
        let exponent = written - fractionPart.count + trailingZeros
        return make(negative: negative, digits: String(digits), exponent: exponent)
    }

    /// `±digits × 10^exponent` (digits without leading or trailing zeros), or why `Decimal`
    /// cannot hold it: an exponent above 127 is taken into the mantissa as trailing zeros
    /// while the digits stay within 38 (so `1e128` is `10e127`).
    static func make(negative: Bool, digits: String, exponent: Int) -> Result<Decimal, Failure> {
        guard digits.count <= maximumSignificantDigits else { return .failure(.tooManyDigits(digits.count)) }
        var digits = digits, exponent = exponent
        guard exponent >= exponentRange.lowerBound else { return .failure(.outOfRange) }
        if exponent > exponentRange.upperBound {
            let zeros = exponent - exponentRange.upperBound
            guard digits.count + zeros <= maximumSignificantDigits else { return .failure(.outOfRange) }
            digits += String(repeating: "0", count: zeros)
            exponent = exponentRange.upperBound
        }
        guard let value = Decimal(string: "\(negative ? "-" : "")\(digits)e\(exponent)", locale: Locale(identifier: "en_US_POSIX")) else {
            return .failure(.outOfRange)
        }
        return .success(value)
    }

    /// The message and hint for a number that cannot be kept exactly.
    public static func describe(_ failure: Failure, text: String) -> (message: String, suggestion: String) {
        let shown = text.count > 24 ? String(text.prefix(20)) + "…" : text
        switch failure {
        case .tooManyDigits(let count):
            return (
                "the number \(shown) has \(count) significant digits; at most \(maximumSignificantDigits) can be kept exactly",
                "if it is a code or an identifier rather than an amount, write it as a string in quotes"
            )
        case .outOfRange:
            return (
                "the number \(shown) is too large or too small to be kept exactly (numbers are kept \(rangeDescription))",
                "if it is a code or an identifier rather than an amount, write it as a string in quotes"
            )
        }
    }
}

/// Spots numbers written as text (`"12.50"`); `"1 200,50"` is left alone, being ambiguous.
enum ExactDecimalHint {
    static func number(from text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            let normalized = YAMLConverter.normalizedCoreNumber(trimmed),
            case .success(let value) = ExactDecimal.decimal(fromJSONNumber: normalized)
        else { return nil }
        return "\(value)"
    }
}
