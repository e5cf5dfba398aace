import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Security headers on every answer: a strict CSP (the form loads only its own script and
/// stylesheet), no MIME sniffing, no framing, no referrer.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as ProblemError {
            response = error.problem.response
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}

/// One log line per request, with what may be logged: method, route (the path pattern, so no
/// value typed into a URL), template, locale, sizes, status and duration. Never the body, a
/// field value or a query other than `locale` and `format`.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let metrics: ServiceMetrics?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        var size: Int?
        defer {
            let elapsed = ContinuousClock.now - start
            let route = context.endpointPath ?? "unmatched"
            var metadata: Logger.Metadata = [
                "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
                "ms": "\(Self.milliseconds(elapsed))",
            ]
            if let id = context.parameters.get("id"), TemplateIDs.isValid(id) { metadata["template"] = "\(id)" }
            if let locale = request.uri.queryParameters.get("locale"), TemplateIDs.isValidLocale(locale) { metadata["locale"] = "\(locale)" }
            if let length = request.headers[.contentLength] { metadata["request_bytes"] = "\(length)" }
            if let size { metadata["response_bytes"] = "\(size)" }
            logger.info("request", metadata: metadata)
            metrics?.requests(route: route, status: status)
        }
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            size = response.body.contentLength
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            throw error
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.1f", ms)
    }
}

/// `Authorization: Bearer <token>` on `/api/`, compared in constant time with each configured
/// token; nothing is asked when no token is configured.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: [[UInt8]]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !tokens.isEmpty, request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let header = request.headers[.authorization] ?? ""
        let given = header.hasPrefix("Bearer ") ? Array(header.utf8.dropFirst(7)) : []
        // Every token is compared, whatever matched, so the time taken does not tell which.
        var matched = false
        for token in tokens { matched = Self.constantTimeEqual(given, token) || matched }
        guard matched else {
            var response = Problem(
                status: .unauthorized, type: "unauthorized", title: "A bearer token is needed",
                detail: "send Authorization: Bearer <token> with a token from the server's token file").response
            response.headers[.wwwAuthenticate] = "Bearer realm=\"formwright\""
            return response
        }
        return try await next(request, context)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}

/// Template ids and locales from a URL: checked before they reach the file system.
enum TemplateIDs {
    /// A folder name of lower-case letters, digits and dashes (no dots, no slashes).
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 100 && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && !id.hasPrefix("-")
    }

    /// A BCP 47 tag's shape: letters, digits and dashes, at most 35 characters.
    static func isValidLocale(_ tag: String) -> Bool {
        !tag.isEmpty && tag.count <= 35
            && tag.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
