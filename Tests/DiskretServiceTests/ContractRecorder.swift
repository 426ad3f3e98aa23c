import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Yams

/// The API's contract as `openapi.yaml` states it: per route template and method, the documented statuses.
struct OpenAPIContract {
    /// "GET /v1/consents/{id}/withdraw" → ["200", "401", …].
    let statuses: [String: Set<String>]

    static let shared: OpenAPIContract = {
        let url = ServiceFixture.repository.appendingPathComponent("openapi.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8), let root = try? Yams.load(yaml: text) as? [String: Any],
              let paths = root["paths"] as? [String: Any] else { fatalError("openapi.yaml does not parse") }
        var statuses: [String: Set<String>] = [:]
        for (path, item) in paths {
            for (method, operation) in (item as? [String: Any]) ?? [:] {
                guard let responses = (operation as? [String: Any])?["responses"] as? [String: Any] else { continue }
                statuses["\(method.uppercased()) \(path)"] = Set(responses.keys.map { "\($0)" })
            }
        }
        return OpenAPIContract(statuses: statuses)
    }()
}

/// Sends requests through a test client and records which documented route answered with which status.
final class ContractRecorder: @unchecked Sendable {
    private var seen: [String: Set<String>] = [:]
    private var undocumented: [String] = []
    private let lock = NSLock()

    /// Sends `method uri` and records its status under `route` (the template, e.g. /v1/consents/{id}/withdraw).
    @discardableResult
    func send(_ client: ServiceClient, _ method: HTTPRequest.Method, _ uri: String, route: String? = nil, headers: HTTPFields = [:],
              body: ByteBuffer? = nil) async throws -> ServiceClient.Answer {
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        let key = "\(method.rawValue) \(route ?? String(uri.split(separator: "?").first ?? ""))"
        let status = String(response.status.code)
        lock.withLock {
            if OpenAPIContract.shared.statuses[key]?.contains(status) == true { seen[key, default: []].insert(status) } else {
                undocumented.append("\(key) → \(status)")
            }
        }
        return response
    }

    /// Answers whose route or status `openapi.yaml` does not name.
    var undocumentedAnswers: [String] { lock.withLock { undocumented } }

    /// Documented route/status pairs no request produced.
    var unexercised: [String] {
        lock.withLock {
            OpenAPIContract.shared.statuses.flatMap { key, statuses in statuses.subtracting(seen[key] ?? []).map { "\(key) → \($0)" } }.sorted()
        }
    }
}
