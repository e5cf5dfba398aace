import Foundation
import Formwright
import Localization
import TestSupport
import Testing

/// Issue 12, item 4: with its locale's example data (which say who each person and party
/// is), no bundled document prints a slash or parenthesis gender form such as `rappresentato/a`,
/// `il/la minore`, `denumit(ă)`, `наричан/а` or `съгласен/съгласна`.
@Suite struct GenderFormTests {
    static let workspace = Workspace(
        templatesDirectory: TestSupport.repositoryRoot.appendingPathComponent("templates"),
        localesDirectory: TestSupport.repositoryRoot.appendingPathComponent("locales"))

    static let templateIDs: [String] = {
        let root = TestSupport.repositoryRoot.appendingPathComponent("templates")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test(arguments: templateIDs)
    func noSlashGenderFormWithTheLocaleData(id: String) throws {
        let package = try TemplatePackage(directory: Self.workspace.templatesDirectory.appendingPathComponent(id))
        let catalogs = try Self.workspace.catalogs()
        for locale in LocaleID.supported {
            let example = try #require(package.exampleData(for: locale), "\(id): no example data for \(locale)")
            let data = try package.loadData(example)
            let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale)
            for format in package.formats {
                let text = try RenderedText.of(try renderer.render(data: data, format: format).bytes)
                let found = GenderForms.find(in: text, language: locale.language)
                #expect(found.isEmpty, "\(id) \(locale.identifier) \(format.rawValue) (data \(example.lastPathComponent)): \(found.joined(separator: " | "))")
            }
        }
    }

    /// What the patterns catch, and what they leave alone.
    @Test(arguments: [
        ("it", "il/la minore", true), ("it", "rappresentato/a da", true), ("it", "Il/La minore è stato/a informato/a", true),
        ("it", "del/della minore", true), ("it", "un/una minore", true), ("it", "soddisfatto/a del", true),
        ("it", "rappresentato/rappresentata", true), ("it", "e/o", false), ("it", "il 20/01/2026", false),
        ("it", "art. 6(1)(a) e lit. a)", false), ("it", "https://example.org/a/la", false),
        ("ro", "reprezentat(ă) prin", true), ("ro", "denumit(ă)", true), ("ro", "denumit/ă", true), ("ro", "și/sau", false),
        ("ro", "lit. a) și b)", false), ("ro", "nr. 15/2026", false),
        ("bg", "наричан/а", true), ("bg", "Съгласен/съгласна съм", true), ("bg", "наричана/наричано", true), ("bg", "представляван(а)", true),
        ("bg", "и/или", false), ("bg", "ЕИК/БУЛСТАТ 000000000", false), ("bg", "т. 3/чл. 2", false),
        ("bg", "Кой е той/тя за мен", true), ("it", "lui/lei", true), ("ro", "el/ea", true),
        ("en", "he/she", true), ("en", "his/her", true), ("en", "parent(s)", false), ("en", "and/or", false),
    ])
    func patterns(language: String, text: String, isGenderForm: Bool) {
        #expect(GenderForms.find(in: text, language: language).isEmpty == !isGenderForm, "\(language): \(text)")
    }
}

/// The slash and parenthesis forms a document writes when it does not know a person's or a
/// party's gender.
enum GenderForms {
    /// The endings written after `/` or inside `( )` right after a word, per language.
    static let endings: [String: String] = [
        "it": "a|e|i|o|la|lo|le|gli|una|lla|ella|della|dello|alla|allo|sulla|nella|dalla|essa|trice",
        "ro": "a|ă|ea|oare|toare|e|i|le|lui|ei|ul|ită|ată|ă",
        "bg": "а|о|я|на|но|ни|ла|ло|ли|та|то|ия|ка|ата|ото|ят|ия",
        "en": "s?he|her|his|him|hers|herself|himself",
    ]
    /// Pairs that look like a gender form and are not.
    static let allowed: Set<String> = ["e/o", "и/или", "și/sau", "si/sau", "and/or", "o/e"]

    static func find(in text: String, language: String) -> [String] {
        // URLs and e-mail addresses hold slashes that are not gender forms.
        let cleaned = text.replacingOccurrences(of: #"(https?://|www\.)\S+|\S+@\S+"#, with: " ", options: .regularExpression)
        let ending = endings[language] ?? endings["en"]!
        var patterns = [
            // word/ending and word(ending): rappresentato/a, il/la, denumit(ă), наричан(а)
            #"(?<![\p{L}\p{N}/])\p{L}+/(?:\#(ending))(?![\p{L}\p{N}])"#,
            #"\p{L}+\((?:\#(ending))\)"#,
            // word/word with the same stem: rappresentato/rappresentata, съгласен/съгласна
            #"(?<![\p{L}/])(\p{L}{3})\p{L}*/\1\p{L}*"#,
        ]
        // Pronouns in both genders: той/тя, lui/lei, el/ea, s/he.
        let pronouns = ["bg": "той/тя|тя/той|него/нея|нея/него", "it": "lui/lei|lei/lui", "ro": "el/ea|ea/el", "en": "s/he"]
        if let pair = pronouns[language] { patterns.append(#"(?<![\p{L}/])(?:\#(pair))(?![\p{L}/])"#) }
        var found: [String] = []
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            let ns = cleaned as NSString
            for match in regex.matches(in: cleaned, range: NSRange(location: 0, length: ns.length)) {
                let hit = ns.substring(with: match.range)
                if allowed.contains(hit.lowercased()) { continue }
                let start = max(0, match.range.location - 30), end = min(ns.length, match.range.location + match.range.length + 30)
                found.append("‘\(hit)’ in “…\(ns.substring(with: NSRange(location: start, length: end - start)).replacingOccurrences(of: "\n", with: " "))…”")
            }
        }
        return found
    }
}
