import Localization
import Testing

@Suite("Reading PO files")
struct POFileParsingTests {
    let file: POFile

    init() throws {
        file = try POFile.parse(POFixtures.poedit, path: "locales/ro/common.po")
    }

    private func entry(_ id: String) throws -> POEntry {
        try #require(file.entries.first { $0.context == id })
    }

    /// The 1-based line of the first line of `fixture` equal to `text`.
    private func line(of text: String, in fixture: String = POFixtures.poedit) -> Int {
        let lines = fixture.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0 == text } ?? -1) + 1
    }

    @Test func headerFieldsAreReadInOrder() throws {
        let header = try #require(file.header)
        #expect(header.language == "ro")
        #expect(header.charset == "UTF-8")
        #expect(header.contentType == "text/plain; charset=UTF-8")
        #expect(header.pluralForms == "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);")
        #expect(header["report-msgid-bugs-to"] == "")
        #expect(header.fields.first?.name == "Project-Id-Version")
        #expect(header.fields.count == 12)
        let headerEntry = try #require(file.entries.first)
        #expect(headerEntry.isHeader)
        #expect(headerEntry.translatorComments == [
            "Romanian translation of Formwright common messages.", "Copyright (C) 2026 Formwright contributors", "",
        ])
    }

    @Test func commentsOfEveryKind() throws {
        let title = try entry("consent.title")
        #expect(title.translatorComments == ["Reviewed with the legal team, 2026-01."])
        #expect(title.extractedComments == ["Title of the consent form."])
        #expect(title.references == [
            "templates/consent-data-sharing/template.xml:4", "templates/consent-data-sharing/template.xml:40",
            "templates/plan/template.xml:2",
        ])
        #expect(title.flags.isEmpty)
        #expect(title.id == "Consent to share information between agencies")
        #expect(title.translation == "Consimțământ pentru schimbul de informații între instituții")
    }

    @Test func fuzzyEntryKeepsPreviousStrings() throws {
        let intro = try entry("consent.intro")
        #expect(intro.isFuzzy)
        #expect(intro.flags == ["fuzzy"])
        #expect(intro.previousContext == "consent.intro")
        #expect(intro.previousID == "I, {guardian}, parent of the child {child}, agree.")
    }

    @Test func multiLineStringsAreJoined() throws {
        let intro = try entry("consent.intro")
        #expect(intro.id == "I, {guardian}, parent or legal guardian of the child with case code {child}, agree.\nSecond paragraph.")
        #expect(intro.translation.hasSuffix("sunt de acord.\nAl doilea paragraf."))
    }

    @Test func escapesAreResolved() throws {
        let escapes = try entry("escapes")
        #expect(escapes.id == "Tab\there, \"quoted\", back\\slash, octal é, hex A")
        #expect(escapes.translation == "Tab\taici, \"citat\", invers\\bară, octal é, hex A")
    }

    @Test(arguments: [
        (#"\n"#, "\n"), (#"\t"#, "\t"), (#"\""#, "\""), (#"\\"#, "\\"), (#"\r"#, "\r"),
        (#"\a"#, "\u{07}"), (#"\b"#, "\u{08}"), (#"\f"#, "\u{0C}"), (#"\v"#, "\u{0B}"),
        (#"\'"#, "'"), (#"\?"#, "?"), (#"\101"#, "A"), (#"\7"#, "\u{07}"), (#"\x41"#, "A"), (#"\x7e"#, "~"),
        (#"\303\251"#, "é"), (#"\xc8\x99"#, "ș"), (#"\1012"#, "A2"),
    ])
    func escapeSequence(written: String, meaning: String) throws {
        let file = try POFile.parse("msgid \"<\(written)>\"\nmsgstr \"\"\n", path: "t.po")
        #expect(file.entries.first?.id == "<\(meaning)>")
    }

    @Test func gettextPluralEntriesAreRead() throws {
        let legacy = try #require(file.entries.first { $0.id == "legacy %d file" })
        #expect(legacy.context == nil)
        #expect(legacy.idPlural == "legacy %d files")
        #expect(legacy.pluralTranslations == ["%d fișier vechi", "%d fișiere vechi", "%d de fișiere vechi"])
        #expect(legacy.translationLine == line(of: #"msgstr[0] "%d fișier vechi""#))
    }

    @Test func obsoleteEntriesAreKeptApart() throws {
        let obsolete = file.entries.filter(\.isObsolete)
        #expect(obsolete.map(\.context) == ["consent.old-title", "plan.gone"])
        #expect(obsolete[0].translation == "Formular de consimțământ")
        #expect(obsolete[1].isFuzzy)
        #expect(obsolete[1].previousID == "Old text")
        #expect(obsolete[1].id == "Line one\nLine two")
        #expect(obsolete[1].translation == "Rândul unu\nRândul doi")
        #expect(!file.messages.contains { $0.isObsolete || $0.isHeader })
        #expect(file.messages.count == 7)
    }

    @Test func entriesKnowTheirLines() throws {
        let title = try entry("consent.title")
        #expect(title.line == line(of: #"msgctxt "consent.title""#))
        #expect(title.translationLine == title.line + 2)
        let intro = try entry("consent.intro")
        #expect(intro.line == line(of: #"msgctxt "consent.intro""#))
        #expect(intro.translationLine == intro.line + 5)  // msgid "" and its three strings come between
        #expect(file.entries[0].line == 4)
        #expect(file.entries[0].translationLine == 5)
    }

    @Test func entriesWithoutBlankLinesAndWithCRLFLineEnds() throws {
        let text = "msgctxt \"a\"\r\nmsgid \"A\"\r\nmsgstr \"Á\"\r\n# note\r\nmsgctxt \"b\"\r\nmsgid \"B\"\r\nmsgstr \"\"\r\n\"B\\n\"\r\n\"B\"\r\n"
        let file = try POFile.parse(text, path: "t.po")
        #expect(file.entries.map(\.context) == ["a", "b"])
        #expect(file.entries[1].translatorComments == ["note"])
        #expect(file.entries[1].translation == "B\nB")
        #expect(file.entries[1].line == 5)
    }

    @Test func trailingCommentsAndOddCommentSpacingAreKept() throws {
        let text = "#no space\n#  two spaces\n#.\nmsgid \"x\"\nmsgstr \"y\"\n\n# left over\n#. at the end\n"
        let file = try POFile.parse(text, path: "t.po")
        #expect(file.entries[0].translatorComments == ["no space", " two spaces"])
        #expect(file.entries[0].extractedComments == [""])
        #expect(file.trailingComments == ["# left over", "#. at the end"])
    }

    @Test func multiLinePreviousStringsAndFuzzyHeader() throws {
        let text = """
            #, fuzzy
            msgid ""
            msgstr "Language: it\\n"

            #, fuzzy, c-format
            #| msgctxt "plan.old"
            #| msgid ""
            #| "Old\\n"
            #| "text"
            msgctxt "plan.new"
            msgid "New"
            msgstr "Nuovo"

            """
        let (file, errors) = POFile.parseRecovering(text, path: "t.po")
        #expect(errors.isEmpty)
        #expect(file.entries.count == 2)
        #expect(file.entries[0].isHeader && file.entries[0].isFuzzy)
        #expect(file.header?.language == "it")
        let entry = file.entries[1]
        #expect(entry.flags == ["fuzzy", "c-format"])
        #expect(entry.previousContext == "plan.old")
        #expect(entry.previousID == "Old\ntext")
        #expect(entry.line == 10)
    }

    @Test func severalStringsOnOneLineAreJoined() throws {
        let file = try POFile.parse("msgid \"a\" \"b\"\nmsgstr \"c\"\t\"d\"  \n", path: "t.po")
        #expect(file.entries[0].id == "ab")
        #expect(file.entries[0].translation == "cd")
    }

    @Test func referencesWithIsolatedFileNamesStayWhole() throws {
        let file = try POFile.parse("#: \u{2068}my file.xml\u{2069}:3 other.xml:9\nmsgid \"x\"\nmsgstr \"\"\n", path: "t.po")
        #expect(file.entries[0].references == ["\u{2068}my file.xml\u{2069}:3", "other.xml:9"])
    }

    @Test func headerCanBeEditedAndAdded() throws {
        var edited = file
        var header = try #require(edited.header)
        header["Language"] = "ro_MD"
        header["X-Generator"] = nil
        header["X-Source"] = "formwright"
        edited.header = header
        #expect(edited.header?.language == "ro_MD")
        #expect(edited.header?.fields.last == POHeader.Field(name: "X-Source", value: "formwright"))
        #expect(edited.header?["x-generator"] == nil)

        var bare = POFile(path: "new.po", entries: [POEntry(context: "a", id: "A")])
        #expect(bare.header == nil)
        bare.header = POHeader(fields: [.init(name: "Language", value: "bg")])
        #expect(bare.entries.first?.isHeader == true)
        #expect(bare.entries.first?.translation == "Language: bg\n")
        bare.header = nil
        #expect(bare.entries.count == 1)
    }
}

