/// A 1-based line and column, without the file name (which every position in a document shares).
struct TextPosition: Sendable, Hashable {
    var line: Int
    var column: Int

    func location(in file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
}
