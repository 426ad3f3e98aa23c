import Diskret
import DiskretConsent
import Foundation
import Hummingbird

/// The consent registry over HTTP: list, grant, withdraw, FHIR export, audit trail and its check. Every
/// route needs a token; its actor is the one the audit log records.
struct ConsentRoutes: Sendable {
    let registry: RegistryHandle
    let work: BlockingWork

    static let grantMembers: Set<String> = ["subject", "purpose", "recipients", "categories", "valid_from", "valid_until", "evidence", "supersedes"]

    func list(_ request: Request, _ context: ServiceContext) async throws -> Response {
        _ = try context.requireActor()
        let subject = request.uri.queryParameters.get("subject")
        return try await answer { registry in ["consents": try registry.consents(subject: subject).map(ConsentJSON.consent)] }
    }

    func grant(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let actor = try context.requireActor()
        _ = try BodyKind(request, allowed: [.json])
        let members = try JSONMembers(try await request.bodyBytes(), allowed: Self.grantMembers)
        let subject = try members.requiredString("subject"), purpose = try members.requiredString("purpose")
        guard let recipients = try members.strings("recipients"), !recipients.isEmpty else { throw Problem.invalid("'recipients' must name at least one recipient") }
        let categories = try parseCategories(members.strings("categories") ?? [])
        guard !categories.isEmpty else { throw Problem.invalid("'categories' must name at least one category") }
        let from = try members.string("valid_from"), until = try members.string("valid_until"), evidence = try members.string("evidence")
        let supersedes = try members.integer("supersedes")
        let data = try await work.run { [registry] () throws -> Data in
            let registry = try registry.get()
            let record = try supersedes.map {
                try registry.supersede(id: $0, subject: subject, purpose: purpose, recipients: recipients, categories: categories,
                                       validFrom: from, validUntil: until, evidence: evidence, actor: actor)
            } ?? registry.grant(subject: subject, purpose: purpose, recipients: recipients, categories: categories,
                                validFrom: from, validUntil: until, evidence: evidence, actor: actor)
            return try FindingJSON.data(ConsentJSON.consent(try registry.consent(id: record.id!)))
        }
        return JSONResponse.make(data: data, status: .created)
    }

    func withdraw(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let actor = try context.requireActor()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem(.notFound, "unknown-consent", "the consent id must be a number") }
        let body = try await request.bodyBytes()
        let reason = body.readableBytes == 0 ? nil : try { () throws -> String? in
            _ = try BodyKind(request, allowed: [.json])
            return try JSONMembers(body, allowed: ["reason"]).string("reason")
        }()
        return try await answer { registry in
            try registry.withdraw(id: id, by: actor, reason: reason)
            return ConsentJSON.consent(try registry.consent(id: id))
        }
    }

    func export(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let actor = try context.requireActor()
        guard request.uri.queryParameters.get("format") == "fhir" else { throw Problem.malformed("name the format: ?format=fhir (the only one)") }
        let subject = request.uri.queryParameters.get("subject")
        return try await answer(contentType: "application/fhir+json") { registry in try registry.exportFHIR(subject: subject, actor: actor) }
    }

    func audit(_ request: Request, _ context: ServiceContext) async throws -> Response {
        _ = try context.requireActor()
        let subject = request.uri.queryParameters.get("subject")
        return try await answer { registry in ["entries": try registry.auditTrail(subject: subject).map(ConsentJSON.auditEntry)] }
    }

    /// The chain check; a broken chain is a finding of the check (`intact: false`), not a failed request.
    func verify(_ request: Request, _ context: ServiceContext) async throws -> Response {
        _ = try context.requireActor()
        let expect = try request.uri.queryParameters.get("expect").map { text in
            guard let head = AuditHead(parsing: text) else { throw Problem.invalid("'expect' takes a head as `diskret audit head` prints it: N:HASH") }
            return head
        }
        return try await answer { registry in ConsentJSON.verification(try registry.verifyAuditChain(expect: expect)) }
    }

    /// Runs `body` against the registry on the worker threads and answers its JSON.
    private func answer(contentType: String = "application/json", _ body: @escaping @Sendable (ConsentRegistry) throws -> Any) async throws -> Response {
        let data = try await work.run { [registry] in try FindingJSON.data(try body(registry.get())) }
        return JSONResponse.make(data: data, headers: [.contentType: contentType])
    }
}
