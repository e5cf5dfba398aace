import Foundation
import DocumentModel
import TemplateData

/// What arithmetic computes with: a plain decimal number, or an amount of money in one
/// currency (`{amount, currency}` in the data).
enum Quantity: Equatable {
    case number(Decimal)
    case money(Decimal, currency: String)

    var value: Value {
        switch self {
        case .number(let d): .number(d)
        case .money(let d, let currency): .object(OrderedObject([("amount", .number(d)), ("currency", .string(currency))]))
        }
    }
}

extension RenderContext {
    /// Evaluates `a + b`, `a - b`, `a * b` exactly in `Decimal`; a result that would need more
    /// than 38 significant digits is an error, never a rounded number.
    ///
    /// Operands are numbers, decimal strings (`"12.50"`) or money objects. Money keeps its
    /// currency: amounts of one currency add and subtract, an amount times a number is an
    /// amount; two currencies never mix (one document, one currency). Nothing is rounded
    /// here: money is rounded once, when printed or summed (see ``roundedMoney(_:currency:)``).
    mutating func arithmetic(_ lhs: Expression, _ op: Expression.Arithmetic, _ rhs: Expression, at location: NodeLocation) -> Value {
        let errorCount = errors.count
        let a = evaluate(lhs, at: location), b = evaluate(rhs, at: location)
        // An operand that already failed has been reported; do not pile a second error on it.
        guard errors.count == errorCount else { return .null }
        guard let x = operand(a, lhs, op, at: location), let y = operand(b, rhs, op, at: location) else { return .null }
        return combine(x, op, y, at: location, describing: (lhs, rhs))?.value ?? .null
    }

    /// `x op y`, or nil after reporting why it cannot be computed.
    mutating func combine(_ x: Quantity, _ op: Expression.Arithmetic, _ y: Quantity, at location: NodeLocation,
                          describing operands: (Expression, Expression)? = nil) -> Quantity? {
        let verb = Self.verb(op)
        switch (x, y, op) {
        case (.number(let a), .number(let b), _):
            return exact(a, op, b, at: location).map(Quantity.number)
        case (.money(let a, let c), .money(let b, let d), .add), (.money(let a, let c), .money(let b, let d), .subtract):
            guard c == d else {
                fail("render.arithmetic", "cannot \(verb) amounts in \(c) and \(d): a document has one currency", at: location,
                     suggestion: "convert donor amounts before entering them, with the rate and date in the notes")
                return nil
            }
            return exact(a, op, b, at: location).map { .money($0, currency: c) }
        case (.money(let a, let c), .number(let b), .multiply), (.number(let b), .money(let a, let c), .multiply):
            return exact(a, op, b, at: location).map { .money($0, currency: c) }
        case (.money, .money, _):
            fail("render.arithmetic", "cannot multiply two amounts of money", at: location,
                 suggestion: "multiply an amount by a quantity, e.g. unit_cost * quantity")
            return nil
        case (.money(_, let c), .number, _), (.number, .money(_, let c), _):
            let side = operands.map { Self.source(x.isMoney ? $0.0 : $0.1) } ?? "the amount"
            fail("render.arithmetic", "cannot \(verb) a plain number and an amount of money (\(c))", at: location,
                 suggestion: "use the number of the amount, '\(side).amount', or give both as {amount, currency}")
            return nil
        }
    }

    /// The operand's number or amount, or nil after reporting why it has none.
    mutating func operand(_ value: Value, _ expression: Expression, _ op: Expression.Arithmetic, at location: NodeLocation) -> Quantity? {
        if let quantity = Self.quantity(value) { return quantity }
        let name = Self.source(expression)
        switch value {
        case .null:
            let hyphenated: Bool = if case .path(let p) = expression { p.contains { $0.contains("-") } } else { false }
            fail("render.arithmetic", "cannot \(Self.verb(op)): '\(name)' has no value", at: location,
                 suggestion: hyphenated
                    ? "a '-' between two letters belongs to the name; to subtract, put spaces around it ('total - paid')"
                    : "give it a value in the data, or write ('\(name)' | default:0)")
        default:
            // The value itself is not shown: it may be a personal identifier.
            fail("render.arithmetic", "cannot \(Self.verb(op)): '\(name)' is \(Self.article(value.typeName)) \(value.typeName), not a number",
                 at: location, suggestion: "arithmetic works on numbers, decimal strings such as \"12.50\" and {amount, currency}")
        }
        return nil
    }

