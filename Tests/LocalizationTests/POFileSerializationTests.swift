import Localization
import Testing

@Suite("Writing PO files")
struct POFileSerializationTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    /// Files in shapes gettext tools produce, plus edge cases of the layout rules.
    static let shapes: [Shape] = [
        Shape(name: "Poedit file", text: POFixtures.poedit),
        Shape(name: "canonical file", text: POFixtures.canonical),
        Shape(name: "one-line header", text: "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"),
        Shape(name: "empty comments and context", text: "#\n#.\n#, no-wrap\nmsgctxt \"\"\nmsgid \"x\"\nmsgstr \"\"\n"),
        Shape(name: "trailing comment", text: "msgid \"a\\n\\nb\\n\"\nmsgstr \"ends\\n\"\n\n# only a comment at the end\n"),
        Shape(name: "obsolete with previous", text: "#~| msgctxt \"old\"\n#~ msgid \"x\"\n#~ msgstr \"y\"\n"),
        Shape(name: "gettext plural", text: "msgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n"),
        Shape(name: "many references", text: "#: " + (1...30).map { "t/template.xml:\($0)" }.joined(separator: " ") + "\nmsgid \"x\"\nmsgstr \"\"\n"),
        Shape(name: "empty file", text: ""),
    ]

    @Test(arguments: shapes)
    func parsingTheSerializedFileGivesTheSameFile(_ shape: Shape) throws {
        let text = shape.text
        let file = try POFile.parse(text, path: "t.po")
        let written = file.serialized()
        let reread = try POFile.parse(written, path: "t.po")
        #expect(reread == file)
        #expect(reread.serialized() == written, "serialized() must be a fixed point")
    }

    @Test func canonicalFileIsWrittenBackByteForByte() throws {
        let file = try POFile.parse(POFixtures.canonical, path: "t.po")
        #expect(file.serialized() == POFixtures.canonical)
    }

    @Test func wrappedFileIsUnwrappedToTheCanonicalLayout() throws {
        let file = try POFile.parse(POFixtures.poedit, path: "t.po")
        #expect(file.serialized() == POFixtures.canonical)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("\t\r\u{07}\u{08}\u{0C}\u{0B}", #""\t\r\a\b\f\v""#),
        ("\u{01}\u{1F}\u{7F}", #""\001\037\177""#),
        ("ăîșțâ щ è €", #""ăîșțâ щ è €""#),
        ("line\n", #""line\n""#),
        ("\r\n", #""\r\n""#),
    ])
    func stringsAreEscapedCanonically(value: String, written: String) throws {
        let entry = POEntry(context: "k", id: value, translation: value)
        let text = POFile(path: "t.po", entries: [entry]).serialized()
        #expect(text == "msgctxt \"k\"\nmsgid \(written)\nmsgstr \(written)\n")
        #expect(try POFile.parse(text, path: "t.po").entries == [entry])
    }

    @Test func embeddedNewlinesStartNewQuotedLines() {
        let entry = POEntry(id: "a\nb\n\nc", translation: "a\r\nb")
        #expect(POFile(path: "t.po", entries: [entry]).serialized() == """
            msgid ""
            "a\\n"
            "b\\n"
            "\\n"
            "c"
            msgstr ""
            "a\\r\\n"
            "b"

            """)
    }

    @Test func entryBuiltInCodeIsWrittenInGettextOrder() throws {
        var entry = POEntry(
            context: "plan.start", id: "Start", translation: "Început",
            translatorComments: ["checked", "two\nlines"], extractedComments: ["column header"],
            references: ["plan/template.xml:7", "plan/template.xml:9"], flags: ["no-wrap"],
            previousContext: "plan.begin", previousID: "Begin")
        entry.isFuzzy = true
        let text = POFile(path: "t.po", entries: [entry]).serialized()
        #expect(text == """
            # checked
            # two
            # lines
            #. column header
            #: plan/template.xml:7 plan/template.xml:9
            #, fuzzy, no-wrap
            #| msgctxt "plan.begin"
            #| msgid "Begin"
            msgctxt "plan.start"
            msgid "Start"
            msgstr "Început"

            """)
        entry.isFuzzy = false
        #expect(entry.flags == ["no-wrap"])
    }

    @Test func obsoleteEntriesArePrefixedOnEveryLine() {
        let entry = POEntry(context: "gone", id: "x\ny", translation: "z", previousID: "w", isObsolete: true)
        #expect(POFile(path: "t.po", entries: [entry]).serialized() == """
            #~| msgid "w"
            #~ msgctxt "gone"
            #~ msgid ""
            #~ "x\\n"
            #~ "y"
            #~ msgstr "z"

            """)
    }

    @Test func equalityIgnoresWhereAnEntryWasRead() throws {
        let first = try POFile.parse("msgid \"x\"\nmsgstr \"y\"\n", path: "t.po")
        let second = try POFile.parse("\n\n\nmsgid \"x\"\n\nmsgstr \"y\"\n", path: "t.po")
        #expect(first.entries[0].line != second.entries[0].line)
        #expect(first == second)
        #expect(Set(first.entries + second.entries).count == 1)
    }
}
