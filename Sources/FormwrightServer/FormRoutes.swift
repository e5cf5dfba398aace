import Formwright
import Foundation
import HTTPTypes
import Hummingbird
import Localization
import TemplateData
import WebForms

/// `/forms/…`: the web forms, generated from each template's schema, in the page's language.
/// Stateless: the CSRF token is a random value in a `SameSite=Strict` cookie that the form
/// posts back (double submit), so any replica behind a load balancer can take the post.
struct FormRoutes<Context: RequestContext>: Sendable {
    let service: RenderService
    let api: APIRoutes<Context>

    static var cookieName: String { "formwright_csrf" }

    func add(to router: Router<Context>) {
        router.get(RouterPath(WebForm.scriptPath)) { _, _ in
            Self.asset(WebForm.script, type: "text/javascript; charset=utf-8")
        }
        router.get(RouterPath(WebForm.stylesheetPath)) { _, _ in
            Self.asset(WebForm.stylesheet, type: "text/css; charset=utf-8")
        }
        router.get("/forms") { request, _ in
            index(request)
        }
        router.get("/forms/{id}") { request, context in
            let (snapshot, template) = try api.lookup(context)
            let locale = try APIRoutes<Context>.locale(request, template: template)
            let token = request.cookies[Self.cookieName].map(\.value).flatMap { Self.isToken($0) ? $0 : nil } ?? Self.newToken()
            return page(snapshot: snapshot, template: template, locale: locale, values: nil, errors: [], token: token, status: .ok)
        }
        router.post("/forms/{id}") { request, context in
            try await submit(request, context, preview: false)
        }
        router.post("/forms/{id}/preview") { request, context in
            try await submit(request, context, preview: true)
        }
    }

    func submit(_ request: Request, _ context: Context, preview: Bool) async throws -> Response {
        let (snapshot, template) = try api.lookup(context)
        let locale = try APIRoutes<Context>.locale(request, template: template)
        guard let schema = template.schema else { throw ProblemError(problem: .notFound("the template has no form")) }
        let body = try await APIRoutes<Context>.body(request, limit: service.configuration.maxBodySize)
        let messages = FormMessages(catalogs: snapshot.formCatalogs, locale: locale)
        let cookie = request.cookies[Self.cookieName]?.value ?? ""

        let submission: FormSubmission
        do {
            submission = try WebForm.submission(urlEncoded: Array(body), schema: schema)
        } catch {
            let values = (try? WebForm.decode(urlEncoded: Array(body), schema: schema))
            let problems = error.errors.map { FieldProblem(pointer: $0.pointer?.description ?? "", code: Self.code(of: $0.code)) }
            let errors = WebForm.fieldErrors(problems, schema: schema, data: values ?? .object([:]), messages: messages, locale: locale)
            return page(snapshot: snapshot, template: template, locale: locale, values: values, errors: errors,
                        token: Self.isToken(cookie) ? cookie : Self.newToken(), status: .unprocessableContent)
        }
        // CSRF: the token posted must be the cookie's, and a browser that says where the post
        // comes from must say it comes from this site.
        let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        guard Self.isToken(cookie), let posted = submission.csrfToken,
              BearerTokenMiddleware<Context>.constantTimeEqual(Array(posted.utf8), Array(cookie.utf8)),
              site == nil || site == "same-origin" || site == "none"
        else {
            let message = messages.uiText("form.error.expired", locale: locale)
            return page(snapshot: snapshot, template: template, locale: locale, values: submission.data,
                        errors: [FormFieldError(pointer: JSONPointer(tokens: []), message: message)],
                        token: Self.isToken(cookie) ? cookie : Self.newToken(), status: .forbidden)
        }
        if submission.addRowTo != nil {
            return page(snapshot: snapshot, template: template, locale: locale, values: submission.data, errors: [], token: cookie, status: .ok)
        }
        // The server is the authority: the schema's checks, national IDs included.
        let problems = snapshot.library.validate(template.id, data: .value(submission.data))
        guard problems.isEmpty else {
            let fieldProblems = problems.map { FieldProblem(pointer: $0.location.jsonPointer ?? "", code: Self.dataCode($0.code)) }
            let errors = WebForm.fieldErrors(fieldProblems, schema: schema, data: submission.data, messages: messages, locale: locale)
            return page(snapshot: snapshot, template: template, locale: locale, values: submission.data, errors: errors,
                        token: cookie, status: .unprocessableContent)
        }
        let formatName = preview ? "png" : (submission.format ?? template.formats[0].rawValue)
        guard let format = DeliveryFormat(name: formatName),
              (template.formats.map { DeliveryFormat.package($0) } + (service.canPrint ? [.pdf, .png] : [])).contains(format)
        else {
            throw ProblemError(problem: .badRequest("the format is not offered", code: "serve.bad-format"))
        }
        let document = try await api.renderOne(
            snapshot: snapshot, template: template.id, data: .value(submission.data), locale: locale, format: format)
        return APIRoutes<Context>.download(
            document.bytes, mediaType: document.mediaType, fileName: document.suggestedFileName, inline: format == .png)
    }

