// libFuzzer entry point: the ICU MessageFormat parser, then formatting what it accepts.
import Foundation
import Localization
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let message = try? MessageFormat(text) else { return 0 }
    let values: [String: MessageValue] = ["n": .number(Decimal(21)), "name": .string("Ștefan"), "gender": .string("female")]
    for locale in [LocaleID.bg, .ro, .it, .en] {
        _ = try? message.format(values, locale: locale)
    }
    return 0
}

@_cdecl("fuzz_message_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
