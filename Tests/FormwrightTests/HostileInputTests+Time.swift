import Foundation
import TestSupport
import Testing

/// Work that grew with the square of the input. The time bounds are complexity guards with a
/// wide margin (a debug build takes a few seconds; the quadratic code took minutes to hours),
/// not speed targets: those live in the release benchmark.
extension HostileInputTests {
    static func onePargraph(_ unit: String, count: Int) -> String {
        HostileInputTests.document + "<body><p>" + String(repeating: unit, count: count) + "</p></body></document>"
    }

    @Test(arguments: [
        ("<b>w</b> ", 50_000), ("<b if=\"true\">w</b> ", 50_000), ("w<br/>", 50_000), ("<i>w</i>\n", 50_000),
        ("<b>" + String(repeating: "w", count: 100) + "</b>", 20_000),
    ])
    func aParagraphOfManyInlineSiblingsRendersInLinearTime(unit: String, count: Int) throws {
        let t = try scratch(template: Self.onePargraph(unit, count: count))
        defer { t.remove() }
        let started = ContinuousClock.now
        let r = try t.render(["--data", "ok.json", "--locale", "en", "-o", "out/x.odt"])
        #expect(r.status == 0, "\(r.stderr.prefix(300))")
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    /// One long line of 20 000 bad elements: at most 100 problems (and one saying so), each
    /// showing a short piece of the line, not the whole line 20 000 times.
    @Test(arguments: ["<span>w</span> ", "<b bogus=\"1\">w</b>"])
    func manyErrorsOnOneLongLineAreBounded(unit: String) throws {
        let t = try scratch(template: Self.onePargraph(unit, count: 20_000))
        defer { t.remove() }
        let started = ContinuousClock.now
        let stderr = try refused(t, data: "ok.json")
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(stderr.components(separatedBy: ": error: ").count - 1 == 101, "\(stderr.prefix(300))")
        #expect(stderr.contains("more than 100 problems; the rest are not reported"))
        #expect(stderr.utf8.count < 100_000)
    }
}
