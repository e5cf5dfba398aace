import DocumentModel
import Foundation
import XMLSupport
import ZipSupport

/// The entries of a letterhead package, read once with the bounded ZIP reader, and the
/// safe reading of its XML parts, relationships and pictures.
struct LetterheadPackage: Sendable {
    let file: String
    let format: LetterheadDocument.Format
    let limits: LetterheadReader.Limits
    private let entries: [String: [UInt8]]

    init(bytes: [UInt8], file: String, format: LetterheadDocument.Format, limits: LetterheadReader.Limits) throws(LetterheadError) {
        self.file = file
        self.format = format
        self.limits = limits
        let kind = format == .docx ? "a Word document (.docx)" : "an OpenDocument text (.odt)"
        let read: [ZipEntry]
        do {
            read = try ZipReader.entries(of: bytes, limits: .init(maxEntries: limits.maxEntries, maxEntrySize: limits.maxPackageSize, maxTotalSize: limits.maxPackageSize))
        } catch {
            throw LetterheadError(file: file, message: "cannot read the file as \(kind): \(error.message)",
                                  suggestion: "open the letterhead in Word or Writer and save it again as \(kind)")
        }
        var map: [String: [UInt8]] = [:]
        for entry in read { map[entry.path] = entry.data }
        entries = map
        let main = format == .docx ? "word/document.xml" : "styles.xml"
        guard map[main] != nil else {
            throw LetterheadError(file: file, message: "the package has no \(main), so it is not \(kind)",
                                  suggestion: format == .docx ? "save it from Word as Word Document (.docx); a .doc, .dotx or renamed file will not do"
                                                              : "save it from Writer as ODF Text Document (.odt)")
        }
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    func bytes(_ path: String) -> [UInt8]? { entries[path] }

    /// Parses the part at `path`, or returns nil when the package has no such part.
    func xmlIfPresent(_ path: String) throws(LetterheadError) -> XMLElement? {
        guard let data = entries[path] else { return nil }
        guard data.count <= limits.maxPartSize else {
            throw LetterheadError(file: file, place: path, message: "the part is \(data.count) bytes; the limit is \(limits.maxPartSize)", suggestion: nil)
        }
        do {
            return try XMLReader(limits: .init(maxBytes: limits.maxPartSize, maxDepth: 256, maxNodes: 2_000_000)).parse(data, file: path)
        } catch {
            throw LetterheadError(file: file, place: "\(path) \(error.line):\(error.column)", message: "not well-formed XML: \(error.message)",
                                  suggestion: "open the letterhead in Word or Writer and save it again")
        }
    }

    /// Parses a part the letterhead must have; `reason` says who needs it.
    func xml(_ path: String, neededBy reason: String) throws(LetterheadError) -> XMLElement {
        guard let root = try xmlIfPresent(path) else {
            throw LetterheadError(file: file, message: "\(reason) is \(path), which is not in the package (the file is damaged or incomplete)",
                                  suggestion: "open the letterhead in Word or Writer and save it again")
        }
        return root
    }

    /// A picture of the package, checked to be a PNG or JPEG within the limits.
    func image(_ path: String, for place: String) throws(LetterheadError) -> ImageData {
        guard let data = entries[path] else {
            throw LetterheadError(file: file, place: place, message: "the picture \(path) is not in the package",
                                  suggestion: "insert the logo again in Word or Writer (Insert ▸ Picture) and save")
        }
        do {
            return try ImageData(checking: data, limits: limits.image)
        } catch {
            throw LetterheadError(file: file, place: place, message: "the picture \(path) cannot be used: \(error.message)",
                                  suggestion: error.suggestion.map { "\($0): insert the logo again as a PNG or JPEG picture" } ?? "insert the logo again as a PNG or JPEG picture")
        }
    }

    // MARK: OPC relationships (DOCX)

    struct Relationship: Sendable {
        let type: String
        /// The package path of an internal target, or the URL of an external one.
        let target: String
        let external: Bool
    }

    /// The relationships of the part at `path`, by id (empty when it has none).
    func relationships(of path: String) throws(LetterheadError) -> [String: Relationship] {
        let directory = path.split(separator: "/").dropLast().joined(separator: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let relsPath = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
        guard let root = try xmlIfPresent(relsPath) else { return [:] }
        var result: [String: Relationship] = [:]
        for r in root.elements where r.name == "Relationship" {
            guard let id = r["Id"], let target = r["Target"] else { continue }
            let external = r["TargetMode"]?.lowercased() == "external"
            result[id] = Relationship(type: r["Type"] ?? "", target: external ? target : Self.resolve(target, from: directory), external: external)
        }
        return result
    }

    /// A relationship target relative to `directory`, as a package path ("/word/x" is absolute).
    static func resolve(_ target: String, from directory: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }
}

extension XMLElement {
    /// The value of the attribute with this local name, in any namespace (`w:val`, `r:id`, `val`).
    func value(_ localName: String) -> String? {
        attributes.first { $0.name == localName && $0.namespace != nil }?.value ?? self[localName]
    }

    /// The first child element with this local name.
    func child(_ localName: String) -> XMLElement? { elements.first { $0.name == localName } }

    /// Every descendant element (depth first, in document order) with this local name.
    func descendants(_ localName: String) -> [XMLElement] {
        var found: [XMLElement] = []
        func walk(_ e: XMLElement) {
            for c in e.elements {
                if c.name == localName { found.append(c) }
                walk(c)
            }
        }
        walk(self)
        return found
    }
}
