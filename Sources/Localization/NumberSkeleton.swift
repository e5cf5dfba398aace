import Foundation

/// ICU number skeletons (`::currency/EUR .00`, `::percent`, `::compact-short`), the
/// subset that documents need, parsed into a ``NumberFormat``. Anything else is
/// rejected with the offending token rather than silently ignored.
enum NumberSkeleton {
    /// A token that is not a valid or supported stem; `offset` counts code points from the skeleton's start.
    struct Failure: Error {
        var offset: Int
        var message: String
        var suggestion: String?
    }

    private enum Category: String {
        case notation, unit, precision, rounding = "rounding mode", grouping, sign, unitWidth = "unit width", scale, decimal = "decimal separator"
    }

    static func parse(_ skeleton: String) throws(Failure) -> NumberFormat {
        var format = NumberFormat()
        var seen: [Category: String] = [:]
        var offset = 0
        var tokens: [(text: String, offset: Int)] = []
        var current = ""
        var currentStart = 0
        for scalar in skeleton.unicodeScalars {
            if scalar.properties.isPatternWhitespace {
                if !current.isEmpty { tokens.append((current, currentStart)) }
                current = ""
            } else {
                if current.isEmpty { currentStart = offset }
                current.unicodeScalars.append(scalar)
            }
            offset += 1
        }
        if !current.isEmpty { tokens.append((current, currentStart)) }
        guard !tokens.isEmpty else {
            throw Failure(offset: 0, message: "empty number skeleton", suggestion: "write a stem after '::', for example '::currency/EUR' or '::.00'")
        }

        func claim(_ category: Category, _ token: (text: String, offset: Int)) throws(Failure) {
            if let previous = seen[category] {
                throw Failure(
                    offset: token.offset,
                    message: "bad number skeleton: two \(category.rawValue) stems ('\(previous)' and '\(token.text)')",
                    suggestion: "keep only one of them")
            }
            seen[category] = token.text
        }

        for token in tokens {
            let parts = token.text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let stem = parts[0]
            let options = Array(parts.dropFirst())
            func noOptions() throws(Failure) {
                guard options.isEmpty else {
                    throw Failure(offset: token.offset, message: "bad number skeleton: '\(stem)' takes no option", suggestion: nil)
                }
            }
            switch stem {
            case "compact-short", "K":
                try noOptions()
                try claim(.notation, token)
                format.notation = .compactShort
            case "notation-simple":
                try noOptions()
                try claim(.notation, token)
            case "compact-long", "KK", "scientific", "engineering":
                try claim(.notation, token)
                throw Failure(offset: token.offset, message: "number skeleton stem '\(stem)' is not supported", suggestion: "use 'compact-short' or no notation")
            case "percent", "%":
                try noOptions()
                try claim(.unit, token)
                format.unit = .percent
            case "%x100":
                try noOptions()
                try claim(.unit, token)
                try claim(.scale, token)
                format.unit = .percent
                format.scale = 100
            case "permille":
                try noOptions()
                try claim(.unit, token)
                format.unit = .permille
            case "base-unit":
                try noOptions()
                try claim(.unit, token)
            case "currency":
                try claim(.unit, token)
                guard options.count == 1, options[0].count == 3, options[0].allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw Failure(
                        offset: token.offset,
                        message: "bad number skeleton: currency code must be 3 letters ('\(options.joined(separator: "/"))')",
                        suggestion: "use an ISO 4217 code such as currency/EUR, currency/BGN, currency/RON or currency/MDL")
                }
                format.unit = .currency(options[0].uppercased())
            case "precision-integer":
                try noOptions()
                try claim(.precision, token)
                format.precision = .fraction(minimum: 0, maximum: 0)
            case "precision-unlimited":
                try noOptions()
                try claim(.precision, token)
                format.precision = .unlimited
            case "precision-currency-standard":
                try noOptions()
                try claim(.precision, token)
                format.precision = .currencyStandard
            case "rounding-mode-half-even": try roundingMode(.halfEven)
            case "rounding-mode-half-up": try roundingMode(.halfUp)
            case "rounding-mode-half-down": try roundingMode(.halfDown)
            case "rounding-mode-down": try roundingMode(.down)
            case "rounding-mode-up": try roundingMode(.up)
            case "rounding-mode-ceiling": try roundingMode(.ceiling)
            case "rounding-mode-floor": try roundingMode(.floor)
            case "group-off", ",_": try grouping(.off)
            case "group-min2", ",?": try grouping(.minimumTwo)
            case "group-auto": try grouping(.automatic)
            case "group-on-aligned", ",!", "group-thousands", ",=": try grouping(.always)
            case "sign-auto": try sign(.automatic)
            case "sign-always", "+!": try sign(.always)
            case "sign-never", "+_": try sign(.never)
            case "sign-except-zero", "+?": try sign(.exceptZero)
            case "sign-negative", "+-": try sign(.negative)
            case "unit-width-short", "unit-width-narrow": try unitWidth(.symbol)
            case "unit-width-iso-code": try unitWidth(.isoCode)
            case "unit-width-hidden": try unitWidth(.hidden)
            case "decimal-auto":
                try noOptions()
                try claim(.decimal, token)
            case "decimal-always":
                try noOptions()
                try claim(.decimal, token)
                format.alwaysShowDecimalSeparator = true
            case "scale":
                try claim(.scale, token)
                guard options.count == 1, let factor = Decimal(string: options[0], locale: Locale(identifier: "en_US_POSIX")),
                      DecimalDigits(parsing: Substring(options[0])) != nil else {
                    throw Failure(offset: token.offset, message: "bad number skeleton: scale needs a number ('scale/100')", suggestion: nil)
                }
                format.scale = factor
            default:
                if let precision = fractionPrecision(stem) ?? significantPrecision(stem) {
                    try claim(.precision, token)
                    guard options.isEmpty else {
                        throw Failure(offset: token.offset, message: "number skeleton option '\(options.joined(separator: "/"))' after '\(stem)' is not supported", suggestion: nil)
                    }
                    format.precision = precision
                } else {
                    throw Failure(
                        offset: token.offset,
                        message: "bad number skeleton: unknown stem '\(stem)'",
                        suggestion: suggestion(for: stem))
                }
            }

            func roundingMode(_ mode: RoundingMode) throws(Failure) {
                try noOptions()
                try claim(.rounding, token)
                format.roundingMode = mode
            }
            func grouping(_ value: NumberFormat.Grouping) throws(Failure) {
                try noOptions()
                try claim(.grouping, token)
                format.grouping = value
            }
            func sign(_ value: NumberFormat.SignDisplay) throws(Failure) {
                try noOptions()
                try claim(.sign, token)
                format.sign = value
            }
            func unitWidth(_ value: NumberFormat.CurrencyDisplay) throws(Failure) {
                try noOptions()
                try claim(.unitWidth, token)
                format.currencyDisplay = value
            }
        }
        return format
    }

    /// `.00`, `.0#`, `.##`, `.00+`, `.` (integer).
    private static func fractionPrecision(_ stem: String) -> NumberFormat.Precision? {
        guard stem.first == "." else { return nil }
        var body = stem.dropFirst()
        var unlimited = false
        if body.last == "+" {
            unlimited = true
            body = body.dropLast()
        }
        let zeros = body.prefix { $0 == "0" }.count
        let hashes = body.dropFirst(zeros)
        guard hashes.allSatisfy({ $0 == "#" }), !(unlimited && !hashes.isEmpty) else { return nil }
        return .fraction(minimum: zeros, maximum: unlimited ? 30 : body.count)
    }

    /// `@@`, `@@#`, `@@@+`.
    private static func significantPrecision(_ stem: String) -> NumberFormat.Precision? {
        guard stem.first == "@" else { return nil }
        var body = Substring(stem)
        var unlimited = false
        if body.last == "+" {
            unlimited = true
            body = body.dropLast()
        }
        let ats = body.prefix { $0 == "@" }.count
        let hashes = body.dropFirst(ats)
        guard ats > 0, hashes.allSatisfy({ $0 == "#" }), !(unlimited && !hashes.isEmpty) else { return nil }
        return .significant(minimum: ats, maximum: unlimited ? 38 : body.count)
    }

    private static let knownStems = [
        "percent", "permille", "currency/EUR", "compact-short", "precision-integer", "group-off", "group-min2",
        "sign-always", "scale/100", ".00", "@@",
    ]

    private static func suggestion(for stem: String) -> String {
        let lowered = stem.lowercased()
        if let close = knownStems.first(where: { lowered.hasPrefix($0.prefix(4)) }) {
            return "did you mean '\(close)'?"
        }
        return "use a supported stem: " + knownStems.joined(separator: ", ")
    }
}
