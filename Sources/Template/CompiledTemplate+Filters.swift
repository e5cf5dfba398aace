import Foundation
import DocumentModel
import Localization
import TemplateData

extension RenderContext {
    mutating func applyFilter(_ name: String, to value: Value, arguments: [Value], expression: Expression, at location: NodeLocation) -> Value {
        func stringArgument(_ index: Int) -> String? {
            guard index < arguments.count else { return nil }
            if case .string(let s) = arguments[index] { return s }
            return nil
        }
        switch name {
        case "default":
            let isEmpty: Bool = switch value {
            case .null: true
            case .string(let s): s.isEmpty
            case .array(let a): a.isEmpty
            default: false
            }
            return isEmpty ? (arguments.first ?? .string("")) : value
        case "count":
            switch value {
            case .array(let a): return .number(Decimal(a.count))
            case .string(let s): return .number(Decimal(s.count))
            case .object(let o): return .number(Decimal(o.count))
            case .null: return .number(0)
            default:
                fail("filter.type", "count needs a list, found \(value.typeName)", at: location)
                return .null
            }
        case "join":
            guard case .array(let items) = value else {
                if case .null = value { return .string("") }
                fail("filter.type", "join needs a list, found \(value.typeName)", at: location)
                return .null
            }
            let separator = stringArgument(0) ?? ", "
            return .string(items.map { display($0, expression: expression, at: location) }.joined(separator: separator))
        case "upper", "lower":
            guard case .string(let s) = value else {
                if case .null = value { return .null }
                return .string(display(value, expression: expression, at: location))
            }
            let locale = Locale(identifier: template.locale.identifier)
            return .string(name == "upper" ? s.uppercased(with: locale) : s.lowercased(with: locale))
        case "date":
            if case .null = value { return .null }
            guard case .string(let s) = value, let date = CalendarDate(isoDateOrDateTime: s) else {
                fail("filter.date", "date needs an ISO date such as 2026-11-22, found \(value.typeName) \(preview(value))", at: location)
                return .null
            }
            let styleName = stringArgument(0) ?? "long"
            guard let style = DateStyle(rawValue: styleName) else {
                fail("filter.argument", "unknown date style '\(styleName)'", at: location, suggestion: "use short, medium, long, full or numeric")
                return .null
            }
            return .string(formatter.date(date, style: style))
        case "number":
            if case .null = value { return .null }
            guard case .number(let d) = value else {
                fail("filter.number", "number needs a number, found \(value.typeName) \(preview(value))", at: location)
                return .null
            }
            switch stringArgument(0) {
            case nil: return .string(Typography.unbreakable(formatter.number(d)))
            case "integer": return .string(Typography.unbreakable(formatter.integer(d)))
            case "percent": return .string(Typography.unbreakable(formatter.percent(d)))
            case let other?:
                fail("filter.argument", "unknown number style '\(other)'", at: location, suggestion: "use integer or percent")
                return .null
            }
        case "money":
            return money(value, currency: arguments.first, at: location)
        case "words":
            var given: Expression?
            if case .filter(_, _, let expressions, _) = expression { given = expressions.first }
            return words(value, given: arguments.first, givenExpression: given, at: location)
        case "sum":
            return sum(value, itemExpression: arguments.first, currency: arguments.count > 1 ? arguments[1] : nil, at: location)
        case "where":
            guard arguments.count == 2 else {
                fail("filter.argument", "where takes a field and a value", at: location, suggestion: "write where:\"funding_source\", \"state_budget\"")
                return .null
            }
            return filterWhere(value, field: arguments[0], equals: arguments[1], at: location)
        case "distinct":
            return distinct(value, field: arguments.first, at: location)
        case "mask":
            return mask(value, keep: arguments.first, at: location)
        default:
            fail("filter.unknown", "unknown filter '\(name)'", at: location)
            return .null
        }
    }

