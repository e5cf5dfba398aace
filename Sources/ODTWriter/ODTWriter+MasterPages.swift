import DocumentModel

extension ODTWriter {
    /// The master pages a document needs and the page layouts they use: "Standard" for the
    /// document's pages, "First Page" when the first page has a header or footer of its own
    /// (followed by "Standard"), and one per page setup of a landscape or other-sized
    /// ``Section``. Every master page has the document's header and footer.
    ///
    /// A first page is a master page of its own rather than `style:header-first`: every
    /// version of LibreOffice and Word reads it, and the body's first paragraph names it.
    struct MasterPagePlan: Hashable, Sendable {
        struct MasterPage: Hashable, Sendable {
            let name: String
            let displayName: String
            let layout: PageLayout
            let header: [Block]
            let footer: [Block]
            let next: String?
        }

        struct PageLayout: Hashable, Sendable {
            let name: String
            let page: PageSetup
            let hasHeader: Bool
            let hasFooter: Bool
        }

        static let standard = "Standard"
        static let firstPage = "First_20_Page"

        let masterPages: [MasterPage]
        /// The master page of each section's page setup.
        let sectionMasterPages: [PageSetup: String]
        /// The master page of the body's first paragraph, when not "Standard".
        let first: String?

        init(_ document: Document) {
            var layouts: [PageLayout] = []
            func layout(_ page: PageSetup, header: [Block], footer: [Block]) -> PageLayout {
                let key = (page, !header.isEmpty, !footer.isEmpty)
                if let found = layouts.first(where: { ($0.page, $0.hasHeader, $0.hasFooter) == key }) { return found }
                let new = PageLayout(name: "pm\(layouts.count + 1)", page: page, hasHeader: key.1, hasFooter: key.2)
                layouts.append(new)
                return new
            }
            var masters = [MasterPage(
                name: Self.standard, displayName: "Default Page Style",
                layout: layout(document.page, header: document.header, footer: document.footer),
                header: document.header, footer: document.footer, next: nil)]
            if document.hasDistinctFirstPage {
                let header = document.firstPageHeader ?? document.header, footer = document.firstPageFooter ?? document.footer
                masters.append(MasterPage(
                    name: Self.firstPage, displayName: "First Page", layout: layout(document.page, header: header, footer: footer),
                    header: header, footer: footer, next: Self.standard))
                first = Self.firstPage
            } else {
                first = nil
            }
            var sections: [PageSetup: String] = [document.page: Self.standard]
            for case .section(let section) in document.body where sections[section.page] == nil {
                let name = "Section\(sections.count)"
                sections[section.page] = name
                masters.append(MasterPage(
                    name: name, displayName: "Section \(sections.count - 1)",
                    layout: layout(section.page, header: document.header, footer: document.footer),
                    header: document.header, footer: document.footer, next: nil))
            }
            masterPages = masters
            sectionMasterPages = sections
        }

        /// Every layout once, in order of first use.
        var pageLayouts: [PageLayout] {
            var seen: Set<String> = []
            return masterPages.map(\.layout).filter { seen.insert($0.name).inserted }
        }
    }
}
