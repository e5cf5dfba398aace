// libFuzzer entry point: the letterhead reader. An input that starts with `PK` is a whole
// package, read as a .docx and as an .odt; any other input is the inside of a header: its
// first byte chooses Word (`<w:hdr>…</w:hdr>` in a minimal .docx with a first-page header)
// or Writer (`<style:header>…</style:header>` of the Standard page in a minimal .odt), so the
// fuzzer works on the paragraphs, runs, tables, fields and frames users put in letterheads.
import LetterheadReader
import ZipSupport
import FuzzDriver

let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
let officeNamespaces = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""

func docx(header: [UInt8]) -> [UInt8]? {
    let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    return try? ZipWriter.archive([
        ZipEntry(path: "[Content_Types].xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>
            """.utf8)),
        ZipEntry(path: "_rels/.rels", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rels)officeDocument" Target="word/document.xml"/></Relationships>
            """.utf8)),
        ZipEntry(path: "word/document.xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><w:document \(w)><w:body><w:p/><w:sectPr><w:headerReference w:type="first" r:id="rId1"/><w:headerReference w:type="default" r:id="rId1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708"/><w:titlePg/></w:sectPr></w:body></w:document>
            """.utf8)),
        ZipEntry(path: "word/_rels/document.xml.rels", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rels)header" Target="header1.xml"/></Relationships>
            """.utf8)),
        ZipEntry(path: "word/header1.xml", data: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr \(w)>".utf8) + header + Array("</w:hdr>".utf8)),
    ])
}

func odt(header: [UInt8]) -> [UInt8]? {
    try? ZipWriter.archive([
        ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored),
        ZipEntry(path: "content.xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><office:document-content \(officeNamespaces) office:version="1.3"><office:body><office:text><text:p/></office:text></office:body></office:document-content>
            """.utf8)),
        ZipEntry(path: "styles.xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><office:document-styles \(officeNamespaces) office:version="1.3"><office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="20mm" fo:margin-bottom="20mm" fo:margin-left="20mm" fo:margin-right="20mm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>
            """.utf8) + header + Array("</style:header></style:master-page></office:master-styles></office:document-styles>".utf8)),
        ZipEntry(path: "META-INF/manifest.xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>
            """.utf8)),
    ])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let reader = LetterheadReader(limits: LetterheadReader.Limits(maxFileSize: 1 << 20, maxPackageSize: 4 << 20, maxEntries: 64, maxPartSize: 1 << 20))
    if bytes.starts(with: Array("PK".utf8)) {
        _ = try? reader.read(bytes, file: "fuzz.docx")
        _ = try? reader.read(bytes, file: "fuzz.odt")
    } else if bytes[0] & 1 == 0 {
        if let package = docx(header: Array(bytes.dropFirst())) { _ = try? reader.read(package, file: "fuzz.docx") }
    } else {
        if let package = odt(header: Array(bytes.dropFirst())) { _ = try? reader.read(package, file: "fuzz.odt") }
    }
    return 0
}

@_cdecl("fuzz_letterhead_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
