// libFuzzer entry point: the office-template reader. An input that starts with `PK` is read
// as a whole package (the ZIP reader and its limits); any other input is the inside of a
// Word body (`<w:body>…</w:body>`), wrapped into a minimal .docx, so the fuzzer works on what
// users type into Word: split runs, tags across runs, tables, loops and messages. What reads
// is compiled (locale ro, no catalogs) and rendered with fixed data.
import Localization
import Template
import TemplateData
import OfficeTemplate
import ZipSupport
import FuzzDriver

func makeData() -> Value {
    [
        "name": "Ана & <Ion>", "n": 3, "flag": true, "date": "2026-11-22",
        "items": [["label": "a", "amount": 1], ["label": "b", "amount": 2]],
    ]
}

let contentTypes = Array("""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
    """.utf8)
let packageRelationships = Array("""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """.utf8)
let bodyStart = Array("""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
    """.utf8)
let bodyEnd = Array("</w:body></w:document>".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let package: [UInt8]
    if bytes.starts(with: Array("PK".utf8)) {
        package = bytes
    } else {
        guard let built = try? ZipWriter.archive([
            ZipEntry(path: "[Content_Types].xml", data: contentTypes),
            ZipEntry(path: "_rels/.rels", data: packageRelationships),
            ZipEntry(path: "word/document.xml", data: bodyStart + bytes + bodyEnd),
        ]) else { return 0 }
        package = built
    }
    let limits = OfficeTemplate.Limits(maxPackageSize: 1 << 20, maxPartSize: 1 << 20, maxEntries: 64)
    guard let template = try? OfficeTemplate(bytes: package, file: "template.docx", id: "fuzz", schemaFile: nil, limits: limits),
          let compiled = try? template.compile(
              locale: .ro, catalogs: CatalogSet(catalogs: []), limits: RenderLimits(maxLoopIterations: 1000, maxLoopDepth: 8))
    else { return 0 }
    _ = try? compiled.render(makeData())
    return 0
}

@_cdecl("fuzz_office_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
