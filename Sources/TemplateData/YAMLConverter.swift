import Foundation
import Yams

/// Turns a composed Yams node tree into a ``Value``, resolving plain scalars by the YAML 1.2
/// core schema and remembering each value's position.
///
/// Core schema, not YAML 1.1: `yes`/`no`/`on`/`off` stay strings, so do dates (`2026-11-22`)
/// and times; `.inf`/`.nan` stay strings because `Decimal` has neither. Quoted and block
/// scalars are always strings. Merge keys (`<<`) are supported. Aliases are expanded, and
/// every expanded value counts against ``DataLimits/maximumValueCount``.
struct YAMLConverter {
    let path: String
    let limits: DataLimits
    private(set) var valuePositions: [String: TextPosition] = [:]
    private(set) var keyPositions: [String: TextPosition] = [:]
    private(set) var plainScalarText: [String: String] = [:]
    private var work = 0
    private var expandedBytes = 0

    /// Tags every untagged plain scalar with a marker, because Yams resolves tags in place
    /// (hashing mapping keys while checking duplicates) and the default would make a plain
    /// scalar look like a quoted one.
    static let resolver: Resolver = {
        do {
            return try Resolver.basic.appending(implicitTag, "^")
        } catch {
            fatalError("constant pattern: \(error)")
        }
    }()
    static let implicitTag = Tag.Name(rawValue: "tag:formwright,2026:implicit")

    init(path: String, limits: DataLimits) {
        self.path = path
        self.limits = limits
    }

    mutating func convert(_ node: Node, pointer: String, depth: Int) throws(DataError) -> Value {
        try count(at: node.mark)
        if let mark = node.mark { valuePositions[pointer] = TextPosition(line: mark.line, column: mark.column) }
        switch node {
        case .scalar(let scalar):
            try countBytes(scalar.string.utf8.count, at: node.mark)
            return try resolve(scalar, pointer: pointer)
        case .sequence(let sequence):
            try checkDepth(depth + 1, at: node.mark)
            try checkCollectionTag(sequence.tag, allowed: "seq", at: node.mark)
            var elements: [Value] = []
            elements.reserveCapacity(sequence.count)
            for (offset, element) in sequence.enumerated() {
                elements.append(try convert(element, pointer: pointer + "/\(offset)", depth: depth + 1))
            }
            return .array(elements)
        case .mapping(let mapping):
            try checkDepth(depth + 1, at: node.mark)
            try checkCollectionTag(mapping.tag, allowed: "map", at: node.mark)
            var object = OrderedObject()
            for (keyNode, valueNode) in try flattenedPairs(mapping, mergeDepth: 0) {
                let key = try keyString(keyNode)
                try countBytes(key.utf8.count, at: keyNode.mark)
                let memberPointer = pointer + "/" + JSONPointer.escape(key)
                if object[key] != nil {
                    throw DataError(
                        code: .duplicateKey, pointer: memberPointer, location: location(keyNode.mark),
                        message: "duplicate key \"\(key)\"",
                        suggestion: "each key may appear once in a mapping; remove or rename one of them")
                }
                if let mark = keyNode.mark {
                    keyPositions[memberPointer] = TextPosition(line: mark.line, column: mark.column)
                }
                object[key] = try convert(valueNode, pointer: memberPointer, depth: depth + 1)
            }
            return .object(object)
        case .alias(let alias):
            // Yams resolves aliases while composing; an unresolved one is a Yams-level surprise.
            throw DataError(code: .syntax, location: location(alias.mark), message: "unresolved alias")
        }
    }

    // MARK: Mappings

