import Testing
@testable import Template

/// Inputs found by `Fuzz/run fuzz-expression`: deep nesting overflowed the parser's stack.
@Suite struct ExpressionNestingTests {
    /// The crashing input, as libFuzzer found it (Fuzz/corpus/fuzz-expression/regression-deep-parentheses).
    static let fuzzerInput = "a>((((((((((((((((((((( (((((((((((((((((((((a>(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((( (((((((((((((((((((((a>((((((((((((((((((((-((((((((((((((( (((((((((((((((((((((a>((((((((( (((((((((((((((((((((((((((((((((((((a>((((((((((((((((((((((((((((((((( (((((( ((((((((((((((((((((((((a>(((((((((((((((((((((((((a>((((((((((((((((((((-((((((((((((((( (((((((((((((((((((((a>((((((((( (((((((((((((((((((((((((((((((((((((a>((((((((((((((((((((((((((((((((( (((((( (((((((((((((((((((((((((((2(+"

    @Test(arguments: [
        fuzzerInput,
        String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000),
        String(repeating: "not ", count: 5_000) + "a",
        String(repeating: "- ", count: 5_000) + "a",
    ])
    func deepNestingIsAnErrorNotACrash(source: String) {
        #expect {
            _ = try Expression.parse(source)
        } throws: { error in
            (error as? ExpressionSyntaxError)?.message.contains("nested more than \(ExpressionParser.maximumDepth) levels") == true
        }
    }

    @Test func nestingUpToTheLimitParses() throws {
        let depth = ExpressionParser.maximumDepth
        let source = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(try Expression.parse(source) == .path(["a"]))
        _ = try Expression.parse(String(repeating: "not ", count: depth) + "a")
        #expect(try Expression.parse("not not a") == .not(.not(.path(["a"]))))
    }
}
