import DocumentModel
import Foundation
import Formwright
import Localization
import TestSupport
import Testing

/// Every bundled template: its example renders in every locale and format, and its broken
/// example gives the located errors listed in `tests/broken.expected.txt`.
@Suite struct TemplateLibraryTests {
    static let templateIDs: [String] = {
        let root = TestSupport.repositoryRoot.appendingPathComponent("templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/template.xml").path) }.sorted()
    }()

    static let workspace = Workspace(
        templatesDirectory: TestSupport.repositoryRoot.appendingPathComponent("templates"),
        localesDirectory: TestSupport.repositoryRoot.appendingPathComponent("locales"))

    @Test(arguments: templateIDs)
    func exampleRendersInEveryLocaleWithoutMissingTranslations(id: String) throws {
        let package = try TemplatePackage(directory: Self.workspace.templatesDirectory.appendingPathComponent(id))
        let catalogs = try Self.workspace.catalogs()
        for locale in LocaleID.supported {
            let example = try #require(package.exampleData(for: locale), "\(id) has no example data for \(locale)")
            let data = try package.loadData(example)
            let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale)
            #expect(renderer.compiled.missingTranslations.isEmpty, "\(id) \(locale): missing \(renderer.compiled.missingTranslations)")
            #expect(renderer.compiled.staleTranslations.isEmpty, "\(id) \(locale): stale \(renderer.compiled.staleTranslations)")
            for format in OutputFormat.allCases {
                let result = try renderer.render(data: data, format: format)
                #expect(result.bytes.count > 1000)
                #expect(result.document?.metadata.language.description == locale.documentLanguage)
            }
        }
    }

    /// What a reader sees: every locale and format opens in LibreOffice, and the PDF text holds
    /// the document's localized title and headings.
    @Test(arguments: templateIDs)
    func headingsAppearInLibreOfficeInEveryLocale(id: String) throws {
        let package = try TemplatePackage(directory: Self.workspace.templatesDirectory.appendingPathComponent(id))
        let catalogs = try Self.workspace.catalogs()
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for locale in LocaleID.supported {
            let data = try package.loadData(try #require(package.exampleData(for: locale)))
            let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale)
            for format in OutputFormat.allCases {
                let result = try renderer.render(data: data, format: format)
                let headings = Self.headings(try #require(result.document).body)
                #expect(!headings.isEmpty, "\(id): no title or heading")
                let file = dir.appendingPathComponent("\(id)-\(locale).\(format.rawValue)")
                try Data(result.bytes).write(to: file)
                let roundtrip = try TestSupport.runSharedTool("office-roundtrip", [file.path, "--outdir", dir.path])
                #expect(roundtrip.status == 0, "\(roundtrip.output)")
                let textLine = try #require(roundtrip.stdout.split(separator: "\n").first { $0.hasPrefix("TEXT:") })
                let text = Self.folded(try String(contentsOfFile: String(textLine.dropFirst(5)).trimmingCharacters(in: .whitespaces), encoding: .utf8))
                for heading in headings {
                    #expect(text.contains(Self.folded(heading)), "\(id) \(locale) \(format): '\(heading)' not in the PDF text")
                }
            }
        }
    }

    /// The title paragraphs and headings of a body, as plain text.
    static func headings(_ blocks: [Block]) -> [String] {
        blocks.compactMap { block -> String? in
            switch block {
            case .heading(let h): h.content.plainText
            case .paragraph(let p) where p.style == .title: p.content.plainText
            default: nil
            }
        }.filter { !$0.isEmpty }
    }

    /// Whitespace folded to single spaces (PDF text breaks lines and pads columns).
    /// Whitespace collapsed, and the print rules' non-breaking hyphen read as the hyphen
    /// LibreOffice's PDF text gives for it.
    static func folded(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{2011}", with: "-").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: templateIDs)
    func brokenExampleGivesLocatedErrors(id: String) throws {
        let dir = TestSupport.repositoryRoot.appendingPathComponent("templates/\(id)/tests")
        let expectedURL = dir.appendingPathComponent("broken.expected.txt")
        guard FileManager.default.fileExists(atPath: expectedURL.path) else {
            Issue.record("\(id): no tests/broken.json and broken.expected.txt")
            return
        }
        let out = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let output = out.appendingPathComponent("x.odt")
        let result = try TestSupport.formwright([
            "render", "templates/\(id)", "--data", "templates/\(id)/tests/broken.json", "--locale", "en", "-o", output.path,
        ])
        #expect(result.status != 0)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let expected = try String(contentsOf: expectedURL, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        for line in expected {
            #expect(result.stderr.contains(line), "\(id): stderr lacks '\(line)':\n\(result.stderr)")
        }
    }
}
