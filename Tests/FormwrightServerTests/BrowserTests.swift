import Formwright
import FormwrightServer
import Foundation
import Testing
import TestSupport

/// A real browser (Debian's chromium and chromium-driver, selenium from PyPI) fills a form
/// over real HTTP: the wrong national ID is flagged as it is typed and, after the submit, by
/// the server at its field in the page's language; corrected, the DOCX downloads and passes
/// validate-docx. CI sets FORMWRIGHT_SELENIUM_PYTHON (see .ci/run); elsewhere the test runs
/// when python3 has selenium and chromedriver is installed.
@Suite("Web forms in a real browser", .serialized)
struct BrowserTests {
    static let python: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["FORMWRIGHT_SELENIUM_PYTHON"] { return URL(fileURLWithPath: given) }
        let python = URL(fileURLWithPath: "/usr/bin/env")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
              let result = try? TestSupport.run(python, ["python3", "-c", "import selenium"]), result.status == 0 else { return nil }
        return python
    }()

    static var arguments: [String] { python?.lastPathComponent == "env" ? ["python3"] : [] }

    static let script = TestSupport.repositoryRoot.appendingPathComponent("Tests/Browser/forms_in_browser.py")

    @Test(.enabled(if: python != nil, "needs chromium, chromium-driver and selenium (CI installs them)"),
          arguments: [("ro", "Cifra de control"), ("bg", "Контролната цифра")])
    func aCaseWorkerFixesAWrongIDNPAndDownloadsTheDocx(_ locale: String, _ words: String) async throws {
        var configuration = ServerConfiguration(project: ServerFixture.project)
        configuration.port = 0
        configuration.canPrint = false
        let server = try RenderServer(configuration: configuration, logger: ServerFixture.logs.logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let serving = Task { try await server.run { port in continuation.yield(port) } }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())

        let example = ServerFixture.project.templatesDirectory.appendingPathComponent("referral-mobile-team/example.ro-MD.json")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: example)) as? [String: Any])
        let good = try #require((data["child"] as? [String: Any])?["pid"] as? String)
        let wrong = String(good.dropLast()) + String((Int(String(good.last!))! + 1) % 10)
        let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: downloads) }

        let python = try #require(Self.python)
        let arguments = Self.arguments + [
            Self.script.path, "http://127.0.0.1:\(port)", "referral-mobile-team", locale, example.path, "/child/pid", wrong, downloads.path,
        ]
        // The browser talks to this process's server: wait for it off the concurrency pool.
        let result = try await withCheckedThrowingContinuation { (waiting: CheckedContinuation<TestSupport.ProcessResult, any Error>) in
            DispatchQueue.global().async {
                waiting.resume(with: Result { try TestSupport.run(python, arguments) })
            }
        }
        #expect(result.status == 0, "\(result.output)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String], "\(result.output)")
        #expect(report["lang"] == locale)
        #expect(report["live"]?.contains(words) == true, "\(report)")
        #expect(report["server"]?.contains(words) == true, "\(report)")
        let docx = try #require(report["docx"])
        let validation = try TestSupport.runSharedTool("validate-docx", ["--strict", docx])
        #expect(validation.status == 0, "\(validation.output)")
    }
}