    /// The mapping's pairs with `<<` merges applied: explicit keys win over merged ones, and
    /// among merged mappings the first to name a key wins (as in the YAML merge-key spec).
    private mutating func flattenedPairs(_ mapping: Node.Mapping, mergeDepth: Int) throws(DataError) -> [(Node, Node)] {
        guard mapping.contains(where: { isMergeKey($0.key) }) else { return mapping.map { ($0.key, $0.value) } }
        try checkDepth(mergeDepth + 1, at: mapping.mark)
        var explicit = Set<String>()
        for pair in mapping where !isMergeKey(pair.key) {
            if let key = pair.key.scalar?.string { explicit.insert(key) }
        }
        var result: [(Node, Node)] = []
        var seen = Set<String>()
        for pair in mapping {
            guard isMergeKey(pair.key) else {
                result.append((pair.key, pair.value))
                continue
            }
            let sources: [Node.Mapping]
            switch pair.value {
            case .mapping(let source): sources = [source]
            case .sequence(let sequence):
                var list: [Node.Mapping] = []
                for element in sequence {
                    guard case .mapping(let source) = element else {
                        throw mergeError(at: element.mark)
                    }
                    list.append(source)
                }
                sources = list
            default:
                throw mergeError(at: pair.value.mark)
            }
            for source in sources {
                for (key, value) in try flattenedPairs(source, mergeDepth: mergeDepth + 1) {
                    try count(at: key.mark)
                    guard let name = key.scalar?.string, !explicit.contains(name), !seen.contains(name) else {
                        continue
                    }
                    seen.insert(name)
                    result.append((key, value))
                }
            }
        }
        return result
    }

    private func isMergeKey(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.string == "<<" && scalar.style == .plain && YAMLConverter.isImplicit(scalar.tag)
    }

    private func mergeError(at mark: Mark?) -> DataError {
        DataError(
            code: .syntax, location: location(mark),
            message: "a merge key '<<' must be followed by a mapping or a list of mappings",
            suggestion: "write `<<: *anchor` where the anchor names a mapping")
    }

    private func keyString(_ node: Node) throws(DataError) -> String {
        guard case .scalar(let scalar) = node else {
            throw DataError(
                code: .syntax, location: location(node.mark),
                message: "mapping keys must be plain text, not a list or mapping",
                suggestion: "use a text key and put the structure in the value")
        }
        return scalar.string
    }

    // MARK: Scalars

