import Testing
@testable import Template

@Suite struct ExpressionTests {
    @Test(arguments: [
        ("child.code", Expression.path(["child", "code"])),
        ("parties.0.name", .path(["parties", "0", "name"])),
        ("'x'", .string("x")),
        ("\"a \\\" b\"", .string("a \" b")),
        ("-12.5", .number("-12.5")),
        ("not a", .not(.path(["a"]))),
        ("a and b or c", .or(.and(.path(["a"]), .path(["b"])), .path(["c"]))),
        ("a and (b or c)", .and(.path(["a"]), .or(.path(["b"]), .path(["c"])))),
        ("child.age >= 14", .compare(.path(["child", "age"]), .greaterOrEqual, .number("14"))),
        ("$page", .field(.pageNumber)),
    ])
    func parses(source: String, expected: Expression) throws {
        #expect(try Expression.parse(source) == expected)
    }

    @Test func filtersChainWithArguments() throws {
        let e = try Expression.parse("list | join:\", \" | upper")
        guard case .filter(let inner, "upper", [], _) = e, case .filter(.path(["list"]), "join", [.string(", ")], _) = inner else {
            Issue.record("unexpected tree \(e)"); return
        }
    }

    @Test(arguments: [
        ("child.name | uper", 13, "unknown filter 'uper'", "did you mean 'upper'?"),
        ("a = 1", 2, "'=' is not an operator", "compare with '=='"),
        ("a && b", 2, "unexpected '&'", "write 'and'"),
        ("'open", 0, "unterminated string", "close it with '"),
        ("a.", 2, "expected a name or an index after '.'", nil),
        ("(a", 2, "expected ')'", nil),
        ("a b", 2, "unexpected 'b' after the expression", nil),
        ("$pgae", 0, "unknown field '$pgae'", "the fields are $page and $pages"),
    ] as [(String, Int, String, String?)])
    func rejectsWithPositionAndHint(source: String, offset: Int, message: String, suggestion: String?) {
        do {
            _ = try Expression.parse(source)
            Issue.record("expected an error for \(source)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message == message)
            #expect(error.suggestion == suggestion)
        }
    }

    @Test func interpolationSplitsTextAndExpressions() throws {
        let i = try Interpolation(parsing: "Case {case.code}: {{literal}} {n | number}")
        #expect(i.segments.count == 4)
        #expect(i.segments[0] == .literal("Case "))
        #expect(i.segments[1] == .expression(.path(["case", "code"]), offset: 6))
        #expect(i.segments[2] == .literal(": {literal} "))
    }

    @Test(arguments: [("a { b", 2), ("a } b", 2), ("{}", 0), ("x {a |}", 6)])
    func interpolationErrorsAreLocated(text: String, offset: Int) {
        #expect(throws: Interpolation.SyntaxError.self) { try Interpolation(parsing: text) }
        do { _ = try Interpolation(parsing: text) } catch { #expect(error.offset == offset) }
    }
}
