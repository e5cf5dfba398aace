import ArgumentParser
import CatalogTools
import Foundation

struct CatalogCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every translation: MessageFormat, arguments, tags, plurals, typography.",
        discussion: unwrapped("""
            For each translated entry of locales/<locale>/*.po:
              error    the translation is not valid ICU MessageFormat
              error    its arguments differ from the English source ({count} kept as {count})
              error    its rich-text tags differ from the source's (<b>…</b>, <a1>…</a1>:
                       moved with their words is fine; dropped, added, renamed or
                       nested differently is not)
              error    a plural lacks a form the language needs (ro: one few other;
                       it: one many other; bg, en: one other), or `other`
              error    an apostrophe before { or } starts an ICU quoted literal (l'{name})
              error    Romanian with cedilla ş ţ instead of comma-below ș ț
              warning  straight quotes "…" where the language writes „…“, „…”, «…»
            Problems in fuzzy entries are warnings. Output: file:line: severity: message;
            the exit status is 1 when there is an error.

            Examples:
              formwright catalog check
              formwright catalog check --root ~/formwright 2>/dev/null | grep ': error:'
            """))

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let project = try options.project()
        try report(CatalogChecker.check(project: project), checked: "catalogs")
    }
}
