public import Foundation

/// Checks that a file is a whole PDF: LibreOffice can exit 0 without writing one, and a
/// killed converter can leave one half-written.
///
/// A PDF is accepted when it starts with `%PDF-`, has `%%EOF` in its last 1 KB, and has at
/// least one page. Pages are counted from the page objects (`/Type /Page`), which LibreOffice
/// writes uncompressed; when none are found (a writer using object streams) `pdfinfo` is
/// asked, if it is installed.
///
/// ```swift
/// let pages = try PDFCheck.pageCount(of: url)   // 2
/// ```
public enum PDFCheck {
    public static func pageCount(of url: URL) throws(OfficeConversionError) -> Int {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw OfficeConversionError(.noOutput, "LibreOffice wrote no PDF")
        }
        let bytes = Array(data)
        guard bytes.starts(with: Array("%PDF-".utf8)) else {
            throw OfficeConversionError(.noOutput, "LibreOffice wrote a file that is not a PDF (\(bytes.count) bytes)")
        }
        let tail = bytes.suffix(1024)
        guard tail.firstRange(of: Array("%%EOF".utf8)) != nil else {
            throw OfficeConversionError(.noOutput, "LibreOffice wrote an incomplete PDF (no %%EOF at its end)")
        }
        var pages = countPageObjects(bytes)
        if pages == 0, let counted = pdfinfoPages(url) { pages = counted }
        guard pages > 0 else { throw OfficeConversionError(.noOutput, "LibreOffice wrote a PDF without pages") }
        return pages
    }

    /// `/Type/Page` or `/Type /Page` (not `/Pages`, the page tree).
    static func countPageObjects(_ bytes: [UInt8]) -> Int {
        let key = Array("/Type".utf8), page = Array("/Page".utf8)
        var count = 0
        var index = 0
        while let range = bytes[index...].firstRange(of: key) {
            var i = range.upperBound
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x0a || bytes[i] == 0x0d) { i += 1 }
            if bytes[i...].starts(with: page) {
                let after = i + page.count
                // The name ends at whitespace or a delimiter: /Pages and /PageLabel are other names.
                if after >= bytes.count || Array(" \t\r\n()<>[]{}/%".utf8).contains(bytes[after]) { count += 1 }
            }
            index = range.upperBound
        }
        return count
    }

    private static func pdfinfoPages(_ url: URL) -> Int? {
        guard let pdfinfo = ExecutableLocator.find("pdfinfo"),
              let output = try? ToolRun.output(pdfinfo, [url.path]) else { return nil }
        for line in output.split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}

/// Runs a short-lived tool (pdfinfo, pdffonts, pdftoppm, fc-list) and returns its output.
enum ToolRun {
    static func output(_ executable: URL, _ arguments: [String]) throws(OfficeConversionError) -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw OfficeConversionError(.io, "cannot run \(executable.lastPathComponent): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OfficeConversionError(.io, "\(executable.lastPathComponent) failed (exit status \(process.terminationStatus))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
