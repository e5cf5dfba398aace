// libFuzzer entry point: exact decimal arithmetic and number formatting. The input is two
// number literals separated by a space (as JSON numbers: any digits, signs, exponents); they
// go through the JSON reader into exact decimals, then every operator of the template
// language and the number, percent and money formats of each locale.
import Localization
import Template
import TemplateData
import FuzzDriver

let templateSource = Array("""
    <document xmlns="urn:formwright:template:1" id="fuzz-arithmetic">
      <body>
        <p>{a + b} {a - b} {a * b} {-a} {a * b * a * b} {(a + b) * (a - b)}</p>
        <p>{a | number} {b | number:"integer"} {a | number:"percent"} {a | money:"EUR"} {b | money:"MDL"} {a * b | money:"RON"}</p>
        <p if="a > b">gt</p><p if="a == b">eq</p><p if="a &lt;= b * b">le</p>
        <p>{list | sum | number}</p>
      </body>
    </document>
    """.utf8)

let locales: [LocaleID] = [.bg, .ro, .it, .en]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0, count < 512 else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].contains(","), !parts[1].contains(",") else { return 0 }
    let json = "{\"a\": \(parts[0]), \"b\": \(parts[1]), \"list\": [\(parts[0]), \(parts[1]), \(parts[0])]}"
    guard let document = try? DataLoader().load(text: json, path: "fuzz.json") else { return 0 }
    guard let definition = try? TemplateParser.parse(source: templateSource, file: "fuzz.xml") else {
        fatalError("the harness's own template does not parse")
    }
    let locale = locales[Int(start[0]) % locales.count]
    guard let compiled = try? CompiledTemplate(definition, locale: locale, catalogs: CatalogSet(catalogs: [])) else {
        fatalError("the harness's own template does not compile")
    }
    _ = try? compiled.render(document.value)
    return 0
}

@_cdecl("fuzz_arithmetic_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
