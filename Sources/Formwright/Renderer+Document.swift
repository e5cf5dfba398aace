public import DocumentModel
public import TemplateData

extension Renderer {
    /// Renders the neutral document once, so a batch can write it in several formats.
    public func document(for data: Value) throws(FormwrightError) -> Document {
        do {
            return try compiled.render(data)
        } catch {
            let limited = error.errors.contains { $0.code.hasPrefix("limit.") }
            throw FormwrightError(limited ? .limit : .template, error.errors.map(\.description))
        }
    }

    /// Builds the package bytes of a rendered document.
    public func package(_ document: Document, format: OutputFormat) throws(FormwrightError) -> [UInt8] {
        do {
            return try format.writer.write(document)
        } catch {
            throw FormwrightError(.io, "cannot build the \(format.rawValue) package: \(error)")
        }
    }
}
