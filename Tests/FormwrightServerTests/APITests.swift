import Formwright
import FormwrightServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import ZipSupport

@Suite("HTTP API")
struct APITests {
    @Test func healthzCountsTheTemplates() async throws {
        let templates = ServerFixture.project.templateIDs.count
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let body = ServerFixture.json(response.body)
            #expect(body["status"] as? String == "ok")
            #expect(body["templates"] as? Int == templates)
        }
    }

    @Test func templatesListsEveryTemplateWithItsLocalesAndTitles() async throws {
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(uri: "/api/templates", method: .get)
            #expect(response.status == .ok)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
            #expect(list.map { $0["id"] as? String } == ServerFixture.project.templateIDs.map { $0 })
            let consent = try #require(list.first { $0["id"] as? String == "consent-data-sharing" })
            #expect((consent["locales"] as? [String])?.contains("bg") == true)
            #expect((consent["title"] as? [String: String])?["bg"]?.isEmpty == false)
            #expect((consent["formats"] as? [String]) == ["odt", "docx"])
        }
    }

    @Test func oneTemplateHasItsSchemaAndMessages() async throws {
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(uri: "/api/templates/consent-data-sharing", method: .get)
            #expect(response.status == .ok)
            let body = ServerFixture.json(response.body)
            #expect((body["schema"] as? [String: Any])?["properties"] != nil)
            #expect((body["messages"] as? [String])?.contains("consent.meta.title") == true)
        }
    }

    @Test(arguments: ["/api/templates/consent-data-sharin", "/api/templates/..%2F..%2Fetc", "/api/templates/Consent"])
    func anUnknownOrHostileTemplateIDIsNotFound(_ uri: String) async throws {
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
            let body = ServerFixture.json(response.body)
            #expect(body["status"] as? Int == 404)
            if uri.hasSuffix("consent-data-sharin") {
                let errors = try #require(body["errors"] as? [[String: Any]])
                #expect(errors.first?["suggestion"] as? String == "did you mean 'consent-data-sharing'?")
            }
        }
    }

    @Test(arguments: ["docx", "odt"])
    func renderAnswersTheDocumentWithADeterministicETag(_ format: String) async throws {
        let data = try ServerFixture.example("consent-data-sharing", "bg")
        try await ServerFixture.test(ServerFixture.plain) { client in
            let uri = "/api/templates/consent-data-sharing/render?locale=bg&format=\(format)"
            let headers: HTTPFields = [.contentType: "application/json"]
            let first = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: data))
            #expect(first.status == .ok)
            #expect(first.headers[.contentDisposition] == "attachment; filename=\"consent-data-sharing-bg.\(format)\"")
            #expect(first.headers[.contentType]?.hasPrefix("application/vnd.") == true)
            let bytes = first.body.bytes
            let entries = try ZipReader.entries(of: bytes)
            #expect(entries.contains { $0.path == (format == "docx" ? "word/document.xml" : "content.xml") })
            let etag = try #require(first.headers[.eTag])

            let second = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: data))
            #expect(second.headers[.eTag] == etag)
            #expect(second.body.bytes == bytes)

            var conditional = headers
            conditional[.ifNoneMatch] = etag
            let third = try await client.execute(uri: uri, method: .post, headers: conditional, body: ByteBuffer(bytes: data))
            #expect(third.status == .notModified)
        }
    }

    @Test func renderedDocxPassesTheValidator() async throws {
        let data = try ServerFixture.example("consent-data-sharing", "ro")
        let bytes = try await ServerFixture.test(ServerFixture.plain) { client in
            try await client.execute(
                uri: "/api/templates/consent-data-sharing/render?locale=ro&format=docx", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(bytes: data)
            ).body.bytes
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-api-\(UUID().uuidString).docx")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TestSupport.runSharedTool("validate-docx", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func yamlBodiesAreRead() async throws {
        // JSON is YAML: the same example sent as application/yaml goes through the YAML reader.
        let yaml = try String(contentsOf: ServerFixture.project.templatesDirectory.appendingPathComponent("session-minutes/example.ro.json"), encoding: .utf8)
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(
                uri: "/api/templates/session-minutes/render?locale=ro", method: .post,
                headers: [.contentType: "application/yaml"], body: ByteBuffer(string: yaml))
            #expect(response.status == .ok, "\(response.body.text)")
        }
    }

    @Test func invalidDataIsAProblemWithEveryPointer() async throws {
        var data = try #require(try JSONSerialization.jsonObject(with: ServerFixture.example("referral-mobile-team", "ro-MD")) as? [String: Any])
        var child = try #require(data["child"] as? [String: Any])
        let good = try #require(child["pid"] as? String)
        child["pid"] = String(good.dropLast()) + String((Int(String(good.last!))! + 1) % 10)   // a wrong check digit
        child["date_of_birth"] = "17.05.2014"
        data["child"] = child
        let body = try JSONSerialization.data(withJSONObject: data)
        try await ServerFixture.test(ServerFixture.plain) { client in
            for path in ["render", "validate"] {
                let response = try await client.execute(
                    uri: "/api/templates/referral-mobile-team/\(path)?locale=ro-MD", method: .post,
                    headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body))
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json")
                let errors = try #require(ServerFixture.json(response.body)["errors"] as? [[String: Any]])
                let pointers = Set(errors.compactMap { $0["pointer"] as? String })
                #expect(pointers.isSuperset(of: ["/child/pid", "/child/date_of_birth"]), "\(errors)")
                // The CLI's words: the line `formwright render` prints, with the pointer.
                #expect(errors.contains { ($0["text"] as? String)?.contains("/child/date_of_birth: expected a date") == true })
                #expect(errors.allSatisfy { ($0["code"] as? String)?.hasPrefix("data.") == true })
            }
        }
    }

    @Test func validDataValidates() async throws {
        let data = try ServerFixture.example("referral-mobile-team", "ro-MD")
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(
                uri: "/api/templates/referral-mobile-team/validate?locale=ro-MD", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(bytes: data))
            #expect(response.status == .ok)
            #expect(ServerFixture.json(response.body)["valid"] as? Bool == true)
        }
    }

    @Test(arguments: [
        ("locale=xx-YY", "serve.bad-locale", HTTPResponse.Status.badRequest),
        ("locale=../../etc", "serve.bad-locale", .badRequest),
        ("locale=bg&format=rtf", "serve.bad-format", .badRequest),
        ("locale=bg&format=pdf", "serve.bad-format", .badRequest),   // no LibreOffice in this server
    ])
    func badParametersAreRefusedWithTheirCode(_ query: String, _ code: String, _ status: HTTPResponse.Status) async throws {
        let data = try ServerFixture.example("consent-data-sharing", "bg")
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(
                uri: "/api/templates/consent-data-sharing/render?\(query)", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(bytes: data))
            #expect(response.status == status)
            let errors = ServerFixture.json(response.body)["errors"] as? [[String: Any]]
            #expect(errors?.first?["code"] as? String == code)
        }
    }

    @Test func anUnreadMediaTypeIs415() async throws {
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(
                uri: "/api/templates/consent-data-sharing/render?locale=bg", method: .post,
                headers: [.contentType: "text/plain"], body: ByteBuffer(string: "{}"))
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test func syntaxErrorsCarryLineAndColumn() async throws {
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(
                uri: "/api/templates/consent-data-sharing/render?locale=bg", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\n  \"a\": 1,,\n}"))
            #expect(response.status == .unprocessableContent)
            let error = try #require((ServerFixture.json(response.body)["errors"] as? [[String: Any]])?.first)
            #expect(error["line"] as? Int == 2)
            #expect(error["file"] as? String == "request body")
        }
    }

    @Test func securityHeadersAreOnEveryAnswer() async throws {
        try await ServerFixture.test(ServerFixture.plain) { client in
            for uri in ["/healthz", "/api/templates", "/api/templates/nope", "/forms/consent-data-sharing?locale=bg"] {
                let response = try await client.execute(uri: uri, method: .get)
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func ndjsonRendersABatchIntoAZip() async throws {
        let record = try ServerFixture.example("consent-data-sharing", "bg")
        let line = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: record))
        let body = Data((0..<3).flatMap { _ in Array(line) + [0x0A] })
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(
                uri: "/api/templates/consent-data-sharing/render?locale=bg&format=docx", method: .post,
                headers: [.contentType: "application/x-ndjson"], body: ByteBuffer(bytes: body))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/zip")
            let entries = try ZipReader.entries(of: response.body.bytes)
            #expect(entries.map(\.path) == (1...3).map { "consent-data-sharing-bg-000\($0).docx" })
            #expect(try entries.allSatisfy { try ZipReader.entries(of: $0.data).contains { $0.path == "word/document.xml" } })
        }
    }

    @Test func aBadBatchLineRefusesTheBatchNamingTheLine() async throws {
        let record = try ServerFixture.example("consent-data-sharing", "bg")
        let line = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: record))
        let body = Data(Array(line) + [0x0A] + Array("{\"child\": 5}\n".utf8))
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(
                uri: "/api/templates/consent-data-sharing/render?locale=bg", method: .post,
                headers: [.contentType: "application/x-ndjson"], body: ByteBuffer(bytes: body))
            #expect(response.status == .unprocessableContent)
            let errors = try #require(ServerFixture.json(response.body)["errors"] as? [[String: Any]])
            #expect(!errors.isEmpty)
            #expect(errors.allSatisfy { $0["file"] as? String == "line 2" })
        }
    }

    @Test func metricsCountRendersByTemplateAndFormat() async throws {
        let data = try ServerFixture.example("consent-data-sharing", "it")
        try await ServerFixture.test(ServerFixture.plain) { client in
            _ = try await client.execute(
                uri: "/api/templates/consent-data-sharing/render?locale=it&format=odt", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(bytes: data))
            let metrics = try await client.execute(uri: "/metrics", method: .get).body.text
            #expect(metrics.contains("formwright_renders_total{template=\"consent-data-sharing\",format=\"odt\"}")
                || metrics.contains("formwright_renders_total{format=\"odt\",template=\"consent-data-sharing\"}"), "\(metrics.prefix(2000))")
            #expect(metrics.contains("formwright_render_duration_seconds_bucket"))
            #expect(metrics.contains("formwright_http_requests_total"))
        }
    }

    @Test func logsHoldNoPersonalData() async throws {
        var data = try #require(try JSONSerialization.jsonObject(with: ServerFixture.example("referral-mobile-team", "ro-MD")) as? [String: Any])
        var child = try #require(data["child"] as? [String: Any])
        child["first_name"] = "Zamfirescu-Unicornă"
        data["child"] = child
        let body = try JSONSerialization.data(withJSONObject: data)
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(
                uri: "/api/templates/referral-mobile-team/render?locale=ro-MD&x=Zamfirescu", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body))
            #expect(response.status == .ok)
        }
        let lines = ServerFixture.logs.lines.withLock { $0 }
        #expect(lines.contains { $0.contains("template=referral-mobile-team") && $0.contains("status=200") })
        #expect(!lines.contains { $0.contains("Zamfirescu") || $0.contains("Unicorn") })
    }
}

