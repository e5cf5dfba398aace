import Formwright
import Foundation
import Hummingbird

/// An RFC 9457 problem document (`application/problem+json`) carrying every diagnostic, each
/// with its JSON pointer or file location, in the words the CLI prints.
struct Problem: Sendable {
    var status: HTTPResponse.Status
    var type: String
    var title: String
    var detail: String?
    var diagnostics: [Diagnostic] = []
    var retryAfter: Int?

    static let mediaType = "application/problem+json"

    /// The status a library error is answered with.
    static func from(_ error: FormwrightError) -> Problem {
        let (status, type, title): (HTTPResponse.Status, String, String) = switch error.kind {
        case .data: (.unprocessableContent, "invalid-data", "The data do not fit the template's schema")
        case .limit: (.contentTooLarge, "limit", "A limit was reached")
        case .usage, .locale: (.badRequest, "bad-request", "The request cannot be served as given")
        case .template, .catalog: (.internalServerError, "template", "The template or its catalogs have errors")
        case .io: (.internalServerError, "io", "The document could not be made")
        }
        return Problem(status: status, type: type, title: title, detail: error.diagnostics.first?.message, diagnostics: error.diagnostics)
    }

    var json: [UInt8] {
        var object: [String: Any] = ["type": "https://formwright.invalid/problems/\(type)", "title": title, "status": Int(status.code)]
        if let detail { object["detail"] = detail }
        if !diagnostics.isEmpty {
            object["errors"] = diagnostics.map { diagnostic -> [String: Any] in
                var entry: [String: Any] = [
                    "code": diagnostic.code, "severity": diagnostic.severity.rawValue, "message": diagnostic.message,
                    "text": diagnostic.description,
                ]
                let location = diagnostic.location
                if let pointer = location.jsonPointer { entry["pointer"] = pointer }
                if let file = location.file { entry["file"] = file }
                if let line = location.line { entry["line"] = line }
                if let column = location.column { entry["column"] = column }
                if let suggestion = diagnostic.suggestion { entry["suggestion"] = suggestion }
                return entry
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = Self.mediaType
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}

/// Thrown by a handler to answer with a problem document.
struct ProblemError: Error, HTTPResponseError {
    let problem: Problem
    var status: HTTPResponse.Status { problem.status }
    var headers: HTTPFields { problem.response.headers }
    func response(from request: Request, context: some RequestContext) throws -> Response { problem.response }
}

extension Problem {
    static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, type: "not-found", title: "Not found", detail: what)
    }

    static func badRequest(_ detail: String, code: String, suggestion: String? = nil) -> Problem {
        Problem(
            status: .badRequest, type: "bad-request", title: "The request cannot be served as given", detail: detail,
            diagnostics: [Diagnostic(code: code, message: detail, suggestion: suggestion)])
    }

    static func busy(retryAfter: Int) -> Problem {
        Problem(
            status: .serviceUnavailable, type: "busy", title: "Every render slot is taken",
            detail: "the server is rendering as many documents as it may; try again shortly", retryAfter: retryAfter)
    }
}