    /// A number, a decimal string, or a `{amount, currency}` object; nil for anything else.
    static func quantity(_ value: Value) -> Quantity? {
        switch value {
        case .number(let d): return .number(d)
        case .string(let s): return decimal(s).map(Quantity.number)
        case .object:
            guard case .string(let code)? = value["currency"], let currency = currencyCode(code) else { return nil }
            switch value["amount"] {
            case .number(let d)?: return .money(d, currency: currency)
            case .string(let s)?: return decimal(s).map { .money($0, currency: currency) }
            default: return nil
            }
        default: return nil
        }
    }

    /// A plain decimal written the JSON way: `-12.50`, `3`; no exponent, grouping or comma.
    static func decimal(_ text: String) -> Decimal? {
        var digitsBefore = 0, digitsAfter = 0, seenDot = false
        for (i, c) in text.enumerated() {
            if c == "-" && i == 0 { continue }
            if c == "." && !seenDot { seenDot = true; continue }
            guard c.isASCII, c.isNumber else { return nil }
            if seenDot { digitsAfter += 1 } else { digitsBefore += 1 }
        }
        guard digitsBefore > 0, !seenDot || digitsAfter > 0, digitsBefore + digitsAfter <= 38 else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// An ISO 4217 code in upper case, or nil when `text` is not three ASCII letters.
    static func currencyCode(_ text: String) -> String? {
        guard text.count == 3, text.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return text.uppercased()
    }

    /// `a op b` in `Decimal`, or nil after reporting a result that `Decimal` cannot hold exactly.
    ///
    /// Foundation rounds such results silently (on Linux it does not even report the loss) and
    /// traps when an exponent leaves its range, so the arithmetic is ``ExactDecimal``'s, which
    /// checks both and never rounds.
    mutating func exact(_ a: Decimal, _ op: Expression.Arithmetic, _ b: Decimal, at location: NodeLocation) -> Decimal? {
        let result = switch op {
        case .add: ExactDecimal.sum(a, b)
        case .subtract: ExactDecimal.difference(a, b)
        case .multiply: ExactDecimal.product(a, b)
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let failure):
            let operands = "\(ExactDecimal.shortDescription(a)) and \(ExactDecimal.shortDescription(b))"
            let why = switch failure {
            case .tooManyDigits: "the result needs more than 38 significant digits"
            case .underflow: "the result is smaller than 1e-128"
            case .overflow: "the result is 1e165 or more"
            }
            fail("render.arithmetic", "cannot \(Self.verb(op)) \(operands) exactly: \(why)", at: location,
                 suggestion: "numbers are kept exactly \(ExactDecimal.rangeDescription); check the data for a misplaced exponent")
            return nil
        }
    }

    /// Money is rounded **half up** (half away from zero, `0.005` → `0.01`, `-0.005` → `-0.01`)
    /// to the currency's minor unit, as documents.md §6 requires for budgets
    /// (`line_total = round_half_up(unit_cost × quantity × months, 2)`), and only once: the
    /// `money` filter rounds what it prints, and `sum` adds the rounded amounts of its items,
    /// so a printed table adds up to its printed total.
    static func roundedMoney(_ amount: Decimal, currency: String) -> Decimal {
        var value = amount, result = Decimal()
        NSDecimalRound(&result, &value, minorUnitDigits(currency), .plain)
        return result
    }

    /// Digits after the decimal point (ISO 4217): 2 for MDL, RON, EUR and most others.
    static func minorUnitDigits(_ currency: String) -> Int {
        switch currency.uppercased() {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF": 0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND": 3
        default: 2
        }
    }

    /// `{amount, currency}` printed for the locale, rounded half up (never a currency from the region).
    func formatMoney(_ amount: Decimal, currency: String) -> String {
        // One unbreakable token: an amount never breaks inside its digits or from its currency.
        Typography.unbreakable(formatter.money(Self.roundedMoney(amount, currency: currency), currency: currency))
    }

    /// An expression written back as a template writer would, for messages.
    static func source(_ e: Expression) -> String {
        switch e {
        case .path(let p): p.joined(separator: ".")
        case .string(let s): "\"\(s)\""
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .arithmetic(.number("0"), .subtract, let x, _): "-\(source(x))"
        case .arithmetic(let a, let op, let b, _): "\(source(a)) \(op.rawValue) \(source(b))"
        case .filter(let inner, let name, let arguments, _):
            "\(source(inner)) | \(name)" + (arguments.isEmpty ? "" : ":" + arguments.map(source).joined(separator: ", "))
        default: "expression"
        }
    }

    static func verb(_ op: Expression.Arithmetic) -> String {
        switch op {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        }
    }

    static func article(_ typeName: String) -> String {
        typeName.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}

extension Quantity {
    var isMoney: Bool { if case .money = self { true } else { false } }
}
