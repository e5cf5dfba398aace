/// What LibreOffice's `writer_pdf_Export` filter makes: a plain PDF or a PDF/A.
///
/// ```swift
/// PDFTarget.pdfa(.b2).filterArgument
/// // pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}
/// ```
public enum PDFTarget: Hashable, Sendable {
    case pdf
    case pdfa(PDFALevel)

    /// The `--convert-to` argument, with the filter options as JSON (LibreOffice ≥ 7.4).
    public var filterArgument: String {
        switch self {
        case .pdf: "pdf:writer_pdf_Export"
        case .pdfa(let level): #"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"\#(level.selectPdfVersion)"}}"#
        }
    }
}

/// A PDF/A conformance level LibreOffice can write.
///
/// LibreOffice 7.4 writes PDF/A-1 as tagged PDF and declares it `pdfaid:conformance` A (1a
/// meets every requirement of 1b as well); 2 and 3 are declared B. PDF/A-3 allows attached
/// files, but LibreOffice's "hybrid PDF" option (`IsAddStream`) stores the source document
/// under a private trailer key (`/AdditionalStreams`), not as a PDF/A-3 associated file, so
/// 3b is written without the source attached.
public enum PDFALevel: String, Hashable, Sendable, CaseIterable {
    case b1 = "1b", b2 = "2b", b3 = "3b"

    /// The `SelectPdfVersion` filter option value.
    var selectPdfVersion: Int {
        switch self {
        case .b1: 1
        case .b2: 2
        case .b3: 3
        }
    }

    /// The `pdfaid:part` a file of this level declares in its XMP metadata.
    public var part: Int { selectPdfVersion }
}
