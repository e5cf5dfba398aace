public import Foundation

/// PNG images of PDF pages, made with poppler's `pdftoppm`.
///
/// ```swift
/// let pages = try PagePreview.render(pdf, pages: .first, dpi: 96, into: work)   // [page1.png]
/// ```
public enum PagePreview {
    public enum Pages: Sendable, Hashable {
        case first, all
    }

    /// Renders `pages` of `pdf` at `dpi` into new files in `folder` and returns them in page
    /// order (one for `.first`).
    public static func render(_ pdf: URL, pages: Pages, dpi: Int, into folder: URL) throws(OfficeConversionError) -> [URL] {
        let pdftoppm = try ExecutableLocator.poppler("pdftoppm")
        let stem = "preview-\(UUID().uuidString.prefix(8))"
        let prefix = folder.appendingPathComponent(stem)
        var arguments = ["-png", "-r", String(dpi)]
        if pages == .first { arguments += ["-f", "1", "-l", "1", "-singlefile"] }
        _ = try ToolRun.output(pdftoppm, arguments + [pdf.path, prefix.path])
        if pages == .first {
            let url = folder.appendingPathComponent(stem + ".png")
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw OfficeConversionError(.noOutput, "pdftoppm wrote no image of page 1")
            }
            return [url]
        }
        // pdftoppm pads page numbers to the width of the page count: preview-01.png …
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let numbered: [(Int, URL)] = names.compactMap { name in
            guard name.hasPrefix(stem + "-"), name.hasSuffix(".png"),
                  let page = Int(name.dropFirst(stem.count + 1).dropLast(4)) else { return nil }
            return (page, folder.appendingPathComponent(name))
        }
        guard !numbered.isEmpty else { throw OfficeConversionError(.noOutput, "pdftoppm wrote no page images") }
        return numbered.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
