import DocumentModel

extension StyleName {
    /// The ODF style name. Where LibreOffice has a built-in style of the same meaning its
    /// programmatic name is used (`Heading_20_1`, `Text_20_body`), so the office suite
    /// links our styles to its own (outline numbering, "next style", style lists).
    var odfName: String {
        switch self {
        case .title: "Title"
        case .heading1: "Heading_20_1"
        case .heading2: "Heading_20_2"
        case .heading3: "Heading_20_3"
        case .body: "Text_20_body"
        case .small: "Small_20_Print"
        case .tableHeader: "Table_20_Heading"
        case .tableCell: "Table_20_Contents"
        case .signature: "Signature"
        case .signatureLine: "Signature_20_Line"
        case .header: "Header"
        case .footer: "Footer"
        }
    }
}

extension Alignment {
    /// The value of `fo:text-align`.
    var odf: String {
        switch self {
        case .start: "start"
        case .center: "center"
        case .end: "end"
        case .justify: "justify"
        }
    }
}

/// `10.5` → `"10.5pt"`, `14` → `"14pt"`: font sizes as ODF writes them.
func odfPoints(_ value: Double) -> String {
    if value == value.rounded() { return "\(Int(value))pt" }
    return "\(value)pt"
}
