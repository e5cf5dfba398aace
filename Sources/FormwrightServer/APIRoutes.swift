import Formwright
import Foundation
import Hummingbird
import Localization
import Synchronization
import TemplateData
import ZipSupport

/// `/healthz` and `/api/…`: the HTTP API that partners' systems call (docs/openapi.yaml).
struct APIRoutes<Context: RequestContext>: Sendable {
    let service: RenderService
    let metrics: ServiceMetrics?

    func add(to router: Router<Context>) {
        router.get("/healthz") { _, _ in
            let snapshot = service.snapshot
            return Self.json(["status": "ok", "templates": snapshot.templates.count])
        }
        let api = router.group("/api")
        api.get("/templates") { _, _ in
            Self.json(service.snapshot.templates.map(Self.summary))
        }
        api.get("/templates/{id}") { _, context in
            let (snapshot, template) = try lookup(context)
            var object = Self.summary(template)
            object["schema"] = Self.schemaJSON(template, library: snapshot.library) ?? NSNull()
            object["messages"] = template.package.definition.messages.map(\.id)
            return Self.json(object)
        }
        api.post("/templates/{id}/render") { request, context in
            try await render(request, context)
        }
        api.post("/templates/{id}/validate") { request, context in
            let (snapshot, template) = try lookup(context)
            let locale = try Self.locale(request, template: template)
            let body = try await Self.body(request, limit: service.configuration.maxBodySize)
            let format = try Self.dataFormat(request)
            let problems = snapshot.library.validate(
                template.id, data: .bytes(body, format: format, name: "request body"), locale: locale.identifier)
            guard problems.isEmpty else {
                throw ProblemError(problem: Problem(
                    status: .unprocessableContent, type: "invalid-data", title: "The data do not fit the template's schema",
                    detail: problems.first?.message, diagnostics: problems))
            }
            return Self.json(["valid": true])
        }
    }

    // MARK: Render

    func render(_ request: Request, _ context: Context) async throws -> Response {
        let (snapshot, template) = try lookup(context)
        let locale = try Self.locale(request, template: template)
        let format = try Self.deliveryFormat(request, template: template, canPrint: service.canPrint)
        let body = try await Self.body(request, limit: service.configuration.maxBodySize)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("application/x-ndjson") || contentType.hasPrefix("application/jsonl") {
            return try await batch(body, snapshot: snapshot, template: template, locale: locale, format: format)
        }
        let dataFormat = try Self.dataFormat(request)
        let document = try await renderOne(
            snapshot: snapshot, template: template.id, data: .bytes(body, format: dataFormat, name: "request body"), locale: locale,
            format: format)
        return Self.download(document.bytes, mediaType: document.mediaType, fileName: document.suggestedFileName, request: request)
    }

    /// One render on the render pool, admitted or refused with `503`, counted in the metrics.
    func renderOne(
        snapshot: RenderService.Snapshot, template: String, data: TemplateLibrary.DataSource, locale: LocaleID, format: DeliveryFormat
    ) async throws -> RenderedDocument {
        guard service.admission.enter() else { throw ProblemError(problem: .busy(retryAfter: 2)) }
        let start = ContinuousClock.now
        let library = snapshot.library
        var printing = service.configuration.printing
        printing.timeout = min(printing.timeout, service.configuration.requestTimeout)
        let options = TemplateLibrary.RenderOptions(printing: printing)
        let seconds = service.configuration.requestTimeout
        let service = service
        // The render runs on the pool and keeps its slot until it ends; past the time limit the
        // request is answered 503 at once and the render finishes on its thread (it is bounded
        // by the render limits), so a slow template cannot make the server take more work.
        let outcome: Result<RenderedDocument, FormwrightError>? = await withCheckedContinuation { continuation in
            let answer = Answer(continuation)
            let timer = Task {
                try? await Task.sleep(for: .seconds(seconds))
                if !Task.isCancelled { answer.give(nil) }
            }
            Task {
                let result = (try? await service.run { () -> Result<RenderedDocument, FormwrightError> in
                    do {
                        return .success(try library.render(template, data: data, locale: locale, format: format, options: options))
                    } catch let error as FormwrightError {
                        return .failure(error)
                    } catch {
                        return .failure(FormwrightError(.io, "\(error)"))
                    }
                }) ?? .failure(FormwrightError(.io, "the server is shutting down"))
                service.admission.leave()
                timer.cancel()
                answer.give(result)
            }
        }
        guard let outcome else {
            metrics?.failed(template: template, format: format.description, kind: "timeout")
            throw ProblemError(problem: Problem(
                status: .serviceUnavailable, type: "timeout", title: "The render took too long",
                detail: "the server gives a render at most \(Int(seconds)) s", retryAfter: 5))
        }
        switch outcome {
        case .success(let document):
            metrics?.rendered(template: template, format: format.description, duration: ContinuousClock.now - start)
            return document
        case .failure(let error):
            metrics?.failed(template: template, format: format.description, kind: error.kind.rawValue)
            throw ProblemError(problem: .from(error))
        }
    }

