import Foundation
import Localization
import Testing

/// FormatJS rich-text tags in messages: where they are parsed, what formatting yields, how
/// quoting keeps `<` literal, and the located errors for tags that do not close.
@Suite struct MessageTagTests {
    /// A span written as `<b><a>text` (outer tags first), for compact expectations.
    static func rendered(_ spans: [MessageSpan]) -> String { spans.map(\.description).joined(separator: "|") }

    @Test(arguments: [
        ("I, <b>{name}</b>, agree", ["name": MessageValue.string("Ana")], "I, |<b>Ana|, agree"),
        ("<b>bold <i>both</i></b> plain", [:], "<b>bold |<b><i>both| plain"),
        ("See <a>the site</a> or <a2>write</a2>.", [:], "See |<a>the site| or |<a2>write|."),
        // Tags inside plural and select variants, with '#'.
        ("{n, plural, one {<b>#</b> child} other {<b>#</b> children}}", ["n": .number(3)], "<b>3| children"),
        ("{n, plural, =0 {none} other {<u>{n, number} items</u>}}", ["n": .number(0)], "none"),
        ("{g, select, female {<i>she</i>} other {<i>they</i>}} signs", ["g": .string("female")], "<i>she| signs"),
        // An argument value holding markup is text, never a tag.
        ("Name: <b>{name}</b>", ["name": .string("<i>x</i> & <a href=\"y\">")], "Name: |<b><i>x</i> & <a href=\"y\">"),
        // A '<' that does not open a tag is text, as is a quoted one.
        ("a < b and 3<4 and <b attr>", [:], "a < b and 3<4 and <b attr>"),
        ("'<b>' is literal", [:], "<b> is literal"),
        ("''<b>x</b>", [:], "'|<b>x"),
        ("<b></b>empty tag", [:], "empty tag"),
    ] as [(String, [String: MessageValue], String)])
    func formatsSpans(pattern: String, values: [String: MessageValue], expected: String) throws {
        let message = try MessageFormat(pattern)
        #expect(Self.rendered(try message.formatSpans(values, locale: .en)) == expected)
    }

    @Test func plainFormattingLeavesTagsOut() throws {
        let message = try MessageFormat("I, <b>{name}</b>, agree to <a>the terms</a>.")
        #expect(message.hasTags)
        #expect(try message.format(["name": "Ana"], locale: .en) == "I, Ana, agree to the terms.")
        #expect(try MessageFormat("No tags, a < b").hasTags == false)
    }

    @Test(arguments: [
        ("plain", [String]()),
        ("<b>x</b> <b>y</b> <i>z</i>", ["b", "i"]),
        ("<b>x <a>link</a></b>", ["b", "b/a"]),
        ("{n, plural, one {<b>#</b>} other {<b>#</b> <i>more</i>}}", ["b", "i"]),
    ])
    func tagPaths(pattern: String, expected: [String]) throws {
        #expect(try MessageFormat(pattern).tagPaths == expected)
    }

    @Test(arguments: [
        ("I, <b>{name}, agree", 1, 4, "the tag <b> is never closed"),
        ("bold</b> text", 1, 5, "closing tag </b> has no opening <b>"),
        ("<b><i>x</b></i>", 1, 8, "expected </i> to close the tag opened at 1:4, found </b>"),
        ("{n, plural, one {<b>#} other {#</b>}}", 1, 18, "the tag <b> is not closed before the end of its variant"),
        ("line one\n<u>two", 2, 1, "the tag <u> is never closed"),
    ])
    func unclosedOrMismatchedTagsAreLocatedErrors(pattern: String, line: Int, column: Int, message: String) throws {
        let error = try #require(throws: MessageSyntaxError.self) { try MessageFormat(pattern) }
        #expect(error.message == message)
        #expect(error.line == line && error.column == column, "\(error)")
        #expect(error.suggestion != nil)
    }

    @Test func tagsInsideTagsBeyondTheLimitAreAnError() throws {
        let pattern = String(repeating: "<b>", count: 70) + "x" + String(repeating: "</b>", count: 70)
        let error = try #require(throws: MessageSyntaxError.self) { try MessageFormat(pattern) }
        #expect(error.message.contains("nested more than 64 levels"))
    }

    @Test func pseudolocalizationKeepsTags() throws {
        let pseudo = Pseudolocalization.pseudolocalize("I, <b>{name}</b>, read <a1>this</a1> and '<i>'")
        #expect(pseudo.hasPrefix("[Ī, <b>{name}</b>, ŕḗȧḓ <a1>ŧħīş</a1> ȧƞḓ '<"), "\(pseudo)")
        let message = try MessageFormat(pseudo)
        #expect(message.tagPaths == ["a1", "b"])
    }
}
