import Foundation
import Localization

extension DataSchema {
    /// Checks a document and returns every problem, in document order (an object's own
    /// problems, such as a missing required property, before those of its members).
    ///
    /// ```swift
    /// for error in schema.validate(document) { print(error) }
    /// // data.yaml:14:7: error: /child/birth_date: expected a date (YYYY-MM-DD), found "22.11.2026"
    /// //   hint: did you mean "2026-11-22"?
    /// ```
    public func validate(_ document: DataDocument) -> [DataError] {
        var validator = SchemaValidator(schema: self, document: document)
        validator.validate(document.value, against: root, pointer: .root)
        return validator.errors
    }

    /// Checks a value built in code (errors have pointers but no locations).
    public func validate(_ value: Value, path: String = "<data>") -> [DataError] {
        validate(DataDocument(path: path, value: value))
    }
}

/// One validation run: walks the data in order, collecting errors.
struct SchemaValidator {
    let schema: DataSchema
    let document: DataDocument
    private(set) var errors: [DataError] = []

    init(schema: DataSchema, document: DataDocument) {
        self.schema = schema
        self.document = document
    }

    mutating func validate(_ value: Value, against node: SchemaNode, pointer: PointerPath) {
        if let ref = node.ref, let target = schema.nodes[ref] {
            validate(value, against: target, pointer: pointer)
        }
        if node.rejectsEverything {
            report(.notAllowed, at: pointer, "no value is allowed here", expected: nil)
            return
        }
        if let types = node.types, !types.contains(where: { $0.matches(value) }) {
            reportType(value, expected: types, pointer: pointer)
            return
        }
        if let constant = node.constValue, constant != value {
            report(
                .notAllowed, at: pointer, "expected \(ValueText.literal(constant)), found \(ValueText.describe(value))",
                expected: ValueText.literal(constant))
        }
        if let allowed = node.enumValues, !allowed.contains(value) {
            reportEnum(value, allowed: allowed, pointer: pointer)
        }
        switch value {
        case .string(let text): checkString(text, node: node, pointer: pointer)
        case .number(let number): checkNumber(number, node: node, pointer: pointer)
        case .array(let elements): checkArray(elements, node: node, pointer: pointer)
        case .object(let object): checkObject(object, node: node, pointer: pointer)
        case .null, .bool: break
        }
    }

    // MARK: Kinds

    private mutating func checkString(_ text: String, node: SchemaNode, pointer: PointerPath) {
        if let name = node.format, let format = schema.formats[name], let reason = format.check(text) {
            let found = format.isSensitive ? "" : ", found \(ValueText.quoted(text))"
            let because = reason.isEmpty ? "" : ": \(reason)"
            let suggestion = format.suggest?(text).map { "did you mean \"\($0)\"?" } ?? node.description
            report(
                .format, at: pointer, "expected \(format.expected)\(found)\(because)", expected: format.expected,
                suggestion: suggestion)
        }
        if let pattern = node.pattern, !pattern.matches(text) {
            report(
                .pattern, at: pointer,
                "expected text matching the pattern \(pattern.source), found \(ValueText.quoted(text))",
                expected: "text matching \(pattern.source)", suggestion: node.description ?? node.title)
        }
        // Counting characters walks grapheme clusters: only do it when a length is constrained.
        guard node.minLength != nil || node.maxLength != nil else { return }
        let length = text.count
        if let minimum = node.minLength, length < minimum {
            let expected = "at least \(minimum) \(minimum == 1 ? "character" : "characters")"
            report(
                .length, at: pointer,
                length == 0 ? "expected \(expected), found an empty string" : "expected \(expected), found \(length)",
                expected: expected)
        }
        if let maximum = node.maxLength, length > maximum {
            let expected = "at most \(maximum) \(maximum == 1 ? "character" : "characters")"
            report(.length, at: pointer, "expected \(expected), found \(length)", expected: expected)
        }
    }

    private mutating func checkNumber(_ number: Decimal, node: SchemaNode, pointer: PointerPath) {
        if let bound = node.minimum, number < bound {
            report(
                .range, at: pointer, "expected a number of at least \(bound), found \(number)",
                expected: "at least \(bound)")
        }
        if let bound = node.exclusiveMinimum, number <= bound {
            report(
                .range, at: pointer, "expected a number greater than \(bound), found \(number)",
                expected: "greater than \(bound)")
        }
        if let bound = node.maximum, number > bound {
            report(
                .range, at: pointer, "expected a number of at most \(bound), found \(number)",
                expected: "at most \(bound)")
        }
        if let bound = node.exclusiveMaximum, number >= bound {
            report(
                .range, at: pointer, "expected a number less than \(bound), found \(number)",
                expected: "less than \(bound)")
        }
    }

    private mutating func checkArray(_ elements: [Value], node: SchemaNode, pointer: PointerPath) {
        func items(_ n: Int) -> String { n == 1 ? "1 item" : "\(n) items" }
        if let minimum = node.minItems, elements.count < minimum {
            report(
                .itemCount, at: pointer, "expected at least \(items(minimum)), found \(elements.count)",
                expected: "at least \(items(minimum))")
        }
        if let maximum = node.maxItems, elements.count > maximum {
            report(
                .itemCount, at: pointer, "expected at most \(items(maximum)), found \(elements.count)",
                expected: "at most \(items(maximum))")
        }
        if let itemSchema = node.items {
            for (index, element) in elements.enumerated() {
                validate(element, against: itemSchema, pointer: .element(pointer, index))
            }
        }
    }

