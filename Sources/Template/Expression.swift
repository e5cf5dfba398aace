public import DocumentModel
import TemplateData

/// An expression of the template language: paths, literals, arithmetic, comparisons,
/// `and`/`or`/`not` and filters. Expressions read data; they cannot call code or reach the host.
///
/// ```swift
/// let e = try Expression.parse("child.age >= 14 and consent.given")
/// let total = try Expression.parse("unit_cost * quantity * months | money")
/// ```
///
/// Precedence, loosest first: `or`, `and`, `not`, comparisons, `|` filters, `+` `-`, `*`,
/// unary `-`. A filter therefore applies to the whole arithmetic on its left
/// (`a * b | money` formats the product); to compute with a filter's result, wrap it in
/// parentheses: `(lines | count) - 1`.
///
/// A `-` with a name character (letter, digit, `_`) directly on both sides belongs to the
/// name, as in `birth-date`; to subtract, put a space on either side: `total - paid`,
/// `loop.index - 1`. A `-` directly before a digit is a negative number at the start of an
/// expression, after an operator, `(`, `:` or `,`, so `2 * -1` and `default:-1` work.
public indirect enum Expression: Sendable, Hashable {
    case path([String])
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    /// `$page`, `$pages`: page fields, usable as message arguments.
    case field(Field)
    case not(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case compare(Expression, Comparison, Expression)
    case filter(Expression, name: String, arguments: [Expression], offset: Int)
    /// `a + b`, `a - b`, `a * b`: exact decimal arithmetic; `offset` is the operator's.
    case arithmetic(Expression, Arithmetic, Expression, offset: Int)
    /// `ref:NAME`: the computed number of the article or clause declared with `ref="NAME"`,
    /// in the locale's citation form (`чл. 3`, `art. 3 alin. (2)`).
    case reference(String)

    public enum Comparison: String, Sendable, Hashable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// The arithmetic operators; `*` binds tighter than `+` and `-`.
    public enum Arithmetic: String, Sendable, Hashable {
        case add = "+", subtract = "-", multiply = "*"
    }
}

/// A syntax error in an expression, at a character offset inside it.
public struct ExpressionSyntaxError: Error, Sendable, Hashable {
    public let offset: Int
    public let message: String
    public let suggestion: String?
}

extension Expression {
    /// Parses an expression. Offsets in errors count characters from its start.
    public static func parse(_ source: String) throws(ExpressionSyntaxError) -> Expression {
        var parser = ExpressionParser(source)
        return try parser.parseAll()
    }

    /// A field path as `where` and `distinct` take it: names separated by dots (`provider.name`).
    static func isFieldPath(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && !$0.contains(where: { $0.isWhitespace || "|:,()\"'".contains($0) }) }
    }

    /// The names of the filters the language has.
    public static let filterNames: [String] = [
        "date", "number", "money", "words", "upper", "lower", "default", "join", "count", "sum", "where", "distinct", "mask",
    ]
}

struct ExpressionParser {
    enum Token: Hashable {
        case identifier(String), string(String), number(String), field(String)
        case op(String)
        case end
    }

    let characters: [Character]
    var position = 0
    var tokens: [(Token, Int)] = []
    var index = 0
    /// Open parentheses, `not`s and unary `-`s around the current token. Each is a level of
    /// recursion here (and when evaluating), so it is bounded: 10 000 `(` overflowed the stack.
    var depth = 0
    static let maximumDepth = 100

    init(_ source: String) { characters = Array(source) }

