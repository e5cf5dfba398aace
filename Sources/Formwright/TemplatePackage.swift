public import Foundation
public import Template
public import TemplateData
import XMLSupport

/// A template folder: `template.xml`, its data schema and example data.
///
/// ```swift
/// let package = try TemplatePackage(directory: URL(fileURLWithPath: "templates/consent-data-sharing"))
/// package.definition.id      // "consent-data-sharing"
/// ```
public struct TemplatePackage: Sendable {
    public let directory: URL
    public let definition: TemplateDefinition
    public let schema: DataSchema?
    /// `example.json`, `example.yaml` or `example.yml`, if the folder has one.
    public let exampleData: URL?

    /// Reads and parses the folder's template and schema; `limits.maxTemplateSize` bounds `template.xml`.
    public init(directory: URL, limits: ResourceLimits = ResourceLimits()) throws(FormwrightError) {
        self.directory = directory
        let templateURL = directory.appendingPathComponent("template.xml")
        let displayPath = TemplatePackage.displayPath(templateURL)
        if let size = TemplatePackage.fileSize(templateURL), size > limits.maxTemplateSize {
            throw FormwrightError(.limit, "\(displayPath): the template is \(size) bytes; the limit is \(limits.maxTemplateSize) bytes\n  hint: raise it with --max-template-size \(size)")
        }
        guard let bytes = FileManager.default.contents(atPath: templateURL.path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            throw FormwrightError(.template, exists && isDirectory.boolValue
                ? "\(displayPath): no template.xml in the template folder"
                : "\(TemplatePackage.displayPath(directory)): no such template folder")
        }
        do {
            definition = try TemplateParser.parse(source: Array(bytes), file: displayPath)
        } catch {
            throw FormwrightError(.template, error.errors.map(\.description))
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
                throw FormwrightError(.template, error.errors.map(\.description))
            }
        } else {
            schema = nil
        }
        exampleData = ["example.json", "example.yaml", "example.yml"]
            .map { directory.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Loads a data file and checks it against the schema, reporting every problem at once.
    public func loadData(_ url: URL, limits: DataLimits = .init()) throws(FormwrightError) -> Value {
        let path = TemplatePackage.displayPath(url)
        // Checked before reading, so a huge file is never loaded into memory.
        if let size = TemplatePackage.fileSize(url), size > limits.maximumFileSize {
            throw FormwrightError(.limit, "\(path): error: the file is \(size) bytes; data files may be at most \(limits.maximumFileSize) bytes\n  hint: split the data, or raise the limit with --max-data-size")
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
            throw FormwrightError(error.code == .limitExceeded ? .limit : .data, [ResourceLimits.describe(error)])
        }
        return try validate(document)
    }

    /// Loads one record of an NDJSON or CSV file and checks it against the schema.
    public func load(_ record: DataRecord, limits: DataLimits = .init()) throws(FormwrightError) -> Value {
        let document: DataDocument
        do {
            document = try record.load(schema: schema, limits: limits)
        } catch {
            throw FormwrightError(error.code == .limitExceeded ? .limit : .data, [ResourceLimits.describe(error)])
        }
        return try validate(document)
    }

    private func validate(_ document: DataDocument) throws(FormwrightError) -> Value {
        if let schema {
            let problems = schema.validate(document)
            if !problems.isEmpty { throw FormwrightError(.data, problems.map(\.description)) }
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
