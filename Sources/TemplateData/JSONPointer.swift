import Foundation

/// A JSON Pointer (RFC 6901): the address of one value inside a data document.
///
/// Reference tokens are kept unescaped; ``description`` escapes `~` as `~0` and `/` as `~1`.
///
/// ```swift
/// let p = JSONPointer.root.appending("child").appending("birth_date")
/// p.description                              // "/child/birth_date"
/// JSONPointer("/a~1b/0")?.tokens             // ["a/b", "0"]
/// ```
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// The unescaped reference tokens, outermost first.
    public var tokens: [String]

    /// The whole document (`""`).
    public static let root = JSONPointer(tokens: [])

    public init(tokens: [String]) { self.tokens = tokens }

    public init(arrayLiteral elements: String...) { tokens = elements }

    /// Parses the string form; nil unless it is empty or starts with `/` and every `~` is
    /// followed by `0` or `1`.
    public init?(_ string: String) {
        if string.isEmpty {
            self = .root
            return
        }
        guard string.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in string.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = JSONPointer.unescape(raw) else { return nil }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    /// The pointer to a member or element of the value this pointer addresses.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// The pointer to an array element.
    public func appending(index: Int) -> JSONPointer { appending(String(index)) }

    /// The pointer to the enclosing value; nil for the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// The RFC 6901 string form (`/a~1b/0`); the root is the empty string.
    public var description: String {
        var result = ""
        for token in tokens {
            result += "/"
            result += JSONPointer.escape(token)
        }
        return result
    }

    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape(_ raw: Substring) -> String? {
        guard raw.contains("~") else { return String(raw) }
        var result = ""
        var iterator = raw.makeIterator()
        while let c = iterator.next() {
            guard c == "~" else {
                result.append(c)
                continue
            }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: return nil
            }
        }
        return result
    }
}