    mutating func parseAll() throws(ExpressionSyntaxError) -> Expression {
        try tokenize()
        let expression = try parseOr()
        guard case .end = tokens[index].0 else {
            throw ExpressionSyntaxError(offset: tokens[index].1, message: "unexpected \(describe(tokens[index].0)) after the expression", suggestion: nil)
        }
        return expression
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .identifier(let s): "'\(s)'"
        case .string(let s): "string \"\(s)\""
        case .number(let s): "number \(s)"
        case .field(let s): "'$\(s)'"
        case .op(let s): "'\(s)'"
        case .end: "end of expression"
        }
    }

    private mutating func tokenize() throws(ExpressionSyntaxError) {
        while position < characters.count {
            let c = characters[position]
            let start = position
            if c.isWhitespace { position += 1; continue }
            if c.isLetter || c == "_" {
                var word = ""
                while position < characters.count, isNameCharacter(characters[position])
                    || (characters[position] == "-" && position + 1 < characters.count && isNameCharacter(characters[position + 1])) {
                    word.append(characters[position]); position += 1
                }
                tokens.append((.identifier(word), start))
            } else if c.isNumber || (c == "-" && position + 1 < characters.count && characters[position + 1].isNumber
                                     && (tokens.last.map { if case .op(let o) = $0.0 { o != ")" } else { false } } ?? true)) {
                var text = String(c); position += 1
                // After a '.', a number is a list index: no fraction.
                let isIndex = tokens.last.map { $0.0 == .op(".") } ?? false
                while position < characters.count, characters[position].isNumber || (!isIndex && characters[position] == ".") {
                    text.append(characters[position]); position += 1
                }
                guard text.filter({ $0 == "." }).count <= 1, text.last != ".", text.allSatisfy(\.isASCII) else {
                    throw ExpressionSyntaxError(offset: start, message: "malformed number '\(text)'", suggestion: text.allSatisfy(\.isASCII) ? nil : "write numbers with the digits 0-9")
                }
                // Decimal would round a longer literal silently, so two different numbers could compare equal.
                if !isIndex, case .failure(let failure) = ExactDecimal.decimal(fromJSONNumber: text) {
                    let (message, _) = ExactDecimal.describe(failure, text: text)
                    throw ExpressionSyntaxError(offset: start, message: message, suggestion: "write at most \(ExactDecimal.maximumSignificantDigits) significant digits")
                }
                tokens.append((.number(text), start))
            } else if c == "\"" || c == "'" {
                position += 1
                var text = ""
                var closed = false
                while position < characters.count {
                    let d = characters[position]
                    if d == "\\", position + 1 < characters.count {
                        text.append(characters[position + 1]); position += 2; continue
                    }
                    position += 1
                    if d == c { closed = true; break }
                    text.append(d)
                }
                guard closed else {
                    throw ExpressionSyntaxError(offset: start, message: "unterminated string", suggestion: "close it with \(c)")
                }
                tokens.append((.string(text), start))
            } else if c == "$" {
                position += 1
                var word = ""
                while position < characters.count, characters[position].isLetter { word.append(characters[position]); position += 1 }
                guard word == "page" || word == "pages" else {
                    throw ExpressionSyntaxError(offset: start, message: "unknown field '$\(word)'", suggestion: "the fields are $page and $pages")
                }
                tokens.append((.field(word), start))
            } else {
                let two = position + 1 < characters.count ? String([c, characters[position + 1]]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    tokens.append((.op(two), start)); position += 2
                } else if "<>|:,().+-*".contains(c) {
                    tokens.append((.op(String(c)), start)); position += 1
                } else if c == "=" {
                    throw ExpressionSyntaxError(offset: start, message: "'=' is not an operator", suggestion: "compare with '=='")
                } else if c == "&" || c == "!" {
                    throw ExpressionSyntaxError(offset: start, message: "unexpected '\(c)'", suggestion: c == "&" ? "write 'and'" : "write 'not' or '!='")
                } else {
                    throw ExpressionSyntaxError(offset: start, message: "unexpected character '\(c)'", suggestion: nil)
                }
            }
        }
        tokens.append((.end, characters.count))
    }

    private func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    private var current: Token { tokens[index].0 }
    private var currentOffset: Int { tokens[index].1 }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseAnd()
        while current == .identifier("or") { index += 1; left = .or(left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseNot()
        while current == .identifier("and") { index += 1; left = .and(left, try parseNot()) }
        return left
    }

    /// Enters one level of nesting, refusing more than ``maximumDepth``.
    private mutating func enterNesting() throws(ExpressionSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw ExpressionSyntaxError(
                offset: currentOffset, message: "the expression is nested more than \(Self.maximumDepth) levels deep",
                suggestion: "simplify it: remove redundant parentheses, or split it into several conditions")
        }
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> Expression {
        if current == .identifier("not") {
            index += 1
            try enterNesting()
            defer { depth -= 1 }
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Expression {
        let left = try parseFiltered()
        if case .op(let op) = current, let comparison = Expression.Comparison(rawValue: op) {
            index += 1
            return .compare(left, comparison, try parseFiltered())
        }
        return left
    }

    private mutating func parseFiltered() throws(ExpressionSyntaxError) -> Expression {
        var value = try parseAdditive()
        while current == .op("|") {
            index += 1
            let offset = currentOffset
            guard case .identifier(let name) = current else {
                throw ExpressionSyntaxError(offset: offset, message: "expected a filter name after '|'", suggestion: "filters: \(Expression.filterNames.joined(separator: ", "))")
            }
            guard Expression.filterNames.contains(name) else {
                let hint = closestMatch(to: name, in: Expression.filterNames).map { "did you mean '\($0)'?" }
                    ?? "filters: \(Expression.filterNames.joined(separator: ", "))"
                throw ExpressionSyntaxError(offset: offset, message: "unknown filter '\(name)'", suggestion: hint)
            }
            index += 1
            var arguments: [Expression] = []
            var argumentOffsets: [Int] = []
            if current == .op(":") {
                index += 1
                argumentOffsets.append(currentOffset)
                arguments.append(try parsePrimary())
                while current == .op(",") { index += 1; argumentOffsets.append(currentOffset); arguments.append(try parsePrimary()) }
            } else if current == .op("("), tokens[index].1 == offset + name.count {
                // `| date("long")`, the call form Jinja and docxtpl users write; only directly
                // after the name, so `| count (…)` stays an error rather than a guess.
                index += 1
                if current != .op(")") {
                    argumentOffsets.append(currentOffset)
                    arguments.append(try parsePrimary())
                    while current == .op(",") { index += 1; argumentOffsets.append(currentOffset); arguments.append(try parsePrimary()) }
                }
                guard current == .op(")") else {
                    throw ExpressionSyntaxError(offset: currentOffset, message: "expected ')' after the arguments of '\(name)'", suggestion: "write | \(name)(\"…\")")
                }
                index += 1
            }
            try checkArguments(of: name, arguments, offsets: argumentOffsets, filterOffset: offset)
            value = .filter(value, name: name, arguments: arguments, offset: offset)
        }
        if case .filter(_, let name, _, _) = value, case .op(let op) = current, Expression.Arithmetic(rawValue: op) != nil {
            throw ExpressionSyntaxError(
                offset: currentOffset, message: "'\(op)' after a filter: a filter applies to everything on its left",
                suggestion: "to compute with the filter's result, put it in parentheses: (… | \(name)) \(op) …")
        }
        return value
    }

    private mutating func parseAdditive() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseMultiplicative()
        while case .op(let op) = current, op == "+" || op == "-" {
            let offset = currentOffset
            index += 1
            left = .arithmetic(left, op == "+" ? .add : .subtract, try parseMultiplicative(), offset: offset)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseUnary()
        while current == .op("*") {
            let offset = currentOffset
            index += 1
            left = .arithmetic(left, .multiply, try parseUnary(), offset: offset)
        }
        return left
    }

    /// `-x` is `0 - x`; a `-` before a digit is already part of the number.
    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
        guard current == .op("-") else { return try parsePrimary() }
        let offset = currentOffset
        index += 1
        try enterNesting()
        defer { depth -= 1 }
        return .arithmetic(.number("0"), .subtract, try parseUnary(), offset: offset)
    }

    /// The list filters take field names and expressions as string literals written in the
    /// template (never from data), checked here so that mistakes are found before rendering.
    private func checkArguments(of name: String, _ arguments: [Expression], offsets: [Int], filterOffset: Int) throws(ExpressionSyntaxError) {
        let allowed: ClosedRange<Int>
        switch name {
        case "sum": allowed = 0...2
        case "distinct", "mask", "words": allowed = 0...1
        case "where": allowed = 2...2
        default: return
        }
        let usage = ["sum": "sum, sum:\"unit_cost * quantity\" or sum:\"unit_cost * quantity\", \"EUR\"", "distinct": "distinct:\"funding_source\"",
                     "where": "where:\"funding_source\", \"state_budget\"", "mask": "mask or mask:4",
                     "words": "words, or words:amount_in_words to check given words"][name]!
        guard allowed.contains(arguments.count) else {
            throw ExpressionSyntaxError(offset: offsets.first ?? filterOffset, message: "\(name) takes \(allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed.lowerBound) or \(allowed.upperBound)") \(allowed.upperBound == 1 ? "argument" : "arguments"), found \(arguments.count)", suggestion: "write \(usage)")
        }
        guard let first = arguments.first else { return }
        switch (name, first) {
        case ("mask", .number(let n)) where !n.contains(".") && !n.hasPrefix("-"):
            return
        case ("words", _):
            return
        case ("mask", _):
            throw ExpressionSyntaxError(offset: offsets[0], message: "mask takes the number of characters to keep", suggestion: "write \(usage)")
        case ("sum", .string(let source)):
            do {
                _ = try Expression.parse(source)
            } catch {
                throw ExpressionSyntaxError(offset: offsets[0] + 1 + error.offset, message: "in the sum expression: \(error.message)", suggestion: error.suggestion)
            }
        case ("where", .string(let field)) where Expression.isFieldPath(field),
             ("distinct", .string(let field)) where Expression.isFieldPath(field):
            return
        case ("where", .string), ("distinct", .string):
            throw ExpressionSyntaxError(offset: offsets[0], message: "\(name) needs a field name such as \"funding_source\" or \"provider.name\"", suggestion: "write \(usage)")
        default:
            throw ExpressionSyntaxError(offset: offsets[0], message: "the first argument of \(name) must be written in quotes", suggestion: "write \(usage)")
        }
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        let offset = currentOffset
        switch current {
        case .string(let s): index += 1; return .string(s)
        case .number(let n): index += 1; return .number(n)
        case .field(let f): index += 1; return .field(f == "page" ? .pageNumber : .pageCount)
        case .identifier("true"): index += 1; return .bool(true)
        case .identifier("false"): index += 1; return .bool(false)
        case .identifier("null"): index += 1; return .null
        case .identifier("ref") where tokens[index + 1].0 == .op(":"):
            index += 2
            guard case .identifier(let name) = current else {
                throw ExpressionSyntaxError(offset: currentOffset, message: "expected a name after 'ref:'", suggestion: "for example ref:data-protection")
            }
            index += 1
            return .reference(name)
        case .identifier(let name) where !["and", "or", "not"].contains(name):
            index += 1
            var path = [name]
            while current == .op(".") {
                index += 1
                switch current {
                case .identifier(let part): path.append(part); index += 1
                case .number(let n) where !n.contains(".") && !n.hasPrefix("-"): path.append(n); index += 1
                default:
                    throw ExpressionSyntaxError(offset: currentOffset, message: "expected a name or an index after '.'", suggestion: nil)
                }
            }
            return .path(path)
        case .op("("):
            index += 1
            try enterNesting()
            defer { depth -= 1 }
            let inner = try parseOr()
            guard current == .op(")") else {
                throw ExpressionSyntaxError(offset: currentOffset, message: "expected ')'", suggestion: nil)
            }
            index += 1
            return inner
        default:
            throw ExpressionSyntaxError(offset: offset, message: "expected a value, found \(describe(current))", suggestion: nil)
        }
    }
}