    func preview(_ value: Value) -> String {
        switch value {
        case .string(let s): "\"\(s.prefix(40))\""
        case .number(let d): "\(d)"
        default: ""
        }
    }
}

// MARK: - Lists, money and masks

extension RenderContext {
    /// `money` / `money:"EUR"` / `money:plan.currency`: an amount printed for the locale.
    ///
    /// The value is `{amount, currency}` (amount a number or a decimal string such as
    /// `"1234.50"`), or a number or decimal string with the currency given as the argument.
    /// The currency always comes from the template or the data, never from the locale's
    /// region (CLDR still gives BGN for Bulgaria, which uses EUR since 2026). Rounded half up
    /// to the currency's minor unit, see ``roundedMoney(_:currency:)``.
    mutating func money(_ value: Value, currency argument: Value?, at location: NodeLocation) -> Value {
        if case .null = value { return .null }
        var currency: String?
        if let argument {
            guard case .string(let text) = argument, let code = Self.currencyCode(text) else {
                let found = if case .null = argument { "no currency (the value is missing)" } else { "\(argument.typeName) \(preview(argument))" }
                fail("filter.money", "money needs a three-letter ISO currency code such as \"EUR\", found \(found)", at: location,
                     suggestion: "write money:\"EUR\", or money:currency with the code in the data")
                return .null
            }
            currency = code
        }
        switch Self.quantity(value) {
        case .money(let amount, let own)?:
            if let currency, currency != own {
                fail("filter.money", "the amount is in \(own) but money asks for \(currency); amounts are never converted", at: location,
                     suggestion: "write money without a currency to use the amount's own")
                return .null
            }
            return .string(formatMoney(amount, currency: own))
        case .number(let amount)?:
            guard let currency else {
                fail("filter.money", "money needs a currency for a plain number; it is never taken from the locale", at: location,
                     suggestion: "write money:\"EUR\" (or RON, MDL), or give the amount as {amount, currency}")
                return .null
            }
            return .string(formatMoney(amount, currency: currency))
        case nil:
            fail("filter.money", "money needs {amount, currency}, a number or a decimal string, found \(value.typeName)", at: location,
                 suggestion: "amounts are written like 1234.50, without grouping or currency signs")
            return .null
        }
    }

