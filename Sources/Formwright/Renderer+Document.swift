public import DocumentModel
import OfficeTemplate
public import TemplateData

/// One record rendered once, to be written in one or more formats.
public enum Rendition: Sendable {
    /// A `template.xml` render: the neutral document, written by either writer.
    case model(Document)
    /// An office template render: the finished package, in the template's own format.
    case package([UInt8], OutputFormat)

    public var document: Document? {
        if case .model(let d) = self { d } else { nil }
    }
}

extension Renderer {
    /// Renders one record once, so a batch can write it in several formats.
    public func rendition(for data: Value) throws(FormwrightError) -> Rendition {
        do {
            if let office {
                return .package(try office.render(data), office.format == .docx ? .docx : .odt)
            }
            var document = try compiled.render(data)
            package.letterhead?.letterhead.apply(to: &document)
            return .model(document)
        } catch {
            let limited = error.errors.contains { $0.code.hasPrefix("limit.") }
            throw FormwrightError(limited ? .limit : .template, error.errors)
        }
    }

    /// Builds the package bytes of a rendered record in `format`.
    public func package(_ rendition: Rendition, format: OutputFormat) throws(FormwrightError) -> [UInt8] {
        switch rendition {
        case .model(let document):
            do {
                return try format == .odt ? writers.odt.write(document) : writers.docx.write(document)
            } catch {
                throw FormwrightError(.io, "cannot build the \(format.rawValue) package: \(error)")
            }
        case .package(let bytes, let own):
            guard own == format else { throw package.formatRefusal(format) }
            return bytes
        }
    }
}

extension TemplatePackage {
    /// Why an office template does not render to `format`.
    public func formatRefusal(_ format: OutputFormat) -> FormwrightError {
        let own = formats.first ?? .odt
        let kind = own == .docx ? "a Word document (template.docx)" : "a Writer document (template.odt)"
        return FormwrightError(.usage, """
            \(definition.id) is \(kind), so it renders to .\(own.rawValue) only: --format \(format.rawValue) would mean converting \
            the document between office formats, which changes its layout
              hint: use --format \(own.rawValue); --format pdf (or pdfa, png) converts it with LibreOffice
            """)
    }
}
