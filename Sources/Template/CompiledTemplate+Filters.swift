import Foundation
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
            guard case .string(let s) = value, let date = CalendarDate(iso: String(s.prefix(10))) else {
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
            case nil: return .string(formatter.number(d))
            case "integer": return .string(formatter.integer(d))
            case "percent": return .string(formatter.percent(d))
            case let other?:
                fail("filter.argument", "unknown number style '\(other)'", at: location, suggestion: "use integer or percent")
                return .null
            }
        case "money":
            if case .null = value { return .null }
            if let money = Self.money(value) { return .string(formatter.money(money.amount, currency: money.currency)) }
            if case .number(let d) = value, let currency = stringArgument(0), currency.count == 3 {
                return .string(formatter.money(d, currency: currency.uppercased()))
            }
            fail("filter.money", "money needs {amount, currency} or a number with a currency code (money:\"EUR\")", at: location)
            return .null
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
