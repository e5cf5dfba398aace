// libFuzzer entry point: the walk over data. The input is a data file (JSON, or YAML when it
// starts with `%` or `---`), checked against a schema and rendered through a template whose
// filters and comparisons walk whole values: deep equality, `distinct`, `sum`, `where`, `join`,
// `count`, nested loops and the schema's validation of nested objects and arrays.
import Localization
import Template
import TemplateData
import FuzzDriver

let templateSource = Array("""
    <document xmlns="urn:formwright:template:1" id="fuzz-data">
      <body>
        <p>{name} {n | number} {date | date:"long"} {items | count} {tags | join:", "}</p>
        <p if="items == others">same</p>
        <p if="a == b and not (a == c)">deep</p>
        <p>{tags | distinct | join:"/"} {items | sum:"amount" | number}</p>
        <p each="x in items | where:'flag', true">{x.label | upper} {x.amount | number} {loop.index} {x.nested.deeper | default:"-"}</p>
        <table widths="50mm,50mm">
          <row each="r in rows"><cell>{r.k}</cell><cell><p each="v in r.values">{v}</p></cell></row>
        </table>
      </body>
    </document>
    """.utf8)

let schemaSource = """
    {"type": "object", "properties": {
      "name": {"type": "string", "maxLength": 200},
      "n": {"type": "number", "minimum": -1e30, "maximum": 1e30},
      "date": {"type": "string", "format": "date"},
      "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 50},
      "items": {"type": "array", "items": {"type": "object", "properties": {
          "label": {"type": "string"}, "amount": {"type": "number"}, "flag": {"type": "boolean"},
          "nested": {"type": "object"}}, "required": ["label"]}},
      "rows": {"type": "array", "items": {"type": "object", "properties": {"k": {"type": "string", "enum": ["x", "y"]}}}}
    }}
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let yaml = bytes.first == UInt8(ascii: "%") || bytes.starts(with: Array("---".utf8))
    let limits = DataLimits(maximumFileSize: 1 << 16, maximumDepth: 64, maximumValueCount: 20_000)
    guard let document = try? DataLoader(limits: limits).load(bytes, path: yaml ? "fuzz.yaml" : "fuzz.json") else { return 0 }
    if let schema = try? DataSchema(text: schemaSource, path: "schema.json") {
        for error in schema.validate(document) { _ = error.description }
    }
    guard let definition = try? TemplateParser.parse(source: templateSource, file: "fuzz.xml"),
          let compiled = try? CompiledTemplate(
              definition, locale: .bg, catalogs: CatalogSet(catalogs: []), limits: RenderLimits(maxLoopIterations: 10_000, maxLoopDepth: 8))
    else { fatalError("the harness's own template does not compile") }
    _ = try? compiled.render(document.value)
    return 0
}

@_cdecl("fuzz_data_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
