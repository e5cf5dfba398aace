public import Foundation

/// A data value given to a template, whatever file it came from (JSON, YAML, later CSV).
///
/// Numbers are `Decimal`, never `Double`, so money and sums stay exact.
///
/// ```swift
/// let v: Value = .object(["child": .object(["code": .string("BG-VT-2026-014")])])
/// v[path: ["child", "code"]]   // .string("BG-VT-2026-014")
/// ```
public indirect enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([Value])
    /// Keys keep the order of the source file.
    case object(OrderedObject)

    /// The JSON type name used in messages (`"string"`, `"integer"` for whole numbers).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let d): d.isWholeNumber ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Member of an object, or nil.
    public subscript(key: String) -> Value? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Follows object keys and array indices (any collection of them, so a template's
    /// `row.cells` lookup can pass a slice without copying it).
    public subscript<Path: Collection<String>>(path path: Path) -> Value? {
        var current: Value? = self
        for component in path {
            switch current {
            case .object(let o): current = o[component]
            case .array(let a): current = Int(component).flatMap { a.indices.contains($0) ? a[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    /// Truthiness for `if`: null, false, 0, "" and empty collections are false.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let d): !d.isZero
        case .string(let s): !s.isEmpty
        case .array(let a): !a.isEmpty
        case .object(let o): !o.isEmpty
        }
    }
}

/// An object whose keys keep their source order (so output and error lists are stable).
public struct OrderedObject: Sendable, Hashable, Sequence {
    public private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }

    public func makeIterator() -> AnyIterator<(key: String, value: Value)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            return (keys[index], storage[keys[index]]!)
        }
    }
}

extension OrderedObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}

extension Value: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    public init(dictionaryLiteral elements: (String, Value)...) { self = .object(OrderedObject(elements)) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Decimal(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Decimal {
    /// True when the value has no fractional part.
    public var isWholeNumber: Bool {
        var copy = self, rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 0, .plain)
        return rounded == self
    }
}
