import FormwrightServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import Yams

/// docs/openapi.yaml describes the server as it is: every documented operation answers, with
/// a status and a media type the document lists for it.
@Suite("OpenAPI document")
struct OpenAPITests {
    struct Operation: Sendable, CustomStringConvertible {
        let path: String
        let method: String
        let statuses: Set<String>
        let mediaTypes: [String: Set<String>]
        var description: String { "\(method.uppercased()) \(path)" }
    }

    static let operations: [Operation] = {
        let url = TestSupport.repositoryRoot.appendingPathComponent("docs/openapi.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let root = try? Yams.load(yaml: text) as? [String: Any], let paths = root["paths"] as? [String: Any] else { return [] }
        let components = (root["components"] as? [String: Any])?["responses"] as? [String: Any] ?? [:]
        var out: [Operation] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, operation) in (item as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let responses = (operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                var types: [String: Set<String>] = [:]
                for (status, response) in responses {
                    var response = response as? [String: Any] ?? [:]
                    if let ref = response["$ref"] as? String { response = components[String(ref.split(separator: "/").last!)] as? [String: Any] ?? [:] }
                    types[status] = Set(((response["content"] as? [String: Any]) ?? [:]).keys)
                }
                out.append(Operation(path: path, method: method, statuses: Set(responses.keys), mediaTypes: types))
            }
        }
        return out
    }()

    @Test func theDocumentListsTheOperations() {
        #expect(Self.operations.map(\.description).sorted() == [
            "GET /api/templates", "GET /api/templates/{id}", "GET /forms", "GET /forms/{id}", "GET /healthz", "GET /metrics",
            "POST /api/templates/{id}/render", "POST /api/templates/{id}/validate", "POST /forms/{id}", "POST /forms/{id}/preview",
        ])
    }

    @Test(arguments: operations)
    func everyOperationAnswersAsDocumented(_ operation: Operation) async throws {
        let data = try ServerFixture.example("consent-data-sharing", "bg")
        try await ServerFixture.test(ServerFixture.plain) { client in
            for id in ["consent-data-sharing", "no-such-template"] where operation.path.contains("{id}") || id == "consent-data-sharing" {
                let uri = operation.path.replacingOccurrences(of: "{id}", with: id) + "?locale=bg"
                let isForm = operation.path.hasPrefix("/forms")
                let response = try await client.execute(
                    uri: uri, method: operation.method == "post" ? .post : .get,
                    headers: [.contentType: isForm ? "application/x-www-form-urlencoded" : "application/json"],
                    body: operation.method == "post" ? (isForm ? ByteBuffer(string: "_csrf=x") : ByteBuffer(bytes: data)) : nil)
                let status = String(response.status.code)
                #expect(operation.statuses.contains(status), "\(operation) with \(id) answered \(status), not documented")
                if let listed = operation.mediaTypes[status], !listed.isEmpty, let type = response.headers[.contentType] {
                    let bare = String(type.split(separator: ";")[0])
                    #expect(listed.contains(bare), "\(operation) answered \(bare), documented: \(listed.sorted())")
                }
            }
        }
    }
}

/// deploy/kubernetes/formwright.yaml: a Deployment probed on /healthz, a Service and an HPA.
@Suite("Deployment recipe")
struct DeploymentTests {
    @Test func theKubernetesRecipeProbesHealthzAndScales() throws {
        let url = TestSupport.repositoryRoot.appendingPathComponent("deploy/kubernetes/formwright.yaml")
        let documents = try Yams.load_all(yaml: String(contentsOf: url, encoding: .utf8)).compactMap { $0 as? [String: Any] }
        #expect(documents.compactMap { $0["kind"] as? String } == ["Deployment", "Service", "HorizontalPodAutoscaler"])
        let deployment = try #require(documents.first)
        let pod = try #require(((deployment["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        for probe in ["readinessProbe", "livenessProbe"] {
            let get = (container[probe] as? [String: Any])?["httpGet"] as? [String: Any]
            #expect(get?["path"] as? String == "/healthz", "\(probe)")
        }
        // Renders in flight finish on a rolling update: the grace period outlasts --timeout.
        let args = try #require(container["args"] as? [String])
        let timeout = try #require(args.firstIndex(of: "--timeout").map { Int(args[$0 + 1]) ?? 0 })
        #expect((pod["terminationGracePeriodSeconds"] as? Int ?? 30) > timeout)
        let hpa = try #require(documents.last?["spec"] as? [String: Any])
        #expect((hpa["scaleTargetRef"] as? [String: Any])?["name"] as? String == deployment["metadata"].flatMap { ($0 as? [String: Any])?["name"] as? String })
    }
}
