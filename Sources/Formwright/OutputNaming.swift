public import Localization
public import TemplateData

/// Output file names from a pattern such as `"{case.code}-{locale}.odt"`.
///
/// Placeholders: a data path (`{case.code}`, `{parties.0.name}`), `{locale}`, `{format}`,
/// `{index}` (the record's 1-based position in the whole batch), `{file}` (the data file's
/// name without extension) and `{template}` (the template id). Values from data are made
/// safe file names (see ``sanitize(_:)``): they can never add a folder or leave the output
/// folder. A `/` written in the pattern itself makes subfolders; `..` is refused.
///
/// The extension follows the format: a pattern ending in `.odt`, `.docx` or `.{format}` gets
/// the rendered format's extension, any other pattern gets `.<format>` appended, so `--format both` works
/// with one pattern.
///
/// ```swift
/// let naming = try OutputNaming(pattern: "{case.code}-{locale}.odt")
/// try naming.name(for: data, context: .init(locale: .bg, format: .docx, index: 1, file: "cases", template: "consent"))
/// // "BG-VT-2026-014-bg.docx"
/// ```
public struct OutputNaming: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    public let pattern: String
    let parts: [Part]
    let hasFormatExtension: Bool

    /// What a name may use besides the data.
    public struct Context: Sendable, Hashable {
        public var locale: LocaleID
        /// The package format of the document, or the one a PDF or PNG is converted from.
        public var format: OutputFormat
        /// What is written: it gives the extension and `{format}` (odt, docx, pdf, pdfa, png).
        public var delivery: DeliveryFormat
        public var index: Int
        public var file: String
        public var template: String

        public init(locale: LocaleID, format: OutputFormat, index: Int, file: String, template: String) {
            self.init(locale: locale, delivery: .package(format), source: format, index: index, file: file, template: template)
        }

        public init(locale: LocaleID, delivery: DeliveryFormat, source: OutputFormat, index: Int, file: String, template: String) {
            self.locale = locale
            self.format = source
            self.delivery = delivery
            self.index = index
            self.file = file
            self.template = template
        }
    }

    /// Parses a pattern; `{{` and `}}` are literal braces.
    public init(pattern: String) throws(FormwrightError) {
        self.pattern = pattern
        var parts: [Part] = [], literal = "", placeholder: String?
        var characters = pattern[...]
        func bad(_ why: String) -> FormwrightError {
            FormwrightError(.usage, "--name \"\(pattern)\": \(why)\n  hint: write placeholders as {case.code}, {locale}, {format} or {index}; {{ and }} are literal braces")
        }
        while let c = characters.popFirst() {
            if var name = placeholder {
                if c == "}" {
                    let trimmed = name.trimmingWhitespace()
                    guard !trimmed.isEmpty else { throw bad("an empty placeholder {}") }
                    parts.append(.placeholder(trimmed))
                    placeholder = nil
                } else if c == "{" {
                    throw bad("a { inside a placeholder")
                } else {
                    name.append(c)
                    placeholder = name
                }
            } else if c == "{" {
                if characters.first == "{" { characters.removeFirst(); literal.append("{"); continue }
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                placeholder = ""
            } else if c == "}" {
                if characters.first == "}" { characters.removeFirst(); literal.append("}"); continue }
                throw bad("a } without a matching {")
            } else {
                literal.append(c)
            }
        }
        if placeholder != nil { throw bad("a placeholder is not closed with }") }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard !parts.isEmpty else { throw bad("the pattern is empty") }
        for case .literal(let text) in parts {
            if text.hasPrefix("/") && parts.first == .literal(text) { throw bad("the name must be relative to the output folder") }
            if text.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." }) {
                throw bad("'..' would leave the output folder")
            }
        }
        self.parts = parts
        let lower = pattern.lowercased()
        var endsWithFormat = false
        if parts.count >= 2, parts[parts.count - 1] == .placeholder("format"), case .literal(let text) = parts[parts.count - 2] {
            endsWithFormat = text.hasSuffix(".")
        }
        hasFormatExtension = endsWithFormat || (OutputFormat.allCases.map(\.rawValue) + ["pdf", "png"]).contains { lower.hasSuffix(".\($0)") }
    }

    /// The relative path for one document: folders from the pattern, each data value a safe
    /// file name. Throws when the data lacks a value the pattern names.
    public func name(for data: Value, context: Context) throws(FormwrightError) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal):
                text += literal
            case .placeholder(let name):
                text += OutputNaming.sanitize(try value(of: name, in: data, context: context), isComponent: false)
            }
        }
        var components = text.split(separator: "/", omittingEmptySubsequences: true).map {
            OutputNaming.sanitize(String($0))
        }
        var last = components.popLast() ?? "_"
        if hasFormatExtension, let dot = last.lastIndex(of: ".") {
            last = String(last[..<dot])
        }
        last = OutputNaming.sanitize(last + "." + context.delivery.fileExtension)
        components.append(last)
        return components.joined(separator: "/")
    }

    private func value(of name: String, in data: Value, context: Context) throws(FormwrightError) -> String {
        switch name {
        case "locale": return context.locale.identifier
        case "format": return context.delivery.description
        case "index": return String(context.index)
        case "file": return context.file
        case "template": return context.template
        default: break
        }
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch data[path: path] {
        case .string(let s) where !s.isEmpty: return s
        case .number(let d): return "\(d)"
        case .bool(let b): return b ? "true" : "false"
        case nil, .null?, .string?:
            throw FormwrightError(.data, "the output name {\(name)} has no value in this record\n  hint: give every record a \(name), or use {index} in --name")
        case .array?, .object?:
            throw FormwrightError(.data, "the output name {\(name)} is a list or an object, not a text\n  hint: name a field that holds text or a number")
        }
    }

    /// Makes text a safe single file name: no `/`, `\` or control characters, none of
    /// `<>:"|?*`, no bidi or other invisible format characters (U+202E, U+200B, U+FEFF), no
    /// leading space or `-`, no leading dot (so never `.`, `..` or a hidden file), no trailing
    /// dot or space, not a reserved Windows device name (`CON`, `NUL`, `COM1`…), at most 200 bytes.
    ///
    /// ```swift
    /// OutputNaming.sanitize("../../etc/passwd")   // "_._.._etc_passwd"
    /// ```
    public static func sanitize(_ text: String) -> String {
        sanitize(text, isComponent: true)
    }

    /// `isComponent: false` cleans a value that is part of a name (its dots are kept as they
    /// are inside the name; the whole component is cleaned again afterwards).
    static func sanitize(_ text: String, isComponent: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0: result += "_"
            default:
                // Bidi overrides (U+202E), zero-width and other format characters would make
                // a listed name read as another (`exe.odt` shown for `\u{202E}tdo.exe`): dropped.
                if VisibleText.isInvisibleOrControl(scalar) { continue }
                if "/\\<>:\"|?*".unicodeScalars.contains(scalar) { result += "_" } else { result.unicodeScalars.append(scalar) }
            }
        }
        guard isComponent else { return result }
        // A leading '-' makes the name an option to the next command (`rm -rf…`); leading
        // spaces hide in listings.
        while let first = result.unicodeScalars.first, first == "-" || first.properties.isWhitespace {
            result.unicodeScalars.removeFirst()
        }
        while result.hasPrefix(".") { result = "_" + result.dropFirst() }
        while let last = result.last, last == "." || last == " " { result = String(result.dropLast()) + "_" }
        let stem = result.split(separator: ".", maxSplits: 1).first.map { $0.uppercased() } ?? ""
        let reserved = ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] }
        if reserved.contains(stem.trimmingWhitespace()) { result = "_" + result }
        if result.utf8.count > 200 {
            // Keep the extension; cut the stem on a character boundary.
            let dot = result.lastIndex(of: ".").map { result[$0...] } ?? ""
            var stemText = String(result[..<(result.lastIndex(of: ".") ?? result.endIndex)])
            while stemText.utf8.count + dot.utf8.count > 200 { stemText.removeLast() }
            result = stemText + dot
        }
        return result.isEmpty ? "_" : result
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var s = self[...]
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
