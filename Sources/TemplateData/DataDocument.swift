/// A loaded data file: its ``Value`` and where each value was written.
///
/// Locations are kept by JSON Pointer so validation errors can point at `line:column`.
///
/// ```swift
/// let doc = try DataLoader().load(text: "child:\n  code: BG-014\n", path: "data.yaml")
/// doc.value[pointer: ["child", "code"]]        // .string("BG-014")
/// doc.location(of: ["child", "code"])          // data.yaml:2:9
/// ```
public struct DataDocument: Sendable {
    /// The path as given to the loader, used in messages.
    public let path: String
    /// The data.
    public let value: Value

    /// Where values and keys are written, found when first needed.
    private let positions: DataPositions

    /// Value positions by escaped pointer string.
    var valuePositions: [String: TextPosition] { positions.table.values }
    /// Positions of object member keys, by the member's escaped pointer.
    var keyPositions: [String: TextPosition] { positions.table.keys }
    /// The source text of YAML plain scalars that were read as numbers, booleans or null,
    /// so a "expected a string" error can suggest quoting what the author wrote.
    let plainScalarText: [String: String]

    /// A document built in code, without source positions.
    public init(path: String, value: Value) {
        self.init(path: path, value: value, valuePositions: [:], keyPositions: [:], plainScalarText: [:])
    }

    init(
        path: String, value: Value, valuePositions: [String: TextPosition], keyPositions: [String: TextPosition],
        plainScalarText: [String: String]
    ) {
        self.path = path
        self.value = value
        self.positions = DataPositions(values: valuePositions, keys: keyPositions)
        self.plainScalarText = plainScalarText
    }

    /// A document whose positions `locate` computes the first time one is asked for.
    init(
        path: String, value: Value, plainScalarText: [String: String],
        locate: @escaping @Sendable () -> (values: [String: TextPosition], keys: [String: TextPosition])
    ) {
        self.path = path
        self.value = value
        self.positions = DataPositions(locate: locate)
        self.plainScalarText = plainScalarText
    }

    /// Where the value at `pointer` starts in the file; nil when it is not in the document
    /// (or the document was built in code).
    public func location(of pointer: JSONPointer) -> SourceLocation? {
        valuePositions[pointer.description].map { $0.location(in: path) }
    }

    /// Where the key of the object member at `pointer` is written; falls back to the value's
    /// location (array elements and the root have no key).
    public func keyLocation(of pointer: JSONPointer) -> SourceLocation? {
        keyPositions[pointer.description].map { $0.location(in: path) } ?? location(of: pointer)
    }

    func location(ofEscaped pointer: String) -> SourceLocation? {
        valuePositions[pointer].map { $0.location(in: path) }
    }

    func keyLocation(ofEscaped pointer: String) -> SourceLocation? {
        keyPositions[pointer].map { $0.location(in: path) } ?? location(ofEscaped: pointer)
    }
}
