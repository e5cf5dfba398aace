import DocumentModel

/// How a page margin is shared with a header (or footer): the band starts at half the
/// margin from the paper's edge and fills the rest of it, so the body text starts where the
/// margin says, as in DOCX. Half of the band is the gap to the body, half room for one or
/// two lines of header text; a taller header pushes the body down, as in any office suite.
struct HeaderFooterBand {
    /// From the paper's edge to the header (the ODF page margin).
    let distance: Length
    /// The band's minimum height. LibreOffice counts the spacing in it.
    let height: Length
    /// Between the header's text and the body.
    let spacing: Length

    init(margin: Length) {
        let half = margin.hundredthsOfMillimetre / 2
        distance = Length(hundredthsOfMillimetre: half)
        height = Length(hundredthsOfMillimetre: margin.hundredthsOfMillimetre - half)
        spacing = Length(hundredthsOfMillimetre: height.hundredthsOfMillimetre / 2)
    }
}
