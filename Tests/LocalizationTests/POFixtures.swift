import Localization

/// Small PO files shaped like what translators' tools write, kept as strings so each test
/// shows the text it reads.
enum POFixtures {
    /// A Romanian catalog as Poedit writes it: long strings wrapped at 79 columns, every kind
    /// of comment, a fuzzy entry with previous strings, escapes, a gettext plural entry and
    /// obsolete entries.
    static let poedit = #"""
        # Romanian translation of Formwright common messages.
        # Copyright (C) 2026 Formwright contributors
        #
        msgid ""
        msgstr ""
        "Project-Id-Version: formwright-common 1.0\n"
        "Report-Msgid-Bugs-To: \n"
        "POT-Creation-Date: 2026-01-10 09:00+0200\n"
        "PO-Revision-Date: 2026-01-12 14:31+0200\n"
        "Last-Translator: Ana Popescu <ana@example.org>\n"
        "Language-Team: Romanian\n"
        "Language: ro\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < "
        "20)) ? 1 : 2);\n"
        "X-Generator: Poedit 3.4.2\n"

        #. Footer of every page.
        #: templates/consent-data-sharing/template.xml:3
        msgctxt "common.page-of"
        msgid "Page {page} of {pages}"
        msgstr "Pagina {page} din {pages}"

        # Reviewed with the legal team, 2026-01.
        #. Title of the consent form.
        #: templates/consent-data-sharing/template.xml:4
        #: templates/consent-data-sharing/template.xml:40
        #: templates/plan/template.xml:2
        msgctxt "consent.title"
        msgid "Consent to share information between agencies"
        msgstr "Consimțământ pentru schimbul de informații între instituții"

        #, fuzzy
        #| msgctxt "consent.intro"
        #| msgid "I, {guardian}, parent of the child {child}, agree."
        msgctxt "consent.intro"
        msgid ""
        "I, {guardian}, parent or legal guardian of the child with case code {child}, "
        "agree.\n"
        "Second paragraph."
        msgstr ""
        "Subsemnatul/Subsemnata {guardian}, părinte sau tutore legal al copilului cu "
        "codul de caz {child}, sunt de acord.\n"
        "Al doilea paragraf."

        #. {count} is the number of days.
        msgctxt "plan.days"
        msgid "{count, plural, one {# day} other {# days}}"
        msgstr "{count, plural, one {# zi} few {# zile} other {# de zile}}"

        msgctxt "plan.empty"
        msgid "No activities planned."
        msgstr ""

        msgctxt "escapes"
        msgid "Tab\there, \"quoted\", back\\slash, octal \303\251, hex \x41"
        msgstr "Tab\taici, \"citat\", invers\\bară, octal \303\251, hex \x41"

        msgid "legacy %d file"
        msgid_plural "legacy %d files"
        msgstr[0] "%d fișier vechi"
        msgstr[1] "%d fișiere vechi"
        msgstr[2] "%d de fișiere vechi"

        #~ msgctxt "consent.old-title"
        #~ msgid "Consent form"
        #~ msgstr "Formular de consimțământ"

        #, fuzzy
        #~| msgid "Old text"
        #~ msgctxt "plan.gone"
        #~ msgid ""
        #~ "Line one\n"
        #~ "Line two"
        #~ msgstr "Rândul unu\nRândul doi"

        """#

    /// ``poedit`` as `serialized()` writes it — and as `msgcat --no-wrap` writes it.
    static let canonical = #"""
        # Romanian translation of Formwright common messages.
        # Copyright (C) 2026 Formwright contributors
        #
        msgid ""
        msgstr ""
        "Project-Id-Version: formwright-common 1.0\n"
        "Report-Msgid-Bugs-To: \n"
        "POT-Creation-Date: 2026-01-10 09:00+0200\n"
        "PO-Revision-Date: 2026-01-12 14:31+0200\n"
        "Last-Translator: Ana Popescu <ana@example.org>\n"
        "Language-Team: Romanian\n"
        "Language: ro\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);\n"
        "X-Generator: Poedit 3.4.2\n"

        #. Footer of every page.
        #: templates/consent-data-sharing/template.xml:3
        msgctxt "common.page-of"
        msgid "Page {page} of {pages}"
        msgstr "Pagina {page} din {pages}"

        # Reviewed with the legal team, 2026-01.
        #. Title of the consent form.
        #: templates/consent-data-sharing/template.xml:4
        #: templates/consent-data-sharing/template.xml:40 templates/plan/template.xml:2
        msgctxt "consent.title"
        msgid "Consent to share information between agencies"
        msgstr "Consimțământ pentru schimbul de informații între instituții"

        #, fuzzy
        #| msgctxt "consent.intro"
        #| msgid "I, {guardian}, parent of the child {child}, agree."
        msgctxt "consent.intro"
        msgid ""
        "I, {guardian}, parent or legal guardian of the child with case code {child}, agree.\n"
        "Second paragraph."
        msgstr ""
        "Subsemnatul/Subsemnata {guardian}, părinte sau tutore legal al copilului cu codul de caz {child}, sunt de acord.\n"
        "Al doilea paragraf."

        #. {count} is the number of days.
        msgctxt "plan.days"
        msgid "{count, plural, one {# day} other {# days}}"
        msgstr "{count, plural, one {# zi} few {# zile} other {# de zile}}"

        msgctxt "plan.empty"
        msgid "No activities planned."
        msgstr ""

        msgctxt "escapes"
        msgid "Tab\there, \"quoted\", back\\slash, octal é, hex A"
        msgstr "Tab\taici, \"citat\", invers\\bară, octal é, hex A"

        msgid "legacy %d file"
        msgid_plural "legacy %d files"
        msgstr[0] "%d fișier vechi"
        msgstr[1] "%d fișiere vechi"
        msgstr[2] "%d de fișiere vechi"

        #~ msgctxt "consent.old-title"
        #~ msgid "Consent form"
        #~ msgstr "Formular de consimțământ"

        #, fuzzy
        #~| msgid "Old text"
        #~ msgctxt "plan.gone"
        #~ msgid ""
        #~ "Line one\n"
        #~ "Line two"
        #~ msgstr ""
        #~ "Rândul unu\n"
        #~ "Rândul doi"

        """#

    /// A minimal catalog for one locale: header plus the given entries (`id`, `source`,
    /// `translation`, fuzzy?), as `catalog extract` and translators would leave it.
    static func catalog(language: String, _ entries: [(id: String, source: String, translation: String, fuzzy: Bool)]) -> String {
        var file = POFile(path: "")
        var header = POHeader()
        header["Language"] = language
        header["MIME-Version"] = "1.0"
        header["Content-Type"] = "text/plain; charset=UTF-8"
        header["Content-Transfer-Encoding"] = "8bit"
        file.header = header
        for entry in entries {
            file.entries.append(POEntry(
                context: entry.id, id: entry.source, translation: entry.translation, flags: entry.fuzzy ? ["fuzzy"] : []))
        }
        return file.serialized()
    }
}
