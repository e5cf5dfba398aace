import ArgumentParser
import Foundation
import Formwright
import OfficeConversion

/// The flags of PDF, PDF/A and PNG output, shared by `render` and `demo`.
struct PrintOptions: ParsableArguments {
    @Option(help: ArgumentHelp("LibreOffice's soffice program (default: soffice on PATH).", valueName: "path"))
    var soffice: String?

    @Option(name: .customLong("pdfa-level"), help: ArgumentHelp("PDF/A level of --format pdfa: 1b, 2b or 3b.", valueName: "level"))
    var pdfaLevel: String = "2b"

    @Option(name: .customLong("pdf-from"), help: ArgumentHelp("The package a template.xml is converted from: odt or docx; an office template converts from its own format.", valueName: "format"))
    var pdfFrom: String = "odt"

    @Option(help: ArgumentHelp("Resolution of --format png.", valueName: "n"))
    var dpi: Int = 96

    @Option(help: ArgumentHelp("Pages of --format png: first (<name>.png) or all (<name>-<page>.png).", valueName: "first|all"))
    var pages: String = "first"

    @Option(name: .customLong("convert-timeout"), help: ArgumentHelp("Seconds LibreOffice may take for one document before it is killed.", valueName: "seconds"))
    var convertTimeout: Double = 120

    @Option(name: .customLong("convert-restart-after"), help: ArgumentHelp("Documents one LibreOffice process converts before a new one starts.", valueName: "n"))
    var convertRestartAfter: Int = 100

    /// The settings, with `jobs` LibreOffice processes.
    func settings(jobs: Int, limits: ResourceLimits = ResourceLimits()) throws(FormwrightError) -> PrintSettings {
        var settings = PrintSettings()
        settings.maxOutputSize = limits.maxOutputSize
        settings.soffice = soffice.map { URL(fileURLWithPath: $0) }
        guard let level = PDFALevel(rawValue: pdfaLevel.lowercased()) else {
            throw FormwrightError(.usage, "--pdfa-level \(pdfaLevel): use 1b, 2b or 3b")
        }
        settings.pdfaLevel = level
        guard let source = OutputFormat(rawValue: pdfFrom.lowercased()) else {
            throw FormwrightError(.usage, "--pdf-from \(pdfFrom): use odt or docx")
        }
        settings.pdfSource = source
        guard (18...1200).contains(dpi) else { throw FormwrightError(.usage, "--dpi \(dpi): use a resolution from 18 to 1200") }
        settings.dpi = dpi
        switch pages.lowercased() {
        case "first", "1": settings.pages = .first
        case "all": settings.pages = .all
        default: throw FormwrightError(.usage, "--pages \(pages): use first or all")
        }
        guard convertTimeout > 0 else { throw FormwrightError(.usage, "--convert-timeout must be a positive number of seconds") }
        settings.timeout = convertTimeout
        guard convertRestartAfter > 0 else { throw FormwrightError(.usage, "--convert-restart-after must be a positive number") }
        settings.restartAfter = convertRestartAfter
        settings.converterJobs = max(1, jobs)
        return settings
    }
}

extension PrintQueue.Event {
    /// Prints what the CLI shows of a print event; returns false for a failure.
    func report() -> Bool {
        switch self {
        case .written(let url, _):
            print(TemplatePackage.displayPath(url))
            return true
        case .failed(_, let outputs, let error):
            let names = outputs.map { TemplatePackage.displayPath($0) }.joined(separator: ", ")
            FileHandle.standardError.write(Data("error: \(names): \(error.description)\n".utf8))
            return false
        case .fontSubstituted(let font, _):
            warn("the document asks for the font \(font), which is not installed; LibreOffice used another one, so lines and pages may break differently\n  hint: install the font (fc-list shows the installed ones) or name another one in the template (<document font=\"…\">)")
            return true
        }
    }
}