    /// `words`: a whole number, or an amount `{amount, currency}`, in words in the template's
    /// language (``NumberSpelling``). `words:amount_in_words` also checks words the data give:
    /// when they are there and say something else, rendering fails with the data's pointer and
    /// the words expected (a total in words must never disagree with the total).
    mutating func words(_ value: Value, given: Value?, givenExpression: Expression?, at location: NodeLocation) -> Value {
        if case .null = value { return .null }
        let computed: String
        switch Self.quantity(value) {
        case .money(let amount, let currency)?:
            do {
                computed = try NumberSpelling.words(amount: amount, currency: currency, locale: template.locale)
            } catch {
                fail("filter.words", "words: \(error.message)", at: location, suggestion: error.suggestion)
                return .null
            }
        case .number(let number)? where number.isWholeNumber && number >= 0 && number <= Decimal(NumberSpelling.maximum):
            guard let words = NumberSpelling.words(NSDecimalNumber(decimal: number).int64Value, locale: template.locale) else {
                fail("filter.words", "words: numbers cannot be written in words in \(template.locale.definition.englishName) yet", at: location,
                     suggestion: "write the number in figures")
                return .null
            }
            computed = words
        case .number?:
            fail("filter.words", "words needs a whole number from 0 to \(NumberSpelling.maximum), or an amount {amount, currency}; found \(preview(value))", at: location,
                 suggestion: "give amounts as {amount, currency}, e.g. sum:\"unit_cost * quantity\", currency")
            return .null
        case nil:
            fail("filter.words", "words needs a number or an amount {amount, currency}, found \(value.typeName)", at: location)
            return .null
        }
        guard let given, case .string(let text) = given, !text.trimmingWhitespace.isEmpty else { return .string(computed) }
        if Self.wordsKey(text) != Self.wordsKey(computed) {
            let pointer: String
            if case .path(let path)? = givenExpression, !scopes.contains(where: { $0[path[0]] != nil }) {
                pointer = "/" + path.map { $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined(separator: "/")
            } else {
                pointer = givenExpression.map(describe) ?? "the given words"
            }
            fail("data.amount-in-words", "\(pointer): the amount in words does not match the total: expected \"\(computed)\", found \"\(text.prefix(300))\"", at: location,
                 suggestion: "leave \(pointer.hasPrefix("/") ? pointer : "it") out (the words are computed from the total), or write \"\(computed)\"")
            return .null
        }
        return .string(computed)
    }

    /// Words compared without case, extra spaces or a final full stop.
    static func wordsKey(_ text: String) -> String {
        var key = text.lowercased().collapsingWhitespace.trimmingWhitespace
        while key.last == "." { key.removeLast() }
        return key
    }

    /// `sum` adds a list of numbers or amounts; `sum:"unit_cost * quantity"` evaluates the
    /// expression for each item, with the item's fields (and the item as `item`) in scope;
    /// `sum:"unit_cost * quantity", "RON"` (or `, currency`) also makes plain numbers amounts
    /// in that currency.
    ///
    /// Exact in `Decimal`. Amounts of money are rounded half up to the currency's minor unit
    /// item by item before they are added (documents.md §6: subtotals and totals are sums of
    /// the rounded line totals), so a printed table adds up; plain numbers are not rounded.
    /// A null item or value of another kind is an error, and so is a mix of currencies.
    /// An empty list sums to 0 (0 in the currency when one is given).
    mutating func sum(_ value: Value, itemExpression argument: Value?, currency currencyArgument: Value? = nil, at location: NodeLocation) -> Value {
        let items: [Value]
        switch value {
        case .array(let a): items = a
        case .null: items = []
        default:
            fail("filter.type", "sum needs a list, found \(value.typeName)", at: location)
            return .null
        }
        var expression: Expression?
        if let argument {
            guard case .string(let source) = argument, let parsed = itemExpression(source) else {
                fail("filter.argument", "sum:\"…\" needs an expression in quotes", at: location, suggestion: "write sum:\"unit_cost * quantity\"")
                return .null
            }
            expression = parsed
            iterations += items.count
            guard iterations <= template.limits.maxLoopIterations else {
                fail("limit.loop-iterations", "the document needs more than \(template.limits.maxLoopIterations) loop iterations", at: location)
                return .null
            }
        }
        var currency: String?
        if let currencyArgument {
            guard case .string(let text) = currencyArgument, let code = Self.currencyCode(text) else {
                fail("filter.argument", "the second argument of sum must be a three-letter ISO currency code such as \"EUR\"", at: location,
                     suggestion: "write sum:\"unit_cost * quantity\", \"EUR\", or sum:\"…\", currency with the code in the data")
                return .null
            }
            currency = code
        }
        var total = currency.map { Quantity.money(0, currency: $0) } ?? .number(0)
        var isFirst = currency == nil
        for (index, item) in items.enumerated() {
            let errorCount = errors.count
            let itemValue: Value
            if let expression {
                var scope: [String: Value] = [:]
                if case .object(let fields) = item { for (key, field) in fields { scope[key] = field } }
                scope["item"] = item
                scopes.append(Scope(bindings: scope))
                itemValue = evaluate(expression, at: location)
                scopes.removeLast()
                if errors.count != errorCount { return .null }
            } else {
                itemValue = item
            }
            guard var quantity = Self.quantity(itemValue) else {
                let what = if case .null = itemValue { "has no value" } else { "is \(Self.article(itemValue.typeName)) \(itemValue.typeName), not a number" }
                fail("filter.sum", "sum: item \(index + 1) \(what)", at: location,
                     suggestion: expression == nil ? "sum a field of the items with sum:\"field\"" : "give every item the fields the expression uses")
                return .null
            }
            if let currency, case .number(let amount) = quantity { quantity = .money(amount, currency: currency) }
            if case .money(let amount, let code) = quantity {
                quantity = .money(Self.roundedMoney(amount, currency: code), currency: code)
            }
            if isFirst {
                total = quantity
                isFirst = false
            } else {
                guard let next = combine(total, .add, quantity, at: location) else { return .null }
                total = next
            }
        }
        return total.value
    }

    /// Item expressions of `sum`, parsed once per render and text: state of this render,
    /// not of the process (no cache shared between templates or threads).
    mutating func itemExpression(_ source: String) -> Expression? {
        if let cached = itemExpressions[source] { return cached }
        guard let parsed = try? Expression.parse(source) else { return nil }
        itemExpressions[source] = parsed
        return parsed
    }

    /// `where:"funding_source", s`: the items whose field (a dotted path) equals the value;
    /// a missing field equals `null`.
    mutating func filterWhere(_ value: Value, field: Value, equals expected: Value, at location: NodeLocation) -> Value {
        guard let path = fieldPath(field, filter: "where", at: location), let items = list(value, filter: "where", at: location) else {
            return .null
        }
        return .array(items.filter { ($0[path: path] ?? .null) == expected })
    }

    /// `distinct:"funding_source"`: the field's values over a list, each once, in order of first
    /// appearance, without nulls; `distinct` alone does the same for the items themselves.
    mutating func distinct(_ value: Value, field: Value?, at location: NodeLocation) -> Value {
        var path: [String] = []
        if let field {
            guard let p = fieldPath(field, filter: "distinct", at: location) else { return .null }
            path = p
        }
        guard let items = list(value, filter: "distinct", at: location) else { return .null }
        var seen = Set<Value>()
        var result: [Value] = []
        for item in items {
            guard let v = item[path: path], v != .null else { continue }
            // Decimal's hash is not guaranteed equal for 1 and 1.0; compare numbers by value.
            let key: Value = if case .number(let d) = v { .string("\u{0}number:\(d)") } else { v }
            if seen.insert(key).inserted { result.append(v) }
        }
        return .array(result)
    }

    /// `mask` / `mask:n`: the first n characters (4 by default) and a `*` for each of the
    /// others, so identifiers print as `1445******`; a value of n characters or fewer is
    /// masked entirely (as `idcheck.py`'s `mask`); null prints nothing.
    mutating func mask(_ value: Value, keep argument: Value?, at location: NodeLocation) -> Value {
        var keep = 4
        if let argument {
            guard case .number(let d) = argument, d >= 0, d.isWholeNumber, d <= 1000 else {
                fail("filter.argument", "mask takes the number of characters to keep", at: location, suggestion: "write mask or mask:4")
                return .null
            }
            keep = NSDecimalNumber(decimal: d).intValue
        }
        let text: String
        switch value {
        case .null: return .string("")
        case .string(let s): text = s.trimmingWhitespace
        case .number(let d): text = "\(d)"
        default:
            fail("filter.type", "mask needs text such as a personal number, found \(value.typeName)", at: location)
            return .null
        }
        guard keep < text.count else { return .string(String(repeating: "*", count: text.count)) }
        return .string(String(text.prefix(keep)) + String(repeating: "*", count: text.count - keep))
    }

    private mutating func list(_ value: Value, filter: String, at location: NodeLocation) -> [Value]? {
        switch value {
        case .array(let items): return items
        case .null: return []
        default:
            fail("filter.type", "\(filter) needs a list, found \(value.typeName)", at: location)
            return nil
        }
    }

    private mutating func fieldPath(_ field: Value, filter: String, at location: NodeLocation) -> [String]? {
        guard case .string(let name) = field, Expression.isFieldPath(name) else {
            fail("filter.argument", "\(filter) needs a field name in quotes", at: location, suggestion: "write \(filter):\"funding_source\"")
            return nil
        }
        return name.split(separator: ".").map(String.init)
    }
}

