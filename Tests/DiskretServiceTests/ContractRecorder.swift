import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Yams

/// The API's contract as `openapi.yaml` states it: per route template and method, the documented statuses
/// and request body media types.
struct OpenAPIContract {
    /// "GET /v1/consents/{id}/withdraw" → ["200", "401", …].
    let statuses: [String: Set<String>]
    /// "POST /v1/filter" → ["text/plain", "application/json", …].
    let requestTypes: [String: Set<String>]

    static let shared: OpenAPIContract = {
        let url = ServiceFixture.repository.appendingPathComponent("openapi.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8), let root = try? Yams.load(yaml: text) as? [String: Any],
              let paths = root["paths"] as? [String: Any] else { fatalError("openapi.yaml does not parse") }
        var statuses: [String: Set<String>] = [:], requestTypes: [String: Set<String>] = [:]
        for (path, item) in paths {
            for (method, operation) in (item as? [String: Any]) ?? [:] {
                guard let operation = operation as? [String: Any], let responses = operation["responses"] as? [String: Any] else { continue }
                let key = "\(method.uppercased()) \(path)"
                statuses[key] = Set(responses.keys.map { "\($0)" })
                if let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any] { requestTypes[key] = Set(content.keys) }
            }
        }
        return OpenAPIContract(statuses: statuses, requestTypes: requestTypes)
    }()
}

/// Sends requests through a test client and records which documented route answered with which status, and
/// which documented request media type was answered with success.
final class ContractRecorder: @unchecked Sendable {
    private var seen: [String: Set<String>] = [:]
    private var seenTypes: [String: Set<String>] = [:]
    private var undocumented: [String] = []
    private let lock = NSLock()

    /// Sends `method uri` and records its status under `route` (the template, e.g. /v1/consents/{id}/withdraw).
    /// A body of a media type the route does not document must be answered 415.
    @discardableResult
    func send(_ client: ServiceClient, _ method: HTTPRequest.Method, _ uri: String, route: String? = nil, headers: HTTPFields = [:],
              body: ByteBuffer? = nil) async throws -> ServiceClient.Answer {
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        let key = "\(method.rawValue) \(route ?? String(uri.split(separator: "?").first ?? ""))"
        let status = String(response.status.code)
        let type = headers[.contentType].flatMap { $0.split(separator: ";").first }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        lock.withLock {
            if OpenAPIContract.shared.statuses[key]?.contains(status) == true { seen[key, default: []].insert(status) } else {
                undocumented.append("\(key) → \(status)")
            }
            guard let type, body != nil, let documented = OpenAPIContract.shared.requestTypes[key] else { return }
            if !documented.contains(type) && status != "415" { undocumented.append("\(key) ← \(type) → \(status) (an undocumented body type must be 415)") }
            if documented.contains(type) && status.hasPrefix("2") { seenTypes[key, default: []].insert(type) }
        }
        return response
    }

    /// Answers whose route or status `openapi.yaml` does not name.
    var undocumentedAnswers: [String] { lock.withLock { undocumented } }

    /// Documented route/status pairs no request produced, and documented request media types no request
    /// was answered with success for.
    var unexercised: [String] {
        lock.withLock {
            let statuses = OpenAPIContract.shared.statuses.flatMap { key, statuses in statuses.subtracting(seen[key] ?? []).map { "\(key) → \($0)" } }
            let types = OpenAPIContract.shared.requestTypes.flatMap { key, types in types.subtracting(seenTypes[key] ?? []).map { "\(key) ← \($0)" } }
            return (statuses + types).sorted()
        }
    }
}
