import Diskret
import DiskretConsent
import DiskretDocx
import Hummingbird
import Logging
import NIOCore

/// Turns every error into an RFC 9457 problem response, so that no error path can answer with anything of
/// the note: library errors carry positions and rule ids only, and anything unforeseen becomes a bare 500.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServiceContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error)
            if problem.status.code >= 500 {
                // For the operator: the library's descriptions hold paths, rule ids and positions, never note text.
                logger.error("request failed", metadata: ["problem": "\(problem.slug)", "reason": "\(Self.operatorReason(error))"])
            }
            return try problem.response(from: request, context: context)
        }
    }

    /// What the operator's log says about a server-side failure: a library error's description, else its type.
    static func operatorReason(_ error: any Error) -> String {
        switch error {
        case let error as DiskretError: return error.description
        case let error as ConsentError: return error.description
        case let problem as Problem: return problem.detail
        default: return String(describing: type(of: error))
        }
    }

    /// The problem for an error, by the meanings of the command line's exit codes.
    static func problem(for error: any Error) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case let error as DiskretError: return problem(for: error)
        case let error as ConsentError: return problem(for: error)
        case let error as DocxError: return problem(for: error)
        case is NIOTooManyBytesError: return Problem(.contentTooLarge, "too-large", "the request body is too large; nothing was processed")
        case let error as HTTPError where error.status == .notFound: return Problem(.notFound, "not-found", "no such route or method")
        case let error as any HTTPResponseError: return Problem(error.status, "http", error.status.reasonPhrase)
        default: return Problem(.internalServerError, "internal", "internal error; nothing of the note was returned")
        }
    }

    /// Engine errors: invalid input is the client's (400/413), the rest the server's.
    static func problem(for error: DiskretError) -> Problem {
        switch error {
        case .invalidUTF8, .invalidRecord: return Problem(.badRequest, "malformed", error.description)
        case .inputTooLarge: return Problem(.contentTooLarge, "too-large", error.description)
        case .invalidRules: return Problem(.serviceUnavailable, "rules-broken", "the rule pack is invalid")
        case .invalidConfiguration: return Problem(.serviceUnavailable, "configuration-broken", "the site configuration is invalid")
        case .timeLimitExceeded: return Problem(.unprocessableContent, "time-limit", error.description)
        case .icu: return Problem(.internalServerError, "internal", error.description)
        }
    }

    /// A refused .docx, as `diskret filter` refuses it with exit 65: not a Word document or a damaged part is
    /// 400, unpacking beyond `--max-bytes` 413. The detail names part paths and limits, never document text.
    static func problem(for error: DocxError) -> Problem {
        switch error {
        case .notADocx: return Problem(.badRequest, "not-a-docx", error.description)
        case .malformedPart: return Problem(.badRequest, "docx-malformed", error.description)
        case .tooLarge: return Problem(.contentTooLarge, "too-large", error.description)
        }
    }

    /// Registry errors: a bad request is 422, an unknown consent 404, a repeated withdrawal 409; a registry
    /// that cannot be opened or written is 503.
    static func problem(for error: ConsentError) -> Problem {
        switch error {
        case .invalidRequest, .invalidRoster: return Problem(.unprocessableContent, "invalid", error.description)
        case .unknownConsent: return Problem(.notFound, "unknown-consent", error.description)
        case .alreadyWithdrawn: return Problem(.conflict, "already-withdrawn", error.description)
        case .readOnlyRegistry, .storage, .missingRegistry, .newerSchema, .unsafeRegistryPath, .database:
            // Paths and SQL stay in the operator's log; the client learns only that the registry is unavailable.
            return Problem(.serviceUnavailable, "registry-unavailable", "the consent registry is unavailable; nothing was recorded or revealed")
        }
    }
}
