// Starts libFuzzer from a SwiftPM executable.
//
// SwiftPM links every executable with `main` as an alias of `<module>_main`, which
// `-parse-as-library` leaves undefined; each harness defines that symbol with `@_cdecl` and
// calls `runFuzzer`, which hands libFuzzer's driver the harness's test function (the same
// function it also exports as `LLVMFuzzerTestOneInput`).

public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// libFuzzer's `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`,
/// bound by name at link time (libFuzzer's symbols are not exported for `dlsym`). The
/// arguments are three pointers, passed in the same registers by Swift's and C's conventions.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: FuzzTest
) -> CInt

public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: FuzzTest
) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, test)
}
