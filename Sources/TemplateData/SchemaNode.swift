import Foundation

/// One parsed (sub)schema. Immutable, shared by every validation; a class so `properties`
/// and `items` can nest without copying.
@dynamicMemberLookup
final class SchemaNode: Sendable {
    enum JSONType: String, Sendable, CaseIterable {
        case string, number, integer, boolean, null, array, object

        func matches(_ value: Value) -> Bool {
            switch (self, value) {
            case (.string, .string), (.boolean, .bool), (.null, .null), (.array, .array), (.object, .object),
                (.number, .number):
                true
            case (.integer, .number(let d)): d.isWholeNumber
            default: false
            }
        }

        /// How the type is named in messages.
        var phrase: String {
            switch self {
            case .string: "a string"
            case .number: "a number"
            case .integer: "a whole number"
            case .boolean: "true or false"
            case .null: "null"
            case .array: "a list"
            case .object: "an object"
            }
        }
    }

    enum Additional: Sendable {
        case allowed
        case forbidden
        case schema(SchemaNode)
    }

    /// A compiled `pattern`. `NSRegularExpression` is immutable and documented thread-safe.
    struct Pattern: @unchecked Sendable {
        let source: String
        let regex: NSRegularExpression

        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// Where this schema is in its file (escaped pointer), for `$ref` targets.
    let pointer: String
    /// `false` as a schema: nothing is valid.
    let rejectsEverything: Bool
    let keywords: Keywords

    init(pointer: String, rejectsEverything: Bool = false, keywords: Keywords = Keywords()) {
        self.pointer = pointer
        self.rejectsEverything = rejectsEverything
        self.keywords = keywords
    }

    subscript<T>(dynamicMember keyPath: KeyPath<Keywords, T>) -> T { keywords[keyPath: keyPath] }

    /// The keywords, gathered while parsing and then frozen in the node.
    struct Keywords: Sendable {
        var types: [JSONType]? = nil
        var properties: [String: SchemaNode] = [:]
        var propertyOrder: [String] = []
        var required: [String] = []
        var additionalProperties: Additional = .allowed
        var items: SchemaNode? = nil
        var enumValues: [Value]? = nil
        var constValue: Value? = nil
        var format: String? = nil
        var pattern: Pattern? = nil
        var minLength: Int? = nil
        var maxLength: Int? = nil
        var minimum: Decimal? = nil
        var maximum: Decimal? = nil
        var exclusiveMinimum: Decimal? = nil
        var exclusiveMaximum: Decimal? = nil
        var minItems: Int? = nil
        var maxItems: Int? = nil
        var title: String? = nil
        var description: String? = nil
        var defaultValue: Value? = nil
        /// Escaped pointer (without `#`) of the schema `$ref` names.
        var ref: String? = nil
    }
}
