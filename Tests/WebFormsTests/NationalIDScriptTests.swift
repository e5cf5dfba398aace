import Foundation
import Localization
import TemplateData
import TestSupport
import Testing
import WebForms

/// The script checks national identification numbers as they are typed; it must agree with
/// `NationalIdentifier` (the server's check) on every sample of `../shared/domain/ids.md` and
/// on every one-character change of them.
@Suite struct NationalIDScriptTests {
    struct Sample: Sendable, Hashable {
        let kind: NationalIdentifier
        let value: String
        /// `ok` or a reason code.
        let expected: String
    }

    static let today = CalendarDate(year: 2026, month: 12, day: 4)!

    static let samples: [Sample] = {
        let url = TestSupport.sharedDirectory.appendingPathComponent("domain/ids.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var kind: NationalIdentifier?
        var out: [Sample] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## ") {
                kind = line.contains("Bulgaria") ? .egn : line.contains("Romania") ? .cnp : line.contains("Moldova") ? .idnp
                    : line.contains("Italy") ? .codiceFiscale : nil
                continue
            }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let kind, cells.count >= 4, Int(cells[0]) != nil, cells[1].hasPrefix("`"), cells[3].hasPrefix("`") else { continue }
            out.append(Sample(kind: kind, value: cells[1].trimmingCharacters(in: ["`"]), expected: cells[3].trimmingCharacters(in: ["`"])))
        }
        return out
    }()

    /// Each sample, and each sample with one character replaced by every digit (and, for the
    /// codice fiscale, a few letters): thousands of cases through every rule.
    static let variants: [Sample] = {
        var seen = Set<String>()
        var out: [Sample] = []
        for sample in samples {
            let characters = Array(sample.value)
            let replacements: [Character] = Array("0123456789") + (sample.kind == .codiceFiscale ? Array("ALMTXZ") : [])
            for index in characters.indices {
                for replacement in replacements {
                    var changed = characters
                    changed[index] = replacement
                    let value = String(changed)
                    if seen.insert("\(sample.kind.rawValue):\(value)").inserted {
                        out.append(Sample(kind: sample.kind, value: value, expected: ""))
                    }
                }
            }
            for extra in [sample.value + "1", String(sample.value.dropLast()), " " + sample.value, sample.value.lowercased()] {
                if seen.insert("\(sample.kind.rawValue):\(extra)").inserted { out.append(Sample(kind: sample.kind, value: extra, expected: "")) }
            }
        }
        return out
    }()

    static func swiftReason(_ sample: Sample) -> String {
        sample.kind.problem(in: sample.value, today: today)?.reason.rawValue ?? "ok"
    }

    @Test func theSamplesAreRead() {
        #expect(Self.samples.count == 40)
        #expect(Set(Self.samples.map(\.kind)) == Set(NationalIdentifier.allCases))
    }

    @Test func theServerCheckGivesTheSamplesReasons() {
        for sample in Self.samples {
            #expect(Self.swiftReason(sample) == sample.expected, "\(sample.kind) \(sample.value)")
        }
    }

    @Test func theScriptCarriesTheSameTables() {
        // Swift side, without Node: the weights and letter tables are those of TemplateData's checks.
        for table in [
            "[2, 4, 8, 5, 10, 9, 7, 3, 6]", "[2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]", "[51, 52, 70, 80, 81, 82, 83]", "[7, 3, 1]",
            "\"ABCDEHLMPRST\"", "\"LMNPQRSTUV\"", "[0, 1, 2, 3, 4, 5, 8, 11, 15]", "[6, 7, 9, 10, 12, 13, 14]",
        ] {
            #expect(WebForm.script.contains(table), "\(table)")
        }
        for reason in NationalIdentifierProblem.Reason.allCases {
            #expect(WebForm.script.contains("\"\(reason.rawValue)\""), "the script never gives \(reason.rawValue)")
        }
    }

    static let node: URL? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            for name in ["node", "nodejs"] {
                let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }()

    @Test(.enabled(if: node != nil, "needs Node.js (apt: nodejs) to run the script"))
    func theScriptAgreesWithTheServerCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("webforms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = Self.samples + Self.variants
        try WebForm.script.write(to: folder.appendingPathComponent("webform.js"), atomically: true, encoding: .utf8)
        let input = cases.map { "\($0.kind.rawValue)\t\($0.value)" }.joined(separator: "\n")
        try input.write(to: folder.appendingPathComponent("cases.tsv"), atomically: true, encoding: .utf8)
        let driver = """
            const { check } = require("./webform.js");
            const lines = require("fs").readFileSync(__dirname + "/cases.tsv", "utf8").split("\\n");
            process.stdout.write(lines.map(l => { const [k, v] = l.split("\\t"); return check(k, v, 20261204) || "ok"; }).join("\\n"));
            """
        try driver.write(to: folder.appendingPathComponent("driver.js"), atomically: true, encoding: .utf8)
        let result = try TestSupport.run(try #require(Self.node), [folder.appendingPathComponent("driver.js").path], currentDirectory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let reasons = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(reasons.count == cases.count)
        var disagreements: [String] = []
        for (sample, reason) in zip(cases, reasons) where reason != Self.swiftReason(sample) {
            disagreements.append("\(sample.kind) \(sample.value): script \(reason), Swift \(Self.swiftReason(sample))")
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).joined(separator: "\n"))")
        #expect(cases.count > 2000)
    }
}
