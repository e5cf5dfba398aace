public import Foundation
public import Template
public import TemplateData
public import OfficeTemplate
public import LetterheadReader
import XMLSupport

/// A template folder: `template.xml` (or `template.docx` / `template.odt` made in Word or
/// Writer), its data schema and example data.
///
/// ```swift
/// let package = try TemplatePackage(directory: URL(fileURLWithPath: "templates/consent-data-sharing"))
/// package.definition.id      // "consent-data-sharing"
/// ```
public struct TemplatePackage: Sendable {
    public let directory: URL
    public let definition: TemplateDefinition
    public let schema: DataSchema?
    /// `example.json`, `example.yaml` or `example.yml`, if the folder has one: the English
    /// example data (``exampleData(for:)`` picks a locale's own `example.<locale>.json`).
    public var exampleData: URL? { examples.base }
    /// Every example data file of the folder, by locale.
    public let examples: ExampleFiles

    /// The office document of a template written in Word or Writer (nil for `template.xml`).
    public let office: OfficeTemplate?
    /// The file the template was read from.
    public let templateFile: URL
    /// The letterhead documents are put on (`--letterhead`, or `<document letterhead="…">`),
    /// read once when the template is loaded, with what it could not carry over.
    public let letterhead: LetterheadDocument?

    /// The formats this template renders to: both for `template.xml`, its own for an office template.
    public var formats: [OutputFormat] {
        guard let office else { return OutputFormat.allCases }
        return [office.format == .docx ? .docx : .odt]
    }

    /// Reads and parses the folder's template (`template.xml`, `template.docx` or
    /// `template.odt`) and schema; `limits.maxTemplateSize` bounds the template file.
    /// `letterhead` (a `.docx` or `.odt`) puts every document on that letterhead instead of
    /// the one the template names; an office template refuses it (it is its own letterhead).
    public init(directory: URL, limits: ResourceLimits = ResourceLimits(), letterhead letterheadFile: URL? = nil) throws(FormwrightError) {
        self.directory = directory
        let found = TemplateFile.all(in: directory)
        if found.count > 1 {
            throw FormwrightError(.template, "\(TemplatePackage.displayPath(directory)): the folder holds \(found.map(\.lastPathComponent).joined(separator: " and ")); keep one template file per folder")
        }
        let templateURL = found.first ?? directory.appendingPathComponent("template.xml")
        templateFile = templateURL
        let displayPath = TemplatePackage.displayPath(templateURL)
        if let size = TemplatePackage.fileSize(templateURL), size > limits.maxTemplateSize {
            throw FormwrightError(.limit, diagnostics: [Limits.reached(
                .maxTemplateSize, needed: size, file: displayPath, "the template is \(size) bytes; the limit is \(limits.maxTemplateSize) bytes")])
        }
        guard let bytes = FileManager.default.contents(atPath: templateURL.path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            throw FormwrightError(.template, exists && isDirectory.boolValue
                ? "\(displayPath): no template.xml, template.docx or template.odt in the template folder"
                : "\(TemplatePackage.displayPath(directory)): no such template folder")
        }
        do {
            let hasSchema = FileManager.default.fileExists(atPath: directory.appendingPathComponent("schema.json").path)
            if templateURL.pathExtension.lowercased() == "xml" {
                // Parsed here, not through TemplateFile, so the template size limit reaches the XML reader.
                definition = try TemplateParser.parse(
                    source: Array(bytes), file: displayPath, limits: limits.xmlLimits, folder: directory, imageLimits: limits.imageLimits)
                office = nil
            } else {
                switch try TemplateFile.parse(Array(bytes), url: templateURL, file: displayPath, hasSchema: hasSchema, imageLimits: limits.imageLimits) {
                case .xml(let parsed):
                    definition = parsed
                    office = nil
                case .office(let parsed):
                    definition = parsed.definition
                    office = parsed
                }
            }
        } catch {
            throw FormwrightError(.template, error.errors)
        }
        if let schemaFile = definition.schemaFile {
            let schemaURL = directory.appendingPathComponent(schemaFile)
            let schemaPath = TemplatePackage.displayPath(schemaURL)
            guard TemplatePackage.isInside(schemaFile, directory) else {
                throw FormwrightError(.template, "\(displayPath): the schema file \(schemaFile) is not inside the template folder\n  hint: keep the schema next to template.xml, e.g. schema=\"schema.json\"")
            }
            guard let schemaBytes = FileManager.default.contents(atPath: schemaURL.path) else {
                throw FormwrightError(.template, "\(displayPath): the schema file \(schemaFile) does not exist")
            }
            do {
                schema = try DataSchema(bytes: Array(schemaBytes), path: schemaPath)
            } catch {
                throw FormwrightError(.template, error.errors)
            }
        } else {
            schema = nil
        }
        // An office template's paths are checked against its schema now, so a misspelt
        // path is an error with a suggestion instead of a blank in every document.
        if let office, let schema {
            let undeclared = office.undeclaredPaths(in: schema)
            if !undeclared.isEmpty { throw FormwrightError(.template, undeclared) }
        }
        letterhead = try TemplatePackage.loadLetterhead(
            override: letterheadFile, definition: definition, isOffice: office != nil, directory: directory, templateFile: displayPath)
        examples = ExampleFiles(directory: directory)
    }

    /// Loads a data file and checks it against the schema, reporting every problem at once.
    public func loadData(_ url: URL, limits: DataLimits = .init()) throws(FormwrightError) -> Value {
        let path = TemplatePackage.displayPath(url)
        // Checked before reading, so a huge file is never loaded into memory.
        if let size = TemplatePackage.fileSize(url), size > limits.maximumFileSize {
            throw FormwrightError(.limit, diagnostics: [Limits.reached(
                .maxDataSize, file: path, "the file is \(size) bytes; data files may be at most \(limits.maximumFileSize) bytes",
                advice: "split the data")])
        }
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw FormwrightError(.data, "\(path): cannot read the data file (no such file or not readable)")
        }
        guard let format = DataFormat(path: path) else {
            throw FormwrightError(.data, "\(path): unknown data format; use a .json, .yaml or .yml file")
        }
        let document: DataDocument
        do {
            document = try DataLoader(limits: limits).load(Array(bytes), path: path, format: format)
        } catch {
            throw FormwrightError(.data, [error])
        }
        return try validate(document)
    }

    /// Loads one record of an NDJSON or CSV file and checks it against the schema.
    public func load(_ record: DataRecord, limits: DataLimits = .init()) throws(FormwrightError) -> Value {
        let document: DataDocument
        do {
            document = try record.load(schema: schema, limits: limits)
        } catch {
            throw FormwrightError(.data, [error])
        }
        return try validate(document)
    }

    func validate(_ document: DataDocument) throws(FormwrightError) -> Value {
        if let schema {
            let problems = schema.validate(document)
            if !problems.isEmpty { throw FormwrightError(.data, problems) }
        }
        return document.value
    }

    /// Whether `relativePath` names a file inside `directory`: not absolute, no `..`, and
    /// still inside once symbolic links are resolved (a template may not read other files).
    static func isInside(_ relativePath: String, _ directory: URL) -> Bool {
        guard !relativePath.isEmpty, !relativePath.hasPrefix("/"),
            !relativePath.split(separator: "/").contains("..") else { return false }
        let folder = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let file = directory.appendingPathComponent(relativePath).resolvingSymlinksInPath().standardizedFileURL.path
        return file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    static func fileSize(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
    }

    /// A path as users typed it: relative to the current folder when inside it.
    public static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}
