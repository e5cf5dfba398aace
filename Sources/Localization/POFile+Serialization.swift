extension POFile {
    /// The file as PO text: UTF-8, `\n` line ends, one blank line between entries, strings
    /// split after embedded newlines and otherwise not wrapped — the layout of
    /// `msgcat --no-wrap`, so files stay diff-friendly whichever tool last wrote them.
    ///
    /// ```swift
    /// let text = file.serialized()
    /// try POFile.parse(text, path: file.path) == file   // true
    /// ```
    public func serialized() -> String {
        var blocks = entries.map { $0.serialized() }
        if !trailingComments.isEmpty { blocks.append(trailingComments.map { $0 + "\n" }.joined()) }
        return blocks.joined(separator: "\n")
    }
}

extension POEntry {
    /// The entry as PO lines, each ending in `\n`, in the order gettext writes them.
    func serialized() -> String {
        var lines: [String] = []
        // A comment built in code may hold newlines; each line needs its own marker.
        for comment in translatorComments.flatMap(\.poCommentLines) { lines.append(comment.isEmpty ? "#" : "# " + comment) }
        for comment in extractedComments.flatMap(\.poCommentLines) { lines.append(comment.isEmpty ? "#." : "#. " + comment) }
        lines += referenceLines()
        if !flags.isEmpty { lines.append("#, " + flags.joined(separator: ", ")) }

        let previousPrefix = isObsolete ? "#~| " : "#| "
        if let previousContext { append("msgctxt", previousContext, prefix: previousPrefix, to: &lines) }
        if let previousID { append("msgid", previousID, prefix: previousPrefix, to: &lines) }
        if let previousIDPlural { append("msgid_plural", previousIDPlural, prefix: previousPrefix, to: &lines) }

        let prefix = isObsolete ? "#~ " : ""
        if let context { append("msgctxt", context, prefix: prefix, to: &lines) }
        append("msgid", id, prefix: prefix, to: &lines)
        if let idPlural {
            append("msgid_plural", idPlural, prefix: prefix, to: &lines)
            // A plural entry always has msgstr[0], even when built in code without forms.
            let forms = pluralTranslations.isEmpty ? [""] : pluralTranslations
            for (index, form) in forms.enumerated() { append("msgstr[\(index)]", form, prefix: prefix, to: &lines) }
        } else {
            append("msgstr", translation, prefix: prefix, to: &lines)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `#:` lines filled up to 79 bytes as gettext fills them — even with `--no-wrap`, which
    /// only stops wrapping strings — so a file round-trips through msgcat unchanged.
    private func referenceLines() -> [String] {
        var lines: [String] = []
        var line = "#:", column = 2
        for reference in references {
            let width = reference.utf8.count + 1
            if column > 2, column + width > 79 {
                lines.append(line)
                line = "#:"
                column = 2
            }
            line += " " + reference
            column += width
        }
        if column > 2 { lines.append(line) }
        return lines
    }

    private func append(_ keyword: String, _ value: String, prefix: String, to lines: inout [String]) {
        let strings = POString.lines(value)
        lines.append(prefix + keyword + " " + strings[0])
        for string in strings.dropFirst() { lines.append(prefix + string) }
    }
}

extension String {
    fileprivate var poCommentLines: [String] {
        split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    }
}