    private mutating func resolve(_ scalar: Node.Scalar, pointer: String) throws(DataError) -> Value {
        let text = scalar.string
        let tag = scalar.tag.description
        let core = "tag:yaml.org,2002:"
        if YAMLConverter.isImplicit(scalar.tag) {
            guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
            let value = try resolvePlain(text, mark: scalar.mark)
            if case .string = value {} else { plainScalarText[pointer] = text }
            return value
        }
        switch tag {
        case "!", core + "str", core + "timestamp", core + "binary":
            return .string(text)
        case core + "null":
            return .null
        case core + "bool":
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: throw badTagged(text, as: "a boolean (true or false)", mark: scalar.mark)
            }
        case core + "int", core + "float":
            let value = try resolvePlain(text, mark: scalar.mark)
            guard case .number = value else { throw badTagged(text, as: "a number", mark: scalar.mark) }
            return value
        default:
            let shown = tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
            throw DataError(
                code: .syntax, location: location(scalar.mark), message: "unsupported tag \(shown)",
                suggestion: "remove the tag; data values are text, numbers, true/false or null")
        }
    }

    /// Lists and mappings take no tag but their own (`!!seq`, `!!map`): a language tag such as
    /// `!!python/object` or `!!python/tuple`, or a local `!foo`, is refused as on a scalar rather
    /// than dropped, so the data never means something else to another YAML reader.
    private func checkCollectionTag(_ tag: Tag, allowed: String, at mark: Mark?) throws(DataError) {
        let core = "tag:yaml.org,2002:"
        let name = tag.description
        guard !YAMLConverter.isImplicit(tag), name != "!", name != core + allowed else { return }
        let shown = name.hasPrefix(core) ? "!!" + name.dropFirst(core.count) : name
        throw DataError(
            code: .syntax, location: location(mark), message: "unsupported tag \(shown)",
            suggestion: "remove the tag; data values are lists, mappings, text, numbers, true/false or null")
    }

    static func isImplicit(_ tag: Tag) -> Bool {
        tag.description.isEmpty || tag.description == implicitTag.rawValue
    }

    /// YAML 1.2 core schema resolution of a plain scalar.
    private func resolvePlain(_ text: String, mark: Mark?) throws(DataError) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string(text) }

        if let radixValue = YAMLConverter.radixInteger(text) {
            guard let value = radixValue else {
                throw DataError(
                    code: .numberOutOfRange, location: location(mark), message: "the number \(text) is too large",
                    suggestion: "if it is a code, write it in quotes: \"\(text)\"")
            }
            return .number(Decimal(value))
        }
        guard let normalized = YAMLConverter.normalizedCoreNumber(text) else { return .string(text) }
        switch ExactDecimal.decimal(fromJSONNumber: normalized) {
        case .success(let value):
            return .number(value)
        case .failure(let failure):
            let (message, _) = ExactDecimal.describe(failure, text: text)
            throw DataError(
                code: .numberOutOfRange, location: location(mark), message: message,
                suggestion: "if it is a code or an identifier, write it in quotes: \"\(text)\"")
        }
    }

    /// `0o17` and `0x1F`: nil when `text` is neither; `.some(nil)` when it overflows.
    static func radixInteger(_ text: String) -> UInt64?? {
        let radix: Int
        if text.hasPrefix("0o") { radix = 8 } else if text.hasPrefix("0x") { radix = 16 } else { return nil }
        let digits = text.dropFirst(2)
        guard !digits.isEmpty,
            digits.allSatisfy({ radix == 8 ? ("0"..."7").contains($0) : $0.isHexDigit && $0.isASCII })
        else { return nil }
        return .some(UInt64(digits, radix: radix))
    }

    /// Rewrites a core-schema int or float (`+12`, `.5`, `5.`, `1e3`) as JSON number text,
    /// or nil when `text` is not one.
    static func normalizedCoreNumber(_ text: String) -> String? {
        var chars = Array(text.utf8)
        var sign = ""
        if let c = chars.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            if c == UInt8(ascii: "-") { sign = "-" }
            chars.removeFirst()
        }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        var i = 0
        var integer: [UInt8] = []
        while i < chars.count, isDigit(chars[i]) {
            integer.append(chars[i])
            i += 1
        }
        var fraction: [UInt8] = []
        var hasDot = false
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            hasDot = true
            i += 1
            while i < chars.count, isDigit(chars[i]) {
                fraction.append(chars[i])
                i += 1
            }
        }
        // Core schema: digits before the dot, or a dot followed by digits.
        guard !integer.isEmpty || (hasDot && !fraction.isEmpty) else { return nil }
        var exponent = ""
        if i < chars.count, chars[i] == UInt8(ascii: "e") || chars[i] == UInt8(ascii: "E") {
            i += 1
            var expSign = ""
            if i < chars.count, chars[i] == UInt8(ascii: "-") || chars[i] == UInt8(ascii: "+") {
                expSign = chars[i] == UInt8(ascii: "-") ? "-" : "+"
                i += 1
            }
            let expStart = i
            while i < chars.count, isDigit(chars[i]) { i += 1 }
            guard i > expStart else { return nil }
            exponent = "e" + expSign + String(decoding: chars[expStart..<i], as: UTF8.self)
        }
        guard i == chars.count else { return nil }
        let integerText = integer.isEmpty ? "0" : String(decoding: integer, as: UTF8.self)
        let fractionText = fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self)
        return sign + integerText + fractionText + exponent
    }

    private func badTagged(_ text: String, as what: String, mark: Mark?) -> DataError {
        DataError(code: .syntax, location: location(mark), message: "\"\(text)\" is not \(what)")
    }

    // MARK: Limits

    /// Text after aliases are expanded counts against ``DataLimits/maximumFileSize``: one
    /// 1 MB string aliased 1 000 times is a 1 GB document, whatever the file's size.
    private mutating func countBytes(_ count: Int, at mark: Mark?) throws(DataError) {
        expandedBytes += count
        if expandedBytes > limits.maximumFileSize {
            throw DataError(
                code: .limitExceeded, location: location(mark),
                message: "the file expands to more than \(limits.maximumFileSize) bytes of text (aliases count each time they are used)",
                suggestion: "use fewer aliases, or raise DataLimits.maximumFileSize")
        }
    }

    private mutating func count(at mark: Mark?) throws(DataError) {
        work += 1
        if work > limits.maximumValueCount {
            throw DataError(
                code: .limitExceeded, location: location(mark),
                message:
                    "the file expands to more than \(limits.maximumValueCount) values (aliases count each time they are used)",
                suggestion: "use fewer aliases, or raise DataLimits.maximumValueCount")
        }
    }

    private func checkDepth(_ depth: Int, at mark: Mark?) throws(DataError) {
        if depth > limits.maximumDepth {
            throw DataError(
                code: .limitExceeded, location: location(mark),
                message: "nesting is deeper than \(limits.maximumDepth) levels",
                suggestion: "flatten the data, or raise DataLimits.maximumDepth")
        }
    }

    private func location(_ mark: Mark?) -> SourceLocation? {
        mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }
    }
}
