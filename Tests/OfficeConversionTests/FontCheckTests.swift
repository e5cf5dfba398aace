import Foundation
@testable import OfficeConversion
import TestSupport
import Synchronization
import Testing

/// A font the document asks for that is not installed is reported after conversion.
@Suite struct FontCheckTests {
    /// A minimal ODT whose paragraph style asks for `font`.
    static func odt(font: String) throws -> [UInt8] {
        try MinimalODT.package(
            fontFaces: #"<style:font-face style:name="F1" svg:font-family="&apos;\#(font)&apos;"/>"#,
            automaticStyles: #"<style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name="F1" fo:font-size="14pt"/></style:style>"#,
            text: #"<text:p text:style-name="P1">Font check</text:p>"#)
    }

    /// Arial printed as Liberation Sans keeps its line breaks: not a substitution to report.
    @Test func metricCompatibleFontsAreNotSubstitutions() {
        #expect(FontCheck.metricCompatible[FontCheck.normalized("Arial")] == "liberationsans")
        #expect(FontCheck.normalized("LiberationSans-Bold").hasPrefix("liberationsans"))
        #expect(FontCheck.metricCompatible[FontCheck.normalized("Times New Roman")] == "liberationserif")
        #expect(FontCheck.metricCompatible[FontCheck.normalized("DejaVu Sans")] == nil)
    }

    @Test func readsTheFontsOfStyles() throws {
        #expect(FontCheck.requestedFonts(package: try Self.odt(font: "Formwright Missing Serif")) == ["Formwright Missing Serif"])
        #expect(FontCheck.normalized("DejaVu Sans") == FontCheck.normalized("DejaVuSans"))
    }

    @Test(.enabled(if: ExecutableLocator.find("soffice") != nil && ExecutableLocator.find("pdffonts") != nil))
    func reportsAReplacedFontAndNotAnInstalledOne() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.odt"), present = dir.appendingPathComponent("present.odt")
        let missingBytes = try Self.odt(font: "Formwright Missing Serif"), presentBytes = try Self.odt(font: "DejaVu Sans")
        try Data(missingBytes).write(to: missing)
        try Data(presentBytes).write(to: present)
        let converter = try OfficeConverter()
        let results = Results()
        let starts = converter.convert([missing, present], to: .pdf, workFolder: dir) { index, result in
            let bytes = index == 0 ? missingBytes : presentBytes
            switch result {
            case .success(let pdf):
                let fonts = (try? FontCheck.pdfFonts(pdf.url)) ?? []
                results.add(index, replaced: (try? FontCheck.substitutions(package: bytes, pdf: pdf.url)) ?? ["error"],
                            embedded: !fonts.isEmpty && fonts.allSatisfy(\.embedded))
            case .failure(let error):
                results.add(index, replaced: ["failed: \(error)"], embedded: false)
            }
        }
        #expect(starts == 1)
        let found = results.all
        #expect(found[0]?.replaced == ["Formwright Missing Serif"])
        #expect(found[1]?.replaced == [])
        #expect(found[0]?.embedded == true && found[1]?.embedded == true)
    }

    final class Results: Sendable {
        private let values = Mutex<[Int: (replaced: [String], embedded: Bool)]>([:])
        func add(_ index: Int, replaced: [String], embedded: Bool) { values.withLock { $0[index] = (replaced, embedded) } }
        var all: [Int: (replaced: [String], embedded: Bool)] { values.withLock { $0 } }
    }
}