@Suite("HTTP API: tokens and limits")
struct GuardedAPITests {
    static let token = "s3cret-token-for-tests-0123456789abcdef"

    @Test(arguments: [nil, "Bearer wrong", "Bearer s3cret-token-for-tests-0123456789abcde", "Basic czNjcmV0"])
    func theAPIAsksForAToken(_ authorization: String?) async throws {
        try await ServerFixture.test(ServerFixture.guarded) { client in
            var headers = HTTPFields()
            if let authorization { headers[.authorization] = authorization }
            let response = try await client.execute(uri: "/api/templates", method: .get, headers: headers)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"formwright\"")
        }
    }

    @Test func theRightTokenIsLetThroughAndHealthzAsksNone() async throws {
        try await ServerFixture.test(ServerFixture.guarded) { client in
            let api = try await client.execute(uri: "/api/templates", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
            #expect(api.status == .ok)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await ServerFixture.test(ServerFixture.guarded) { client in
            let response = try await client.execute(
                uri: "/api/templates/consent-data-sharing/render?locale=bg", method: .post,
                headers: [.authorization: "Bearer \(Self.token)", .contentType: "application/json"],
                body: ByteBuffer(string: "{\"x\": \"" + String(repeating: "a", count: 70_000) + "\"}"))
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func aTokenFileIsReadLineByLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-tokens-\(UUID().uuidString)")
        try "# partners\n  alpha-token \n\nbeta-token\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try ServerConfiguration.tokens(fromFile: file) == ["alpha-token", "beta-token"])
        try "# none\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: FormwrightError.self) { try ServerConfiguration.tokens(fromFile: file) }
    }
}