    /// NDJSON: one data object per line → a ZIP of the documents, named as a batch names them
    /// (`<id>-<locale>-<line>.<ext>`); any bad line refuses the whole batch, every problem at
    /// once, each pointer prefixed by its line.
    func batch(
        _ body: Data, snapshot: RenderService.Snapshot, template: TemplateLibrary.TemplateInfo, locale: LocaleID, format: DeliveryFormat
    ) async throws -> Response {
        let lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated().filter { !$0.element.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } }
        guard !lines.isEmpty else {
            throw ProblemError(problem: .badRequest(
                "the NDJSON body holds no record", code: "serve.empty-batch", suggestion: "send one JSON object per line"))
        }
        let width = max(4, String(lines.count).count)
        var entries: [ZipEntry] = []
        var problems: [Diagnostic] = []
        for (index, line) in lines {
            let name = "line \(index + 1)"
            do {
                let document = try await renderOne(
                    snapshot: snapshot, template: template.id, data: .bytes(Data(line), format: .json, name: name), locale: locale,
                    format: format)
                let number = String(repeating: "0", count: max(0, width - String(entries.count + 1).count)) + String(entries.count + 1)
                entries.append(ZipEntry(
                    path: "\(template.id)-\(locale.identifier)-\(number).\(format.fileExtension)", data: document.bytes, compression: .stored))
            } catch let error as ProblemError {
                guard error.problem.status == .unprocessableContent || error.problem.status == .contentTooLarge else { throw error }
                problems += error.problem.diagnostics.map { diagnostic in
                    var diagnostic = diagnostic
                    diagnostic.location.file = name
                    return diagnostic
                }
            }
        }
        guard problems.isEmpty else {
            throw ProblemError(problem: Problem(
                status: .unprocessableContent, type: "invalid-data", title: "Records of the batch do not fit the template's schema",
                detail: "\(Set(problems.compactMap(\.location.file)).count) of \(lines.count) records have problems; no document was made",
                diagnostics: problems))
        }
        let archive: [UInt8]
        do { archive = try ZipWriter.archive(entries) } catch {
            throw ProblemError(problem: Problem(status: .internalServerError, type: "io", title: "The ZIP could not be written", detail: "\(error)"))
        }
        return Self.download(archive, mediaType: "application/zip", fileName: "\(template.id)-\(locale.identifier).zip", chunked: true)
    }

    // MARK: Request parts

    func lookup(_ context: Context) throws -> (RenderService.Snapshot, TemplateLibrary.TemplateInfo) {
        let id = try context.parameters.require("id")
        let snapshot = service.snapshot
        guard TemplateIDs.isValid(id), let template = snapshot.template(id) else {
            var problem = Problem.notFound("no template '\(TemplateIDs.isValid(id) ? id : "…")'")
            if TemplateIDs.isValid(id), let close = Spelling.closest(to: id, among: snapshot.templates.map(\.id)) {
                problem.diagnostics = [Diagnostic(code: "serve.unknown-template", message: "no template '\(id)'", suggestion: "did you mean '\(close)'?")]
            }
            throw ProblemError(problem: problem)
        }
        return (snapshot, template)
    }

    static func locale(_ request: Request, template: TemplateLibrary.TemplateInfo) throws -> LocaleID {
        let tag = request.uri.queryParameters.get("locale") ?? "en"
        guard TemplateIDs.isValidLocale(tag), let locale = try? LocaleID.parse(tag) else {
            throw ProblemError(problem: .badRequest(
                "'\(TemplateIDs.isValidLocale(tag) ? tag : "…")' is not a locale", code: "serve.bad-locale",
                suggestion: "one of \(template.locales.map(\.identifier).joined(separator: ", "))"))
        }
        // ro-MD is served from ro's catalogs: any locale whose fallback chain reaches one the template has.
        guard template.locales.contains(locale) || locale.fallbackChain.dropFirst().contains(where: { $0 != .en && template.locales.contains($0) })
        else {
            throw ProblemError(problem: .badRequest(
                "the template has no catalog for \(locale.identifier)", code: "serve.unsupported-locale",
                suggestion: "one of \(template.locales.map(\.identifier).joined(separator: ", "))"))
        }
        return locale
    }

    static func deliveryFormat(_ request: Request, template: TemplateLibrary.TemplateInfo, canPrint: Bool) throws -> DeliveryFormat {
        let offered = template.formats.map { DeliveryFormat.package($0) } + (canPrint ? [.pdf, .pdfa] : [])
        guard let name = request.uri.queryParameters.get("format") else { return offered[0] }
        guard let format = DeliveryFormat(name: String(name)), offered.contains(format) else {
            throw ProblemError(problem: .badRequest(
                "the format '\(name.count <= 10 ? String(name) : "…")' is not offered for this template", code: "serve.bad-format",
                suggestion: "one of \(offered.map(\.description).joined(separator: ", "))"
                    + (canPrint ? "" : " (PDF needs LibreOffice on the server)")))
        }
        return format
    }

    static func dataFormat(_ request: Request) throws -> DataFormat {
        let type = request.headers[.contentType]?.lowercased() ?? "application/json"
        if type.hasPrefix("application/json") || type.hasSuffix("+json") { return .json }
        if type.hasPrefix("application/yaml") || type.hasPrefix("application/x-yaml") || type.hasPrefix("text/yaml") { return .yaml }
        throw ProblemError(problem: Problem(
            status: .unsupportedMediaType, type: "unsupported-media-type", title: "The body's media type is not read",
            detail: "send application/json, application/yaml or application/x-ndjson"))
    }

    static func body(_ request: Request, limit: Int) async throws -> Data {
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch {
            throw ProblemError(problem: Problem(
                status: .contentTooLarge, type: "limit", title: "The request body is too large",
                detail: "a request body may be at most \(limit) bytes"))
        }
        return Data(buffer.readableBytesView)
    }

    // MARK: Answers

    static func summary(_ template: TemplateLibrary.TemplateInfo) -> [String: Any] {
        [
            "id": template.id, "description": template.description,
            "title": Dictionary(uniqueKeysWithValues: template.title.map { ($0.key.identifier, $0.value) }),
            "locales": template.locales.map(\.identifier), "formats": template.formats.map(\.rawValue),
        ]
    }

    static func schemaJSON(_ template: TemplateLibrary.TemplateInfo, library: TemplateLibrary) -> Any? {
        let url = library.project.templatesDirectory.appendingPathComponent(template.id).appendingPathComponent("schema.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONSerialization.jsonObject(with: data)
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A document as an attachment, with a deterministic `ETag` (the same request gives the
    /// same bytes, so the same tag) and `304` when the client already has it.
    static func download(
        _ bytes: [UInt8], mediaType: String, fileName: String, request: Request? = nil, inline: Bool = false, chunked: Bool = false
    ) -> Response {
        let etag = "\"\(ETag.of(bytes))\""
        var headers = HTTPFields()
        headers[.eTag] = etag
        headers[.cacheControl] = "private, no-cache"
        if let match = request?.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = mediaType
        headers[.contentDisposition] = "\(inline ? "inline" : "attachment"); filename=\"\(fileName)\""
        guard chunked, bytes.count > 64 << 10 else {
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        let chunks = stride(from: 0, to: bytes.count, by: 64 << 10).map { ByteBuffer(bytes: bytes[$0..<min($0 + (64 << 10), bytes.count)]) }
        return Response(status: .ok, headers: headers, body: .init(contentsOf: chunks))
    }
}

/// A deterministic entity tag: FNV-1a (64 bit) of the bytes and their length.
enum ETag {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16) + "-" + String(bytes.count, radix: 16)
    }
}

/// Resumes a continuation once: with the render's result or with the timer's nil, whichever
/// comes first.
final class Answer<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T?, Never>?>

    init(_ continuation: CheckedContinuation<T?, Never>) { self.continuation = Mutex(continuation) }

    func give(_ value: T?) {
        continuation.withLock { waiting in
            waiting?.resume(returning: value)
            waiting = nil
        }
    }
}
