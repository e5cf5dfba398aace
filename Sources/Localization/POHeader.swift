/// The fields of a PO file's header entry (`msgid ""`): `Language`, `Plural-Forms`,
/// `Content-Type` and the others gettext tools write, in file order.
///
/// ```swift
/// var header = file.header ?? POHeader()
/// header["Language"]                 // "ro"
/// header["X-Generator"] = "Formwright"
/// file.header = header
/// ```
public struct POHeader: Sendable, Hashable {
    /// One `Name: value` line of the header.
    public struct Field: Sendable, Hashable {
        /// The field name; empty for a line without a colon, kept so nothing is lost.
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var fields: [Field]

    public init(fields: [Field] = []) { self.fields = fields }

    /// Reads the header's `msgstr`: one `Name: value` per line.
    public init(parsing text: String) {
        var fields: [Field] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingSpaces()
                let value = line[line.index(after: colon)...].trimmingSpaces()
                fields.append(Field(name: name, value: value))
            } else {
                fields.append(Field(name: "", value: String(line)))
            }
        }
        self.fields = fields
    }

    /// The header as the `msgstr` of the header entry, each field ending in `\n`.
    public var text: String {
        fields.map { $0.name.isEmpty ? "\($0.value)\n" : "\($0.name): \($0.value)\n" }.joined()
    }

    /// The value of a field, matched without regard to case as gettext does. Setting nil
    /// removes the field; setting a new field appends it.
    public subscript(name: String) -> String? {
        get { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
        set {
            let index = fields.firstIndex { $0.name.lowercased() == name.lowercased() }
            switch (index, newValue) {
            case (let index?, let value?): fields[index].value = value
            case (let index?, nil): fields.remove(at: index)
            case (nil, let value?): fields.append(Field(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The `Language` field (`ro`, `ro_MD`), if present and not empty.
    public var language: String? { self["Language"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The `Plural-Forms` field (`nplurals=3; plural=…;`).
    public var pluralForms: String? { self["Plural-Forms"] }

    /// The `Content-Type` field (`text/plain; charset=UTF-8`).
    public var contentType: String? { self["Content-Type"] }

    /// The charset named in `Content-Type`, as written (`UTF-8`, `CHARSET` in templates).
    public var charset: String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";") {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingSpaces().lowercased() == "charset" {
                return parts[1].trimmingSpaces()
            }
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
