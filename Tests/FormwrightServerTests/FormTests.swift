import Formwright
import FormwrightServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Localization
import Testing
import TemplateData
import TestSupport
import WebForms
import ZipSupport

@Suite("Web forms over HTTP")
struct FormTests {
    /// A data value as the form posts it: one `pointer=value` pair per leaf.
    static func formBody(_ value: Value, pointer: String = "", into pairs: inout [(String, String)]) {
        switch value {
        case .object(let object):
            for (key, element) in object { formBody(element, pointer: pointer + "/" + key, into: &pairs) }
        case .array(let array):
            for (index, element) in array.enumerated() { formBody(element, pointer: pointer + "/\(index)", into: &pairs) }
        case .bool(let flag): pairs.append((pointer, flag ? "true" : "false"))
        case .number(let number): pairs.append((pointer, "\(number)"))
        case .string(let text): pairs.append((pointer, text))
        case .null: break
        }
    }

    static func encoded(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    static func post(_ json: Data, token: String, format: String = "docx") throws -> String {
        let value = try DataLoader().load(Array(json), path: "data", format: .json).value
        var pairs: [(String, String)] = []
        formBody(value, into: &pairs)
        return encoded(pairs + [("_csrf", token), ("_format", format)])
    }

    static func example(_ template: String, _ locale: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: ServerFixture.example(template, locale)) as? [String: Any])
    }

    /// The token the page set in its cookie and its hidden field.
    static func token(_ response: TestResponse) throws -> String {
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let value = try #require(cookie.split(separator: ";").first?.split(separator: "=").last.map(String.init))
        #expect(response.body.text.contains("value=\"\(value)\""))
        return value
    }

    @Test(arguments: ["bg", "ro", "ro-MD", "it", "en"])
    func theFormIsInThePagesLanguage(_ locale: String) async throws {
        try await ServerFixture.test(ServerFixture.plain) { client in
            let response = try await client.execute(uri: "/forms/consent-data-sharing?locale=\(locale)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.body.text
            #expect(html.contains("lang=\"\(locale)\" xml:lang=\"\(locale)\"><head>"))
            #expect(html.contains(WebForm.scriptPath) && html.contains(WebForm.stylesheetPath))
            _ = try Self.token(response)
        }
    }

    @Test func theAssetsAreServed() async throws {
        try await ServerFixture.test(ServerFixture.plain) { client in
            let script = try await client.execute(uri: WebForm.scriptPath, method: .get)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.body.text == WebForm.script)
            let css = try await client.execute(uri: WebForm.stylesheetPath, method: .get)
            #expect(css.body.text == WebForm.stylesheet)
            let index = try await client.execute(uri: "/forms?locale=bg", method: .get)
            #expect(index.body.text.contains("href=\"/forms/consent-data-sharing?locale=bg\""))
        }
    }

    @Test func aFilledFormDownloadsTheDocument() async throws {
        let data = try Self.example("consent-data-sharing", "ro")
        let name = try #require((data["child"] as? [String: Any])?["first_name"] as? String ?? (data["child"] as? [String: Any])?["name"] as? String)
        let json = try JSONSerialization.data(withJSONObject: data)
        try await ServerFixture.test(ServerFixture.plain) { client in
            let page = try await client.execute(uri: "/forms/consent-data-sharing?locale=ro", method: .get)
            let token = try Self.token(page)
            let body = try Self.post(json, token: token)
            let response = try await client.execute(
                uri: "/forms/consent-data-sharing?locale=ro", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "formwright_csrf=\(token)"],
                body: ByteBuffer(string: body))
            #expect(response.status == .ok, "\(response.body.text.prefix(3000))")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"consent-data-sharing-ro.docx\"")
            let entries = try ZipReader.entries(of: response.body.bytes)
            let document = try #require(entries.first { $0.path == "word/document.xml" })
            #expect(String(decoding: document.data, as: UTF8.self).contains(name))
        }
    }

    @Test func aWrongIDNPIsShownAtItsFieldInTheLanguageOfThePage() async throws {
        var data = try Self.example("referral-mobile-team", "ro-MD")
        var child = try #require(data["child"] as? [String: Any])
        let good = try #require(child["pid"] as? String)
        child["pid"] = String(good.dropLast()) + String((Int(String(good.last!))! + 1) % 10)
        data["child"] = child
        let typed = try #require(child["pid"] as? String)
        let catalogs = try TemplateLibrary(project: ServerFixture.project).catalogs(domains: [WebForm.catalogDomain])
        let expected = FormMessages(catalogs: catalogs, locale: .roMD).uiText("form.id.checksum", locale: .roMD)
        #expect(expected != FormMessages.english.uiText("form.id.checksum", locale: .en))
        let json = try JSONSerialization.data(withJSONObject: data)
        try await ServerFixture.test(ServerFixture.plain) { client in
            let page = try await client.execute(uri: "/forms/referral-mobile-team?locale=ro-MD", method: .get)
            let token = try Self.token(page)
            let body = try Self.post(json, token: token)
            let response = try await client.execute(
                uri: "/forms/referral-mobile-team?locale=ro-MD", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "formwright_csrf=\(token)"],
                body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableContent)
            let html = response.body.text
            #expect(html.contains(expected), "\(html.prefix(2000))")
            #expect(html.contains("aria-invalid=\"true\""))
            // What was typed comes back, so nothing is lost.
            #expect(html.contains(typed))
        }
    }

    @Test(arguments: [("missing", nil), ("other", nil), ("same", "cross-site")] as [(String, String?)])
    func aPostWithoutTheRightTokenOrFromAnotherSiteIsRefused(_ cookie: String, _ site: String?) async throws {
        let data = try Self.example("consent-data-sharing", "bg")
        let json = try JSONSerialization.data(withJSONObject: data)
        try await ServerFixture.test(ServerFixture.plain) { client in
            let page = try await client.execute(uri: "/forms/consent-data-sharing?locale=bg", method: .get)
            let token = try Self.token(page)
            let body = try Self.post(json, token: token)
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            switch cookie {
            case "same": headers[.cookie] = "formwright_csrf=\(token)"
            case "other": headers[.cookie] = "formwright_csrf=\(String(repeating: "ab", count: 32))"
            default: break
            }
            if let site { headers[HTTPField.Name("Sec-Fetch-Site")!] = site }
            let response = try await client.execute(
                uri: "/forms/consent-data-sharing?locale=bg", method: .post, headers: headers,
                body: ByteBuffer(string: body))
            #expect(response.status == .forbidden)
            #expect(response.headers[.contentDisposition] == nil)
        }
    }
}
