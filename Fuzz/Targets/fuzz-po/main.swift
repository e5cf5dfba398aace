// libFuzzer entry point: the gettext PO reader, strict and recovering.
import Localization
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? POFile.parse(text, path: "fuzz.po")
    _ = POFile.parseRecovering(text, path: "fuzz.po")
    return 0
}

@_cdecl("fuzz_po_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
