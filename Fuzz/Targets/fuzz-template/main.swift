// libFuzzer entry point: the template parser, then compiling and rendering what it accepts.
import Localization
import Template
import TemplateData
import FuzzDriver

/// Fixed data for rendering: a few fields and a short list, so paths, loops and filters run.
/// Made per input, not held in a global: LeakSanitizer reports a lazily made global's boxes
/// as leaked at exit.
func makeData() -> Value {
    [
        "name": "Ана & <Ion>", "n": 3, "flag": true, "date": "2026-11-22",
        "items": [["label": "a", "amount": 1], ["label": "b", "amount": 2]],
    ]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let definition = try? TemplateParser.parse(source: bytes, file: "fuzz.xml") else { return 0 }
    // Small loop limits keep one input fast; the parser and renderer are what is under test.
    guard let compiled = try? CompiledTemplate(
        definition, locale: .ro, catalogs: CatalogSet(catalogs: []), limits: RenderLimits(maxLoopIterations: 1000, maxLoopDepth: 8))
    else { return 0 }
    _ = try? compiled.render(makeData())
    return 0
}

@_cdecl("fuzz_template_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
