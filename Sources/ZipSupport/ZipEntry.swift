/// One file inside a ZIP package.
public struct ZipEntry: Sendable, Hashable {
    public enum Compression: Sendable, Hashable { case stored, deflated }
    public var path: String
    public var data: [UInt8]
    public var compression: Compression

    public init(path: String, data: [UInt8], compression: Compression = .deflated) {
        self.path = path
        self.data = data
        self.compression = compression
    }
}

/// A ZIP error with what libzip said.
public struct ZipError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
