/// A message that could not be formatted with the values given: an argument is
/// missing or has a type the message cannot use.
///
/// ```swift
/// try MessageFormat("Hello {name}").format([:], locale: .en)
/// // throws: missing argument 'name'
/// ```
public struct MessageFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The message uses an argument that was not given.
        public static let missingArgument = Code(rawValue: "missing-argument")
        /// The value cannot be formatted the way the message asks (text in `{n, number}`).
        public static let wrongArgumentType = Code(rawValue: "wrong-argument-type")
    }

    public let code: Code
    /// The argument's name.
    public let argument: String
    /// For users: what is wrong.
    public let message: String
    /// How to fix it.
    public let suggestion: String?

    public var description: String { message }

    static func missing(_ name: String) -> MessageFormatError {
        MessageFormatError(
            code: .missingArgument, argument: name, message: "missing argument '\(name)'",
            suggestion: "pass a value named '\(name)'")
    }

    static func wrongType(_ name: String, expected: String, got value: MessageValue) -> MessageFormatError {
        MessageFormatError(
            code: .wrongArgumentType, argument: name,
            message: "argument '\(name)' must be \(expected), not \(value.typeName)",
            suggestion: nil)
    }
}
