import Diskret
import DiskretConsent
import Foundation
import Hummingbird

/// `POST /v1/filter` and `POST /v1/check`: the engine behind the API.
struct FilterRoutes: Sendable {
    let pools: EnginePools
    let registry: RegistryHandle
    let work: BlockingWork
    /// The site's policy, for requests that name none of their own (text, .docx, JSON lines); a request's own
    /// operators go on top.
    let sitePolicy: MaskingPolicy
    /// `--max-bytes`: also what a .docx may unpack to, all its parts together.
    let maxBytes: Int

    /// The members a JSON filter request may have.
    static let filterMembers: Set<String> = ["text", "mask", "policy", "threshold", "roster", "reveal", "purpose", "recipient", "reveal_categories"]


    func filter(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let kind = try BodyKind(request, allowed: [.plainText, .json, .ndjson, .docx])
        let body = try await request.bodyBytes()
        switch kind {
        case .plainText:
            return try await filterText(try StrictUTF8.decode(Data(buffer: body)))
        case .docx:
            return try await filterText(try await docxText(body))
        case .json:
            return try await filterJSON(try JSONMembers(body, allowed: Self.filterMembers), context)
        case .ndjson:
            return try await filterLines(body)
        }
    }

    /// A note without options (text/plain, or the text of a .docx): the site's policy, the configured threshold.
    private func filterText(_ text: String) async throws -> Response {
        let answer = try await work.run { [pools, sitePolicy] in
            try pools.withSession(threshold: nil) {
                let result = try $0.anonymize(text, policy: sitePolicy)
                return FindingJSON.reportBytes(text: result.text, findings: result.findings)
            }
        }
        return JSONResponse.make(data: Data(answer))
    }

    /// A JSON request: policy, threshold, roster and — with a token and the consent gate's grant — a reveal.
    private func filterJSON(_ members: JSONMembers, _ context: ServiceContext) async throws -> Response {
        let text = try members.requiredString("text")
        let requested = try Self.policy(mask: members.string("mask"), operators: members.stringMap("policy"))
        // A client asking to keep something readable needs a token; the site's own `keep` is the operator's decision.
        if requested.namedOperators.contains(.keep) { _ = try context.requireActor() }
        let policy = sitePolicy.merging(requested)
        let threshold = try members.number("threshold")
        if let threshold, !(0...1).contains(threshold) { throw Problem.invalid("'threshold' must be between 0 and 1") }
        let roster = try members.string("roster").map { try Roster.parse($0, file: "roster") }
        let reveal = try members.strings("reveal") ?? []
        var grant: RevealGrant?
        if !reveal.isEmpty {
            grant = try await authorize(reveal, roster: roster, members: members, actor: try context.requireActor())
        }
        let known = roster?.persons ?? []
        let result: AnonymizedText
        do {
            result = try await work.run { [pools, grant] in
                try pools.withSession(threshold: threshold) { try $0.anonymize(text, policy: policy, known: known, grant: grant) }
            }
        } catch {
            try? grant?.aborted(reason: "the request failed before its answer was written")
            throw error
        }
        let response = JSONResponse.make(data: Data(FindingJSON.reportBytes(text: result.text, findings: result.findings)))
        // Recorded before the answer leaves: if the audit cannot take it, nothing is revealed.
        if let grant { try await work.run { try grant.delivered() } }
        return response
    }

    /// The consent gate's grant for `subjects`, or 403 naming the consent that is missing.
    private func authorize(_ subjects: [String], roster: Roster?, members: JSONMembers, actor: String) async throws -> RevealGrant {
        guard let roster else { throw Problem.invalid("'reveal' needs 'roster'") }
        let purpose = try members.requiredString("purpose"), recipient = try members.requiredString("recipient")
        let categories = try parseCategories(members.strings("reveal_categories") ?? [])
        let registry = registry
        let request = RevealRequest(subjects: subjects, purpose: purpose, recipient: recipient, categories: categories, actor: actor)
        do {
            return try await work.run { try RevealGate(registry: registry.get(), roster: roster).grant(request) }
        } catch let denial as RevealDenial {
            let asked = categories.map(\.rawValue).sorted()
            throw Problem(.forbidden, "consent-missing", "consent missing: \(denial.reason)", extensions: [
                "subject": denial.subject, "purpose": purpose, "recipient": recipient, "categories": asked.isEmpty ? ["any"] : asked,
            ])
        }
    }

    /// `application/x-ndjson`: every line `{"id": …, "text": …}` as `filter --jsonl` reads it; the answer
    /// holds its output lines in order. A bad line is refused as a whole request (400 naming the line), so
    /// that no partial corpus is mistaken for a whole one.
    private func filterLines(_ body: ByteBuffer) async throws -> Response {
        let data = Data(buffer: body)
        let output = try await work.run { [pools, sitePolicy] () throws -> [UInt8] in
            try pools.withSession(threshold: nil) { session in
                var output: [UInt8] = []
                var offset = 0
                for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                    defer { offset += line.count + 1 }
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    let record = try JSONLinesRecord(line: Data(line), number: index + 1, byteOffset: offset)
                    let result = try session.anonymize(record.text, policy: sitePolicy)
                    output += try record.outputBytes(text: result.text, findings: result.findings, number: index + 1)
                    output.append(0x0A)
                }
                return output
            }
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: .init(byteBuffer: ByteBuffer(bytes: output)))
    }

    func check(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let kind = try BodyKind(request, allowed: [.plainText, .json])
        let body = try await request.bodyBytes()
        let text = kind == .json ? try JSONMembers(body, allowed: ["text"]).requiredString("text") : try StrictUTF8.decode(Data(buffer: body))
        let findings = try await work.run { [pools] in try pools.withSession(threshold: nil) { try $0.check(text) } }
        return try JSONResponse.make([
            "clean": findings.isEmpty,
            "findings": findings.map { ["line": $0.line, "column": $0.column, "category": $0.category.rawValue, "rule": $0.rule] },
        ])
    }

    /// The masking policy of `mask` ("person=placeholder,…") over `policy` ({category: operator}).
    static func policy(mask: String?, operators: [String: String]?) throws -> MaskingPolicy {
        do {
            var result = try MaskingPolicy(parsing: (operators ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
            if let mask { result = result.merging(try MaskingPolicy(parsing: mask)) }
            guard result.namedOperators.allSatisfy(ServiceSettings.offeredOperators.contains) else {
                throw Problem.invalid("pseudonymisation operators need a case key, which the service does not hold; use the command line")
            }
            return result
        } catch let error as PolicyError {
            throw Problem.invalid("mask/policy: \(error.message)")
        }
    }
}
