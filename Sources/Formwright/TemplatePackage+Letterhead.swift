import Foundation
import LetterheadReader
import Template

extension TemplatePackage {
    /// Reads the letterhead a render uses: `override` (the `--letterhead` flag) if given, else
    /// the file `<document letterhead="…">` names in the template folder. Read once per
    /// template load, so a batch reads it once.
    static func loadLetterhead(
        override: URL?, definition: TemplateDefinition, isOffice: Bool, directory: URL, templateFile: String
    ) throws(FormwrightError) -> LetterheadDocument? {
        if let override {
            guard !isOffice else {
                throw FormwrightError(.usage, """
                    \(templateFile) is a document made in Word or Writer, so it already is its own letterhead: --letterhead is for \
                    template.xml templates
                      hint: put the letterhead's header, footer and page setup into the template document itself, or leave out --letterhead
                    """)
            }
            return try read(override, file: displayPath(override))
        }
        guard let reference = definition.letterhead else { return nil }
        func located(_ message: String, _ suggestion: String?) -> FormwrightError {
            let error = TemplateError(code: "template.letterhead", file: templateFile, line: reference.location.line, column: reference.location.column,
                                      message: message, suggestion: suggestion, sourceLine: reference.sourceLine)
            return FormwrightError(.template, error.description)
        }
        let path = reference.path
        let lower = path.lowercased()
        if lower.contains("://") || lower.hasPrefix("file:") || lower.hasPrefix("http:") || lower.hasPrefix("https:") {
            throw located("the letterhead is read from the template folder, not from '\(path.prefix(60))'",
                          "copy the letterhead into the template folder and name it, e.g. letterhead=\"letterhead.docx\"")
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0"), components.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else {
            throw located("letterhead '\(path.prefix(60))' is not a file name inside the template folder",
                          "give a path relative to the template folder without '..', e.g. letterhead=\"letterhead.odt\"; for another file use --letterhead")
        }
        guard lower.hasSuffix(".docx") || lower.hasSuffix(".odt") else {
            throw located("a letterhead is a .docx or .odt file, not '\(path.prefix(60))'",
                          "save the letterhead from Word as .docx or from Writer as .odt")
        }
        var url = directory
        for component in components {
            url = url.appendingPathComponent(String(component))
            var info = stat()
            guard lstat(url.path, &info) == 0 else {
                throw located("no letterhead '\(path.prefix(60))' in the template folder", "put the file next to template.xml")
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw located("letterhead '\(path.prefix(60))' is a symbolic link; letterheads are read only from files inside the template folder",
                              "copy the file itself into the template folder")
            }
        }
        do {
            return try LetterheadReader().read(contentsOf: url, file: displayPath(url))
        } catch {
            throw located("cannot use the letterhead:\n  \(error.description.replacingOccurrences(of: "\n", with: "\n  "))", nil)
        }
    }

    private static func read(_ url: URL, file: String) throws(FormwrightError) -> LetterheadDocument {
        do {
            return try LetterheadReader().read(contentsOf: url, file: file)
        } catch {
            throw FormwrightError(.template, error.description)
        }
    }
}
