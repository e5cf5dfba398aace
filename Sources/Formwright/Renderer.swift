public import Foundation
public import Localization
public import Template
public import DocumentModel
public import TemplateData
public import OfficeTemplate
import ODTWriter
import DOCXWriter

/// A rendered document and what the user should know about it.
///
/// ```swift
/// let document = try library.render("session-minutes", data: .file(url), locale: "it", format: .pdf)
/// document.suggestedFileName   // "session-minutes-it.pdf"
/// document.mediaType           // "application/pdf"
/// try document.write(to: URL(fileURLWithPath: document.suggestedFileName))
/// ```
public struct RenderedDocument: Sendable {
    public let bytes: [UInt8]
    /// The neutral document (nil for an office template, which is rendered as a package).
    public let document: Document?
    /// Message ids with no translation in the requested locale (English was used).
    public let missingTranslations: [String]
    /// Message ids whose translation was made for an older English source.
    public let staleTranslations: [String]
    /// What the document is: an office package, PDF, PDF/A or PNG.
    public var format: DeliveryFormat
    /// `<template>-<locale>.<extension>`.
    public var suggestedFileName: String
    /// Warnings that fail nothing: missing and stale translations, what a letterhead could not
    /// carry over, a font LibreOffice replaced.
    public var diagnostics: [Diagnostic]
    /// PNG with every page (``PrintSettings/pages`` `.all`): pages 2, 3, … (``bytes`` is page 1).
    public var additionalPages: [[UInt8]]

    public init(
        bytes: [UInt8], document: Document?, missingTranslations: [String], staleTranslations: [String],
        format: DeliveryFormat = .package(.odt), suggestedFileName: String = "document.odt", diagnostics: [Diagnostic] = [],
        additionalPages: [[UInt8]] = []
    ) {
        self.additionalPages = additionalPages
        self.bytes = bytes
        self.document = document
        self.missingTranslations = missingTranslations
        self.staleTranslations = staleTranslations
        self.format = format
        self.suggestedFileName = suggestedFileName
        self.diagnostics = diagnostics
    }

    /// The media type of ``format`` (for an HTTP response or an e-mail attachment).
    public var mediaType: String { format.mediaType }

    /// Writes the bytes to `url` through a temporary file and a rename: never a partial file.
    public func write(to url: URL) throws(FormwrightError) {
        try AtomicFile.write(bytes, to: url)
        for (n, page) in additionalPages.enumerated() { try AtomicFile.write(page, to: PrintQueue.pageImage(url, page: n + 2)) }
    }
}

/// Renders a template in one locale and format. Compile once, render many records.
///
/// ```swift
/// let renderer = try Renderer(package: package, catalogs: catalogs, locale: .bg)
/// let result = try renderer.render(data: value, format: .odt)
/// try AtomicFile.write(result.bytes, to: output)
/// ```
public struct Renderer: Sendable {
    public let package: TemplatePackage
    public let compiled: CompiledTemplate
    /// The compiled office document, for a template written in Word or Writer.
    public let office: CompiledOfficeTemplate?
    /// The writers, kept with the compiled template: each holds the parts it compressed once
    /// (styles, numbering), so every record after the first copies them.
    let writers = (odt: ODTWriter(), docx: DOCXWriter())

    public init(package: TemplatePackage, catalogs: CatalogSet, locale: LocaleID, limits: RenderLimits = .init()) throws(FormwrightError) {
        self.package = package
        do {
            if let template = package.office {
                let compiledOffice = try template.compile(locale: locale, catalogs: catalogs, limits: limits)
                office = compiledOffice
                compiled = compiledOffice.template
            } else {
                compiled = try CompiledTemplate(package.definition, locale: locale, catalogs: catalogs, limits: limits)
                office = nil
            }
        } catch {
            throw FormwrightError(.catalog, error.errors)
        }
    }

    public func render(data: Value, format: OutputFormat) throws(FormwrightError) -> RenderedDocument {
        let rendition = try rendition(for: data)
        let bytes = try package(rendition, format: format)
        return RenderedDocument(
            bytes: bytes, document: rendition.document, missingTranslations: compiled.missingTranslations,
            staleTranslations: compiled.staleTranslations, format: .package(format),
            suggestedFileName: "\(package.definition.id)-\(compiled.locale.identifier).\(format.rawValue)",
            diagnostics: translationDiagnostics)
    }
}

extension Renderer {
    /// Missing and stale translations of this locale, as warnings (one each, listing the ids).
    public var translationDiagnostics: [Diagnostic] {
        var result: [Diagnostic] = []
        let locale = compiled.locale.identifier
        if !compiled.missingTranslations.isEmpty {
            result.append(Diagnostic(
                .warning, code: "translation.missing",
                message: "\(compiled.missingTranslations.count) message(s) have no \(locale) translation; the English text is used: "
                    + compiled.missingTranslations.joined(separator: ", ")))
        }
        if !compiled.staleTranslations.isEmpty {
            result.append(Diagnostic(
                .warning, code: "translation.stale",
                message: "\(compiled.staleTranslations.count) \(locale) translation(s) were made for an older English text: "
                    + compiled.staleTranslations.joined(separator: ", ")))
        }
        return result
    }
}

extension LocaleID {
    /// Parses a locale given on the command line, with a helpful error.
    public static func parse(_ text: String) throws(FormwrightError) -> LocaleID {
        guard let locale = LocaleID(text) else {
            let known = LocaleID.supported.map(\.identifier)
            throw FormwrightError(.locale, diagnostics: [Diagnostic(
                code: "locale.unknown", message: "unknown locale '\(text)'; supported locales: \(known.joined(separator: ", "))",
                suggestion: Spelling.closest(to: text, among: known).map { "did you mean '\($0)'?" })])
        }
        return locale
    }
}
