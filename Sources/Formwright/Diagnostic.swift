import Foundation
import Localization

/// One problem or warning, wherever it was found: a template (file line:column), data (a JSON
/// Pointer, and the line when the file is known), a catalog (PO file and line), or an office
/// document (part and paragraph).
///
/// Every module's errors become diagnostics in one place (``Diagnostic+Conversion.swift``),
/// so a caller tells a data error at `/child/birth_date` from a template error at line 40 by
/// looking at ``location`` and ``code``, not by reading text.
///
/// ```swift
/// for diagnostic in library.validate("consent-data-sharing", data: .file(url), locale: "bg") {
///     print(diagnostic.code, diagnostic.location.jsonPointer ?? "", diagnostic.message)
/// }
/// // data.format /child/birth_date expected a date (YYYY-MM-DD), found "22.11.2026"
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .note]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    /// Where the problem is; every part is optional, and several may be known at once
    /// (a data error has a JSON Pointer and, from a file, a line and column).
    public struct Location: Sendable, Hashable, Codable {
        /// The file as the user named it (relative to the current folder when inside it).
        public var file: String?
        /// 1-based line, nil when unknown.
        public var line: Int?
        /// 1-based column in Unicode scalars, nil when unknown.
        public var column: Int?
        /// The JSON Pointer of a data value (`/child/birth_date`).
        public var jsonPointer: String?
        /// A part of an office document (`word/document.xml`).
        public var officePart: String?
        /// The 1-based paragraph in ``officePart``.
        public var paragraph: Int?

        public init(file: String? = nil, line: Int? = nil, column: Int? = nil, jsonPointer: String? = nil,
                    officePart: String? = nil, paragraph: Int? = nil) {
            self.file = file
            self.line = line.flatMap { $0 > 0 ? $0 : nil }
            self.column = column.flatMap { $0 > 0 ? $0 : nil }
            self.jsonPointer = jsonPointer.flatMap { $0.isEmpty ? nil : $0 }
            self.officePart = officePart
            self.paragraph = paragraph
        }

        /// Nothing is known.
        public var isEmpty: Bool { self == Location() }

        /// `file:line:column`, or `file: word/document.xml, paragraph 12`, leaving out what is unknown.
        public var description: String {
            var text = file ?? ""
            if let officePart {
                text += (text.isEmpty ? "" : ": ") + officePart + (paragraph.map { ", paragraph \($0)" } ?? "")
            } else if let line {
                text += ":\(line)" + (column.map { ":\($0)" } ?? "")
            }
            return text
        }
    }

    public var severity: Severity
    /// A stable code for tools and tests: `template.syntax`, `expression.unknown-filter`,
    /// `data.required`, `catalog.syntax`, `limit.loop-iterations`, `translation.missing`, …
    public var code: String
    public var location: Location
    /// What is wrong, without the location.
    public var message: String
    /// How to fix it, as a sentence, when there is an obvious fix.
    public var suggestion: String?
    /// The source line for a caret display (at most 160 characters around the column).
    public var sourceLine: String?
    /// Where the caret goes under ``sourceLine`` (0-based, in code points).
    public var caret: Int?
    /// The ``Limits`` setting a limit diagnostic is about, so a caller can say how to raise
    /// it in its own terms (the CLI names the flag).
    public var limit: Limits.Setting?

    public init(
        _ severity: Severity = .error, code: String, location: Location = Location(), message: String,
        suggestion: String? = nil, sourceLine: String? = nil, caret: Int? = nil, limit: Limits.Setting? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.suggestion = suggestion
        self.sourceLine = sourceLine
        self.caret = caret ?? sourceLine.map { _ in max(0, (location.column ?? 1) - 1) }
        self.limit = limit
    }

    /// What a terminal shows: `file:line:column: error: message`, the source line with a
    /// caret, then `  hint: …`. Control and bidi characters (from data, catalogs or file
    /// names) are shown as escapes, never sent to the terminal raw.
    public var description: String {
        var text = ""
        if !location.isEmpty {
            text += VisibleText.escaping(location.description) + ": \(severity.rawValue): "
            if let pointer = location.jsonPointer { text += VisibleText.escaping(pointer) + ": " }
        }
        text += VisibleText.escaping(message, keepingLineBreaks: true)
        if let sourceLine {
            text += "\n    \(VisibleText.escaping(sourceLine.replacingOccurrences(of: "\t", with: " ")))\n    \(String(repeating: " ", count: caret ?? 0))^"
        }
        if let suggestion { text += "\n  hint: \(VisibleText.escaping(suggestion, keepingLineBreaks: true))" }
        return text
    }

    /// One JSON object on one line (JSON Lines, for editors and CI): `severity`, `code`,
    /// `file`, `line`, `column`, `pointer`, `part`, `paragraph`, `message`, `suggestion`,
    /// `sourceLine`; unknown fields are left out. Keys are sorted, so the output is stable.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let record = JSONRecord(
            severity: severity.rawValue, code: code, file: location.file, line: location.line, column: location.column,
            pointer: location.jsonPointer, part: location.officePart, paragraph: location.paragraph, message: message,
            suggestion: suggestion, sourceLine: sourceLine, limit: limit?.rawValue)
        // Encoding strings and integers cannot fail.
        return String(decoding: (try? encoder.encode(record)) ?? Data("{}".utf8), as: UTF8.self)
    }

    private struct JSONRecord: Encodable {
        let severity: String, code: String
        let file: String?, line: Int?, column: Int?, pointer: String?, part: String?, paragraph: Int?
        let message: String, suggestion: String?, sourceLine: String?, limit: String?
    }
}
