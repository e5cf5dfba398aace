import ZipSupport

/// The smallest ODT LibreOffice opens: a manifest and a `content.xml` with the given font
/// declarations, automatic styles and text body, for tests that convert a document of their own.
enum MinimalODT {
    static let namespaces = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3""#

    static func package(fontFaces: String = "", automaticStyles: String, text: String) throws -> [UInt8] {
        let fonts = fontFaces.isEmpty ? "" : "<office:font-face-decls>\(fontFaces)</office:font-face-decls>"
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(namespaces)>\(fonts)<office:automatic-styles>\(automaticStyles)</office:automatic-styles>\
            <office:body><office:text>\(text)</office:text></office:body></office:document-content>
            """
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
            <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
            """
        return try ZipWriter.archive([
            ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored),
            ZipEntry(path: "META-INF/manifest.xml", data: Array(manifest.utf8)),
            ZipEntry(path: "content.xml", data: Array(content.utf8)),
        ])
    }
}
