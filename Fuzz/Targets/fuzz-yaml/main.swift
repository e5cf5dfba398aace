// libFuzzer entry point: the YAML data loader (Yams plus Formwright's conversion and limits).
import TemplateData
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if let document = try? DataLoader().load(bytes, path: "fuzz.yaml") {
        _ = document.location(of: ["a"])
    }
    return 0
}

@_cdecl("fuzz_yaml_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
