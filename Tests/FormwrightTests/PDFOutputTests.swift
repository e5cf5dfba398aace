import Foundation
import Formwright
import Localization
import Synchronization
import TestSupport
import Testing

/// PDF through LibreOffice: every bundled template in every locale holds its localized title
/// and headings, with fonts embedded; PDF/A levels are declared in the XMP metadata; PNG
/// previews; the ODT is kept only when asked for.
/// LibreOffice and poppler-utils come from `../shared/tools/install-validators --office`, as for
/// the other LibreOffice tests.
@Suite struct PDFOutputTests {
    /// A program on PATH.
    static func tool(_ name: String) -> URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let workspace = TemplateLibraryTests.workspace

    /// What one converted document showed.
    struct Converted: Sendable {
        var text = ""
        var fonts: [String] = []
        var allEmbedded = false
        var error: String?
    }

    /// Every template × locale, converted in one print queue (a few LibreOffice starts for
    /// all 50 documents), then read with pdftotext and pdffonts.
    static let library: [String: Converted] = {
        var results: [String: Converted] = [:]
        do {
            let dir = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            var settings = PrintSettings()
            settings.converterJobs = 2
            let queue = try PrintQueue(settings: settings)
            let catalogs = try workspace.catalogs()
            var tag = 0
            var keys: [Int: String] = [:]
            for package in try workspace.templates() {
                guard let example = package.exampleData else { continue }
                let data = try package.loadData(example)
                for locale in LocaleID.supported {
                    let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale)
                    let source = settings.sourceFormat(for: package)
                    let key = "\(package.definition.id)/\(locale.identifier)"
                    try queue.stage(try renderer.render(data: data, format: source).bytes, format: source,
                                    targets: [.pdf: dir.appendingPathComponent("\(tag).pdf")], tag: tag)
                    keys[tag] = key
                    results[key] = Converted(error: "not converted")
                    tag += 1
                }
            }
            let failures = Mutex<[Int: String]>([:])
            queue.run { event in
                if case .failed(let tag, _, let error) = event { failures.withLock { $0[tag] = error.description } }
            }
            guard let pdftotext = tool("pdftotext"), let pdffonts = tool("pdffonts") else { return results }
            for (tag, key) in keys {
                if let failure = failures.withLock({ $0[tag] }) {
                    results[key] = Converted(error: failure)
                    continue
                }
                let pdf = dir.appendingPathComponent("\(tag).pdf")
                let text = try TestSupport.run(pdftotext, [pdf.path, "-"]).stdout
                let fonts = try TestSupport.run(pdffonts, [pdf.path]).stdout
                    .split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
                results[key] = Converted(
                    text: TemplateLibraryTests.folded(text), fonts: fonts.compactMap { $0.first.map(String.init) },
                    allEmbedded: !fonts.isEmpty && fonts.allSatisfy { $0.count >= 7 && $0[$0.count - 5] == "yes" })
            }
        } catch {
            for key in results.keys where results[key]?.error != nil { results[key]?.error = "\(error)" }
        }
        return results
    }()

    @Test("the PDF of every template holds its localized title and headings, fonts embedded", arguments: LocaleID.supported)
    func localizedTitleAndHeadings(locale: LocaleID) throws {
        let catalogs = try Self.workspace.catalogs()
        for package in try Self.workspace.templates() {
            let id = package.definition.id
            let converted = try #require(Self.library["\(id)/\(locale.identifier)"], "\(id) was not converted")
            #expect(converted.error == nil, "\(id) \(locale): \(converted.error ?? "")")
            guard converted.error == nil else { continue }
            #expect(converted.allEmbedded, "\(id) \(locale): fonts not all embedded: \(converted.fonts)")
            // Arial, the default font, prints as its metric twin Liberation Sans on Linux; office
            // templates keep the font their author chose (DejaVu Sans in the bundled ones).
            let font = package.office == nil ? "LiberationSans" : "DejaVuSans"
            #expect(converted.fonts.contains { $0.contains(font) }, "\(id) \(locale): \(converted.fonts)")
            let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale)
            let data = try package.loadData(try #require(package.exampleData))
            if let document = try renderer.rendition(for: data).document {
                let headings = TemplateLibraryTests.headings(document.body)
                #expect(!headings.isEmpty)
                for heading in headings {
                    #expect(converted.text.contains(TemplateLibraryTests.folded(heading)), "\(id) \(locale): '\(heading)' not in the PDF text")
                }
            } else {
                // An office template: its messages as the locale has them (first words of each;
                // one in a condition the example does not take is absent, so allow a few).
                var missing: [String] = []
                for message in package.definition.messages where !message.source.contains("{") {
                    let expected = locale == .en ? message.source
                        : (catalogs.lookup(id: message.id, domains: [id, "common"], locale: locale)?.text ?? message.source)
                    let words = TemplateLibraryTests.folded(expected).split(separator: " ").prefix(3).joined(separator: " ")
                    if !converted.text.contains(words) { missing.append("\(message.id): \(words)") }
                }
                #expect(missing.count <= package.definition.messages.count / 4, "\(id) \(locale): \(missing)")
            }
        }
    }

    @Test("PDF/A declares its level in the XMP metadata (3b from the DOCX); the ODT is kept only when asked for", arguments: ["1b", "2b", "3b"])
    func pdfaLevel(level: String) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let keepODT = level == "2b"
        let r = try TestSupport.formwright([
            "render", "templates/consent-data-sharing", "--data", "templates/consent-data-sharing/example.json", "--locale", "ro",
            "--format", keepODT ? "odt,pdfa" : "pdfa", "--pdfa-level", level, "--out-dir", dir.path, "--jobs", "1",
        ] + (level == "3b" ? ["--pdf-from", "docx"] : []))
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == (keepODT ? ["consent-data-sharing-ro.odt", "consent-data-sharing-ro.pdf"] : ["consent-data-sharing-ro.pdf"]))
        let pdf = dir.appendingPathComponent("consent-data-sharing-ro.pdf").path
        let meta = try TestSupport.run(try #require(Self.tool("pdfinfo")), ["-meta", pdf]).stdout
        #expect(meta.contains("<pdfaid:part>\(level.prefix(1))</pdfaid:part>"), "\(meta)")
        let info = try TestSupport.run(try #require(Self.tool("pdfinfo")), [pdf]).stdout
        let title = info.split(separator: "\n").first { $0.hasPrefix("Title:") }?.dropFirst(6).trimmingCharacters(in: .whitespaces)
        #expect(title?.isEmpty == false, "no title: \(info)")
        #expect(try String(contentsOfFile: pdf, encoding: .isoLatin1).contains("/Lang(ro-RO)"))
    }

    @Test func pngPreviewsOfTheFirstPageOrEveryPage() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try TestSupport.formwright([
            "render", "templates/office-session-minutes", "--data", "templates/office-session-minutes/example.json", "--locale", "it",
            "--format", "png", "--dpi", "40", "-o", dir.appendingPathComponent("minutes.png").path,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let all = try TestSupport.formwright([
            "render", "templates/session-minutes", "--data", "templates/session-minutes/example.json", "--locale", "bg",
            "--format", "pdf", "--format", "png", "--pages", "all", "--dpi", "30", "--out-dir", dir.path, "--name", "m",
        ])
        #expect(all.status == 0, "\(all.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names.contains("minutes.png") && names.contains("m.pdf") && names.contains("m-1.png"), "\(names)")
        #expect(!names.contains("m.png") && !names.contains { $0.hasSuffix(".odt") }, "\(names)")
        let pages = try TestSupport.run(try #require(Self.tool("pdfinfo")), [dir.appendingPathComponent("m.pdf").path]).stdout
            .split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        #expect(names.filter { $0.hasPrefix("m-") && $0.hasSuffix(".png") }.count == pages)
        for name in names where name.hasSuffix(".png") {
            let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4e, 0x47]), "\(name) is not a PNG")
        }
    }

    @Test func missingLibreOfficeIsAClearErrorAndWritesNothing() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TestSupport.run(TestSupport.formwrightExecutable, [
            "render", "templates/consent-data-sharing", "--data", "templates/consent-data-sharing/example.json", "--locale", "en",
            "--format", "pdf", "--out-dir", dir.path,
        ], currentDirectory: TestSupport.repositoryRoot, environment: ["PATH": dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("LibreOffice is not installed") && r.stderr.contains("libreoffice-writer"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
