// libFuzzer entry point: the JSON data loader (raw bytes, so invalid UTF-8 is fuzzed too),
// then the positions a validation error would ask for.
import TemplateData
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if let document = try? DataLoader().load(bytes, path: "fuzz.json") {
        _ = document.location(of: ["a"])
    }
    return 0
}

@_cdecl("fuzz_json_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
