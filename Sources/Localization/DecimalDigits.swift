import Foundation

/// A decimal number as a sign, a run of significant digits and a power of ten:
/// the working representation of every number path (formatting, rounding,
/// plural operands). Working on digits rather than on `Decimal` arithmetic keeps
/// rounding exact and formatting fast, and lets a rounded-away negative value
/// keep its sign (`-0.0001` → `-0`, as ICU prints it).
struct DecimalDigits: Sendable, Hashable {
    /// True for values below zero, including those that round to zero.
    var isNegative: Bool
    /// Significant digits (0…9), most significant first; never a leading zero; empty for zero.
    var digits: [UInt8]
    /// The value is `digits` read as an integer times `10^exponent`.
    var exponent: Int

    static let zero = DecimalDigits(isNegative: false, digits: [], exponent: 0)

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = exponent
        normalize()
    }

    /// The exact digits of a `Decimal`.
    init(_ value: Decimal) {
        if value.isNaN || value.isZero {
            self = .zero
            return
        }
        if let layout = DecimalDigits.rawLayout, let digits = DecimalDigits(raw: value, layout: layout) {
            self = digits
            return
        }
        self = DecimalDigits(parsing: Substring(value.description)) ?? .zero
    }

    /// How the length and sign are packed next to the exponent in `Decimal`'s storage
    /// (it is the C struct `NSDecimal`: 8-bit exponent, 4-bit length, sign flag, 8 × 16-bit mantissa).
    /// Its fields are not public on Linux and the bitfield order differs between platforms,
    /// so the packing is detected once and checked against `description`; when neither
    /// packing checks out, the slower path through `description` is used.
    enum RawLayout {
        /// Length in the high nibble, sign in bit 3 (swift-foundation).
        case lengthHigh
        /// Length in the low nibble, sign in bit 4 (the C bitfield on Darwin).
        case lengthLow
    }

    static let rawLayout: RawLayout? = {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        let probes = ["-1234.5", "0.001", "12345678901234567890123", "987654321", "-7"]
        for layout in [RawLayout.lengthHigh, .lengthLow] {
            let consistent = probes.allSatisfy { text in
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                      let raw = DecimalDigits(raw: value, layout: layout) else { return false }
                return raw == DecimalDigits(parsing: Substring(text))
            }
            if consistent { return layout }
        }
        return nil
    }()

    private init?(raw value: Decimal, layout: RawLayout) {
        var exponent = 0, length = 0, negative = false
        var small: UInt64 = 0
        var words: [UInt16] = []
        let valid: Bool = withUnsafeBytes(of: value) { bytes in
            guard bytes.count == 20 else { return false }
            let flags = bytes[1]
            switch layout {
            case .lengthHigh:
                length = Int(flags >> 4)
                negative = flags & 0x08 != 0
            case .lengthLow:
                length = Int(flags & 0x0F)
                negative = flags & 0x10 != 0
            }
            guard length > 0 && length <= 8 else { return false }
            exponent = Int(Int8(bitPattern: bytes[0]))
            if length <= 4 {
                for index in stride(from: length - 1, through: 0, by: -1) {
                    small = small << 16 | UInt64(bytes[4 + 2 * index]) | UInt64(bytes[5 + 2 * index]) << 8
                }
            } else {
                words = (0..<length).map { UInt16(bytes[4 + 2 * $0]) | UInt16(bytes[5 + 2 * $0]) << 8 }
            }
            return true
        }
        guard valid else { return nil }
        var digits: [UInt8]
        if length <= 4 {
            var count = 0
            var rest = small
            repeat {
                count += 1
                rest /= 10
            } while rest > 0
            digits = [UInt8](repeating: 0, count: count)
            var index = count - 1
            while small > 0 {
                digits[index] = UInt8(small % 10)
                small /= 10
                index -= 1
            }
        } else {
            var reversed: [UInt8] = []
            reversed.reserveCapacity(40)
            var active = length
            while active > 0 {
                var remainder: UInt32 = 0
                for index in stride(from: active - 1, through: 0, by: -1) {
                    let current = remainder << 16 | UInt32(words[index])
                    words[index] = UInt16(current / 10)
                    remainder = current % 10
                }
                reversed.append(UInt8(remainder))
                while active > 0 && words[active - 1] == 0 { active -= 1 }
            }
            digits = reversed.reversed()
        }
        self.init(isNegative: negative, digits: digits, exponent: exponent)
    }

    /// Parses a plain decimal literal (`-1234.50`, `1e6`); nil when it is not one.
    init?(parsing text: Substring) {
        var scalars = text.unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while let scalar = scalars.first {
            if let digit = scalar.asciiDigit {
                sawDigit = true
                if !(digits.isEmpty && digit == 0) { digits.append(digit) }
                if sawPoint { exponent -= 1 }
            } else if scalar == "." && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            scalars = scalars.dropFirst()
        }
        guard sawDigit else { return nil }
        if let marker = scalars.first, marker == "e" || marker == "E" || marker == "c" {
            scalars = scalars.dropFirst()
            guard let power = Int(String(Substring.UnicodeScalarView(scalars))) else { return nil }
            exponent += power
            scalars = scalars.dropFirst(scalars.count)
        }
        guard scalars.isEmpty else { return nil }
        self.init(isNegative: negative, digits: digits, exponent: exponent)
    }

    var isZero: Bool { digits.isEmpty }

    /// Number of digits before the decimal point (0 for values below 1).
    var integerDigitCount: Int { max(0, digits.count + exponent) }

    /// Number of digits after the decimal point, without trailing zeros.
    var fractionDigitCount: Int { max(0, -exponent) }

    /// Position of the most significant digit: 0 for 1…9, 3 for 1000…9999, -1 for 0.1…0.9.
    var magnitude: Int { digits.count + exponent - 1 }

    /// The digit at a power of ten (0 for positions outside the digits).
    func digit(atPower power: Int) -> UInt8 {
        let index = digits.count - 1 - (power - exponent)
        return index >= 0 && index < digits.count ? digits[index] : 0
    }

    /// Removes leading and trailing zeros so equal values compare equal.
    private mutating func normalize() {
        if let first = digits.firstIndex(where: { $0 != 0 }) {
            if first > 0 { digits.removeFirst(first) }
        } else {
            digits.removeAll()
            exponent = 0
            return
        }
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
    }

    /// The value times `10^power`.
    func scaled(byPowerOfTen power: Int) -> DecimalDigits {
        var copy = self
        if !copy.isZero { copy.exponent += power }
        return copy
    }

    /// Rounds to the given power of ten (`-2` keeps two fraction digits, `3` rounds to thousands).
    func rounded(toPower power: Int, mode: RoundingMode) -> DecimalDigits {
        guard exponent < power, !isZero else { return self }
        let keep = digits.count - (power - exponent)
        // Everything to drop: decide from the first dropped digit and whether more follow.
        let firstDropped: UInt8 = keep >= 0 ? digits[keep] : 0
        let droppedRest = keep >= 0 ? digits[(keep + 1)...].contains { $0 != 0 } : true
        let exactHalf = keep >= 0 && firstDropped == 5 && !droppedRest
        let aboveHalf = keep >= 0 ? (firstDropped > 5 || (firstDropped == 5 && droppedRest)) : false
        let nothingDropped = keep >= 0 ? (firstDropped == 0 && !droppedRest) : false
        var kept = keep > 0 ? Array(digits[..<keep]) : []
        let lastKeptOdd = (kept.last ?? 0) % 2 == 1
        let roundUp: Bool
        switch mode {
        case .halfEven: roundUp = aboveHalf || (exactHalf && lastKeptOdd)
        case .halfUp: roundUp = aboveHalf || exactHalf
        case .halfDown: roundUp = aboveHalf
        case .down: roundUp = false
        case .up: roundUp = !nothingDropped
        case .ceiling: roundUp = !nothingDropped && !isNegative
        case .floor: roundUp = !nothingDropped && isNegative
        }
        if roundUp {
            var index = kept.count - 1
            var carry = true
            while carry && index >= 0 {
                if kept[index] == 9 {
                    kept[index] = 0
                    index -= 1
                } else {
                    kept[index] += 1
                    carry = false
                }
            }
            if carry { kept.insert(1, at: 0) }
        }
        return DecimalDigits(isNegative: isNegative, digits: kept, exponent: power)
    }

    /// Rounds to a number of significant digits.
    func rounded(toSignificantDigits count: Int, mode: RoundingMode) -> DecimalDigits {
        guard !isZero else { return self }
        return rounded(toPower: magnitude - count + 1, mode: mode)
    }

    /// The exact `Decimal` value.
    var decimal: Decimal {
        var result = Decimal(0)
        for digit in digits { result = result * 10 + Decimal(Int(digit)) }
        result = exponent >= 0
            ? result * pow(Decimal(10), exponent)
            : result / pow(Decimal(10), -exponent)
        return isNegative ? -result : result
    }
}

/// How a number that does not fit the precision is rounded (ICU's rounding modes).
enum RoundingMode: Sendable, Hashable {
    case halfEven, halfUp, halfDown, down, up, ceiling, floor
}

extension Unicode.Scalar {
    /// The value of an ASCII digit, nil otherwise.
    var asciiDigit: UInt8? {
        value >= 0x30 && value <= 0x39 ? UInt8(value - 0x30) : nil
    }
}