    private mutating func checkObject(_ object: OrderedObject, node: SchemaNode, pointer: PointerPath) {
        // A missing required property with a near-miss among the undeclared keys is one
        // mistake, reported once at the misspelt key.
        var misspelt: [String: String] = [:]
        let undeclared = node.required.allSatisfy { object[$0] != nil } ? [] : object.keys.filter { node.properties[$0] == nil }
        for name in node.required where object[name] == nil {
            let candidates = undeclared.filter { misspelt[$0] == nil }
            if let typed = Spelling.closest(to: name, among: candidates) {
                misspelt[typed] = name
            } else {
                let property = node.properties[name]
                let label = (property?.title).map { " (\($0))" } ?? ""
                report(
                    .required, at: pointer, "missing required property \"\(name)\"", expected: "property \"\(name)\"",
                    suggestion: "add \"\(name)\"\(label)")
            }
        }
        for (key, value) in object {
            let memberPointer = PointerPath.member(pointer, key)
            if let property = node.properties[key] {
                validate(value, against: property, pointer: memberPointer)
                continue
            }
            if let intended = misspelt[key] {
                if case .forbidden = node.additionalProperties {
                    reportKey(
                        .unknownProperty, at: memberPointer, "unknown property \"\(key)\"",
                        expected: "property \"\(intended)\"",
                        suggestion: "did you mean \"\(intended)\"?")
                } else {
                    reportKey(
                        .required, at: memberPointer,
                        "required property \"\(intended)\" is missing; found \"\(key)\" instead",
                        expected: "property \"\(intended)\"", suggestion: "did you mean \"\(intended)\"?")
                }
                continue
            }
            switch node.additionalProperties {
            case .allowed:
                break
            case .schema(let additional):
                validate(value, against: additional, pointer: memberPointer)
            case .forbidden:
                let unused = node.propertyOrder.filter { object[$0] == nil }
                var suggestion: String?
                if let close = Spelling.closest(to: key, among: unused) {
                    suggestion = "did you mean \"\(close)\"?"
                } else if !node.propertyOrder.isEmpty && node.propertyOrder.count <= 12 {
                    suggestion = "allowed here: " + node.propertyOrder.map { "\"\($0)\"" }.joined(separator: ", ")
                }
                reportKey(
                    .unknownProperty, at: memberPointer, "unknown property \"\(key)\"", expected: nil,
                    suggestion: suggestion)
            }
        }
    }

    // MARK: Messages

    private mutating func reportType(_ value: Value, expected types: [SchemaNode.JSONType], pointer: PointerPath) {
        let expected = types.map(\.phrase).joined(separator: " or ")
        var suggestion: String?
        if types.contains(.string), let written = document.plainScalarText[pointer.description] {
            // YAML read `007` or `yes`-like text as a number/boolean/null; quoting keeps it as written.
            suggestion = "write it in quotes to keep it as text: \"\(written)\""
        } else if case .string(let text) = value, types.contains(where: { $0 == .number || $0 == .integer }),
            let fixed = ExactDecimalHint.number(from: text)
        {
            suggestion = "write the number without quotes: \(fixed)"
        } else if types.contains(.boolean), case .string(let text) = value,
            ["yes", "no", "y", "n", "on", "off", "да", "не", "da", "nu", "sì", "si"].contains(text.lowercased())
        {
            suggestion = "write true or false (without quotes)"
        } else if types == [.array], value.typeName != "array" {
            suggestion = "write a list, even of one item: [ … ] in JSON, or lines starting with '- ' in YAML"
        }
        report(
            .type, at: pointer, "expected \(expected), found \(ValueText.describe(value))", expected: expected,
            suggestion: suggestion)
    }

    private mutating func reportEnum(_ value: Value, allowed: [Value], pointer: PointerPath) {
        let shown = allowed.prefix(12).map(ValueText.literal).joined(separator: ", ")
        let more = allowed.count > 12 ? ", … (\(allowed.count) values)" : ""
        var suggestion: String?
        if case .string(let text) = value {
            let strings = allowed.compactMap { if case .string(let s) = $0 { s } else { nil } }
            if let exact = strings.first(where: { $0.lowercased() == text.lowercased() })
                ?? Spelling.closest(to: text, among: strings)
            {
                suggestion = "did you mean \"\(exact)\"?"
            }
        }
        report(
            .notAllowed, at: pointer, "expected one of \(shown)\(more), found \(ValueText.describe(value))",
            expected: "one of \(shown)\(more)", suggestion: suggestion)
    }

    private mutating func report(
        _ code: DataError.Code, at pointer: PointerPath, _ message: String, expected: String?, suggestion: String? = nil
    ) {
        let pointer = pointer.description
        errors.append(
            DataError(
                code: code, pointer: pointer, file: document.path, location: document.location(ofEscaped: pointer),
                message: message, expected: expected, suggestion: suggestion))
    }

    private mutating func reportKey(
        _ code: DataError.Code, at pointer: PointerPath, _ message: String, expected: String?, suggestion: String?
    ) {
        let pointer = pointer.description
        errors.append(
            DataError(
                code: code, pointer: pointer, file: document.path, location: document.keyLocation(ofEscaped: pointer),
                message: message, expected: expected, suggestion: suggestion))
    }
}
