extension PluralRules {
    /// A CLDR plural operand.
    enum Operand: Character, Sendable, Hashable {
        case n = "n", i = "i", v = "v", w = "w", f = "f", t = "t", e = "e"
    }

    /// `operand % modulus = 1..19, 21` (or `!=`).
    struct Relation: Sendable, Hashable {
        var operand: Operand
        var modulus: Double?
        var negated: Bool
        var ranges: [ClosedRange<Double>]

        func holds(for operands: PluralOperands) -> Bool {
            var value = operands.value(of: operand)
            if let modulus { value = value.truncatingRemainder(dividingBy: modulus) }
            // A range matches integers only: `n = 1..19` is false for 1.5.
            let isInteger = value.rounded(.towardZero) == value
            let member = ranges.contains { range in
                range.lowerBound == range.upperBound ? value == range.lowerBound : isInteger && range.contains(value)
            }
            return member != negated
        }
    }

    /// `relation and relation … or relation and …`; an empty condition always holds.
    struct Condition: Sendable, Hashable {
        var alternatives: [[Relation]]

        func holds(for operands: PluralOperands) -> Bool {
            alternatives.isEmpty || alternatives.contains { all in all.allSatisfy { $0.holds(for: operands) } }
        }

        /// Parses CLDR rule syntax (also the legacy `is`, `is not`, `in`, `not in`, `within`).
        static func parse(_ text: String, category: PluralCategory) throws(PluralRuleSyntaxError) -> Condition {
            var scanner = RuleScanner(text: text, category: category)
            return try scanner.condition()
        }
    }

    /// A cursor over a rule text.
    private struct RuleScanner {
        let text: String
        let category: PluralCategory
        let scalars: [Unicode.Scalar]
        var position = 0

        init(text: String, category: PluralCategory) {
            self.text = text
            self.category = category
            // Samples after `@` only document the rule.
            let body = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            scalars = Array(body.unicodeScalars)
        }

        func failure(_ message: String) -> PluralRuleSyntaxError {
            PluralRuleSyntaxError(category: category, rule: text, offset: position, message: message)
        }

        mutating func skipSpaces() {
            while position < scalars.count && scalars[position].properties.isWhitespace { position += 1 }
        }

        mutating func word() -> String {
            skipSpaces()
            let start = position
            while position < scalars.count && (scalars[position].properties.isAlphabetic) { position += 1 }
            return String(String.UnicodeScalarView(scalars[start..<position]))
        }

        mutating func peekWord() -> String {
            let saved = position
            defer { position = saved }
            return word()
        }

        mutating func consume(_ symbol: String) -> Bool {
            skipSpaces()
            let symbolScalars = Array(symbol.unicodeScalars)
            guard position + symbolScalars.count <= scalars.count,
                  Array(scalars[position..<position + symbolScalars.count]) == symbolScalars else { return false }
            position += symbolScalars.count
            return true
        }

        mutating func number() throws(PluralRuleSyntaxError) -> Double {
            skipSpaces()
            let start = position
            while position < scalars.count && (scalars[position].asciiDigit != nil || (scalars[position] == "." && position + 1 < scalars.count && scalars[position + 1] != ".")) {
                position += 1
            }
            guard start < position, let value = Double(String(String.UnicodeScalarView(scalars[start..<position]))) else {
                throw failure("expected a number")
            }
            return value
        }

        mutating func condition() throws(PluralRuleSyntaxError) -> Condition {
            skipSpaces()
            if position == scalars.count { return Condition(alternatives: []) }
            var alternatives: [[Relation]] = [[try relation()]]
            while true {
                let next = peekWord()
                if next == "and" {
                    _ = word()
                    alternatives[alternatives.count - 1].append(try relation())
                } else if next == "or" {
                    _ = word()
                    alternatives.append([try relation()])
                } else {
                    skipSpaces()
                    guard position == scalars.count else { throw failure("expected 'and', 'or' or the end of the rule") }
                    return Condition(alternatives: alternatives)
                }
            }
        }

        mutating func relation() throws(PluralRuleSyntaxError) -> Relation {
            let name = word()
            guard name.count == 1, var operand = Operand(rawValue: name.first!) ?? (name == "c" ? .e : nil) else {
                throw failure("expected an operand (n, i, v, w, f, t, e)")
            }
            if name == "c" { operand = .e }
            var modulus: Double?
            if consume("%") || peekWord() == "mod" {
                if peekWord() == "mod" { _ = word() }
                modulus = try number()
            }
            var negated = false
            if consume("!=") {
                negated = true
            } else if consume("=") {
                negated = false
            } else {
                let keyword = word()
                switch keyword {
                case "is":
                    if peekWord() == "not" { _ = word(); negated = true }
                case "in", "within":
                    break
                case "not":
                    let next = word()
                    guard next == "in" || next == "within" else { throw failure("expected 'in' after 'not'") }
                    negated = true
                default:
                    throw failure("expected '=', '!=', 'is', 'in' or 'not in'")
                }
            }
            var ranges: [ClosedRange<Double>] = []
            repeat {
                let low = try number()
                if consume("..") {
                    let high = try number()
                    guard low <= high else { throw failure("range \(low)..\(high) is empty") }
                    ranges.append(low...high)
                } else {
                    ranges.append(low...low)
                }
            } while consume(",")
            return Relation(operand: operand, modulus: modulus, negated: negated, ranges: ranges)
        }
    }
}
