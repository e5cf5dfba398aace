public import Foundation
import ZipSupport

/// Helpers shared by the test targets: where the repository is, running the
/// validators in `../shared/tools`, comparing package parts with golden files.
public enum TestSupport {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` next to the repository (validators, conformance vectors, domain notes).
    public static let sharedDirectory: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The `formwright` executable built next to the test bundle.
    public static var formwrightExecutable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("formwright")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/formwright")
    }

    /// Runs `formwright` with `arguments` from the repository root (or `directory`).
    public static func formwright(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        try run(formwrightExecutable, arguments, currentDirectory: directory ?? repositoryRoot)
    }

    /// True when golden files should be rewritten instead of compared (`RECORD_GOLDEN=1`).
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// The result of running a program.
    public struct ProcessResult: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public var output: String { stdout + stderr }
    }

    /// Runs `executable` with `arguments`, waiting for it to finish.
    public static func run(_ executable: URL, _ arguments: [String], currentDirectory: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs one of `../shared/tools` (`validate-odt`, `validate-docx`, `office-roundtrip`).
    public static func runSharedTool(_ name: String, _ arguments: [String]) throws -> ProcessResult {
        try run(sharedDirectory.appendingPathComponent("tools").appendingPathComponent(name), arguments)
    }

    /// A fresh temporary directory, removed by the caller when done.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compares the XML parts of a package with the golden files in `directory`
    /// (one file per part, same relative path). With `RECORD_GOLDEN=1` the golden
    /// files are written instead. Returns a description of each difference.
    public static func compareWithGolden(package bytes: [UInt8], parts: [String], directory: URL) throws -> [String] {
        let entries = try ZipReader.entries(of: bytes)
        var problems: [String] = []
        for part in parts {
            guard let entry = entries.first(where: { $0.path == part }) else {
                problems.append("\(part): missing from package")
                continue
            }
            let golden = directory.appendingPathComponent(part)
            let actual = prettyXML(entry.data)
            if isRecording {
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: golden)
                continue
            }
            guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
                problems.append("\(part): no golden file at \(golden.lastPathComponent); run with RECORD_GOLDEN=1 to record")
                continue
            }
            if expected != actual {
                let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(e.count, a.count)).first(where: { e[$0] != a[$0] }) ?? min(e.count, a.count)
                let exp = line < e.count ? String(e[line]) : "<end>"
                let act = line < a.count ? String(a[line]) : "<end>"
                problems.append("\(part): differs at line \(line + 1)\n  golden: \(exp)\n  actual: \(act)\n(re-record with RECORD_GOLDEN=1 if the change is intended)")
            }
        }
        return problems
    }

    /// One element or text per line, so golden diffs are readable. The writers emit XML
    /// with no insignificant whitespace, so a newline before every `<` that follows `>`
    /// is enough and loses nothing that matters for comparison.
    public static func prettyXML(_ data: [UInt8]) -> String {
        String(decoding: data, as: UTF8.self).replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }
}

extension TestSupport {
    /// A 4 × 3 pixel red PNG (77 bytes), for tests that need a real picture.
    public static let samplePNG: [UInt8] = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAFElEQVR42mM8ISfHAANMDEgAhQMAJtoBCpDU3DQAAAAASUVORK5CYII=")!)

    /// An 8 × 4 pixel blue baseline JPEG (633 bytes).
    public static let sampleJPEG: [UInt8] = Array(Data(base64Encoded: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAEAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDxaiiiv2E88//Z")!)
}