    func page(
        snapshot: RenderService.Snapshot, template: TemplateLibrary.TemplateInfo, locale: LocaleID, values: Value?,
        errors: [FormFieldError], token: String, status: HTTPResponse.Status
    ) -> Response {
        guard let schema = template.schema else {
            return Problem.notFound("the template has no data schema, so no form").response
        }
        let title = locale.fallbackChain.lazy.compactMap { template.title[$0] }.first ?? template.id
        let formats: [WebForms.DocumentFormat] = template.formats.compactMap { WebForms.DocumentFormat(rawValue: $0.rawValue) }
            + (service.canPrint ? [.pdf] : [])
        let request = FormPageRequest(
            templateID: template.id, templateTitle: title, schema: schema, locale: locale,
            availableLocales: Self.locales(of: template), messages: FormMessages(catalogs: snapshot.formCatalogs, locale: locale),
            values: values, errors: errors, csrfToken: token, action: "/forms/\(template.id)?locale=\(locale.identifier)",
            formats: formats, previewURL: service.canPrint ? "/forms/\(template.id)/preview?locale=\(locale.identifier)" : nil)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.setCookie] = "\(Self.cookieName)=\(token); Path=/forms; HttpOnly; SameSite=Strict"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: WebForm.page(request))))
    }

    /// The page's language switcher: the template's locales, and ro-MD where ro is there.
    static func locales(of template: TemplateLibrary.TemplateInfo) -> [LocaleID] {
        LocaleID.supported.filter { locale in
            template.locales.contains(locale) || locale.fallbackChain.dropFirst().contains { $0 != .en && template.locales.contains($0) }
        }
    }

    /// A list of the forms, titles in the page's language.
    func index(_ request: Request) -> Response {
        let snapshot = service.snapshot
        let tag = request.uri.queryParameters.get("locale").map { String($0) } ?? "en"
        let locale = (TemplateIDs.isValidLocale(tag) ? try? LocaleID.parse(tag) : nil) ?? .en
        var html = "<!DOCTYPE html>\n<html lang=\"\(locale.identifier)\"><head><meta charset=\"utf-8\"/>"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>Formwright</title>"
        html += "<link rel=\"stylesheet\" href=\"\(WebForm.stylesheetPath)\"/></head><body><main><h1>Formwright</h1><ul>"
        for template in snapshot.templates where template.schema != nil {
            let title = locale.fallbackChain.lazy.compactMap { template.title[$0] }.first ?? template.id
            html += "<li><a href=\"/forms/\(template.id)?locale=\(locale.identifier)\">\(Self.escaped(title))</a></li>"
        }
        html += "</ul></main></body></html>\n"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func asset(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word: UInt64 = generator.next()
            return String(word, radix: 16).leftPadded(16)
        }.joined()
    }

    static func isToken(_ value: String) -> Bool {
        value.utf8.count == 64 && value.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    static func code(of code: FormDecodingError.Code) -> String {
        switch code {
        case .notANumber, .notAWholeNumber, .notABoolean: "type"
        case .notAChoice: "not-allowed"
        case .tooManyRows: "item-count"
        case .unknownField: "unknown-property"
        case .malformedBody: "invalid"
        }
    }

    static func dataCode(_ code: String) -> String { code.hasPrefix("data.") ? String(code.dropFirst(5)) : "invalid" }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
