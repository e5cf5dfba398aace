import DocumentModel
import XMLSupport

extension ODTWriter {
    /// `meta.xml`: title, subject, keywords, language and generator. The creation date
    /// is written only when the metadata gives one, so output never depends on the clock.
    func metaXML(_ document: Document) throws -> [UInt8] {
        let metadata = document.metadata
        var xml = XMLWriter()
        xml.declaration()
        xml.open("office:document-meta", attributes: [
            ODFNamespace.office, ODFNamespace.meta, ODFNamespace.dc, ("office:version", Self.odfVersion),
        ])
        xml.open("office:meta")
        xml.element("meta:generator", text: metadata.generator)
        xml.element("dc:title", text: metadata.title)
        if !metadata.subject.isEmpty { xml.element("dc:subject", text: metadata.subject) }
        for keyword in metadata.keywords { xml.element("meta:keyword", text: keyword) }
        if let created = metadata.created {
            xml.element("meta:creation-date", text: try Self.dateTime(created))
        }
        xml.element("dc:language", text: metadata.language.description)
        xml.closeAll()
        return xml.bytes
    }

    /// `YYYY-MM-DD` (or a full `YYYY-MM-DDThh:mm:ss`) as the `xsd:dateTime` ODF wants.
    static func dateTime(_ value: String) throws -> String {
        let digits = { (s: Substring) in s.allSatisfy(\.isASCII) && s.allSatisfy(\.isNumber) }
        let parts = value.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        let dateOK = date.count == 3 && date[0].count == 4 && date[1].count == 2 && date[2].count == 2
            && date.allSatisfy(digits)
            && (1...12).contains(Int(date[1]) ?? 0) && (1...31).contains(Int(date[2]) ?? 0)
        let time = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false) : []
        let timeOK = parts.count == 1
            || (time.count == 3 && time.allSatisfy { $0.count == 2 && digits($0) })
        guard dateOK, timeOK else {
            throw ODTWriterError(
                message: "Creation date \"\(value)\" is not a date.", location: "document metadata",
                suggestion: "Write it as YYYY-MM-DD, for example 2026-03-12.")
        }
        return parts.count == 1 ? "\(value)T00:00:00" : value
    }

    /// `META-INF/manifest.xml`: the root entry with the package's media type, then every part
    /// with its media type.
    func manifestXML(parts: [(path: String, mediaType: String)]) -> [UInt8] {
        var xml = XMLWriter()
        xml.declaration()
        xml.open("manifest:manifest", attributes: [ODFNamespace.manifest, ("manifest:version", Self.odfVersion)])
        xml.element("manifest:file-entry", [
            "manifest:full-path": "/", "manifest:version": Self.odfVersion, "manifest:media-type": Self.mediaType,
        ])
        for part in parts {
            xml.element("manifest:file-entry", ["manifest:full-path": part.path, "manifest:media-type": part.mediaType])
        }
        xml.closeAll()
        return xml.bytes
    }
}
