import Foundation
import Hummingbird

/// An RFC 9457 problem: what went wrong, as `application/problem+json`. Its detail names positions, limits,
/// rule ids or subject keys, never note text, roster names or tokens.
public struct Problem: Error, HTTPResponseError {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A short slug naming the kind of problem (the `type` is `urn:diskret:problem:<slug>`).
    public let slug: String
    /// One sentence on this occurrence.
    public let detail: String
    /// Extra members, e.g. what consent is missing (strings or arrays of strings only).
    public let extensions: [String: any Sendable]
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`).
    public let headers: HTTPFields

    /// A problem with `status`, `slug` and `detail`.
    public init(_ status: HTTPResponse.Status, _ slug: String, _ detail: String, extensions: [String: any Sendable] = [:],
                headers: HTTPFields = [:]) {
        self.status = status
        self.slug = slug
        self.detail = detail
        self.extensions = extensions
        self.headers = headers
    }

    /// The problem document.
    var document: [String: Any] {
        var object: [String: Any] = ["type": "urn:diskret:problem:\(slug)", "title": status.reasonPhrase, "status": status.code, "detail": detail]
        for (key, value) in extensions { object[key] = value }
        return object
    }

    /// The response: the problem as `application/problem+json`, never cached.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        var fields = headers
        fields[.contentType] = "application/problem+json"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Problem {
    /// 401: a token is needed here, or the one given is not known.
    static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, "token-required", detail, headers: [.wwwAuthenticate: "Bearer realm=\"diskret\""])
    }

    /// 413: the body is larger than `--max-bytes`.
    static func tooLarge(limit: Int) -> Problem {
        Problem(.contentTooLarge, "too-large", "the request body exceeds the limit of \(limit) bytes (--max-bytes); nothing was processed")
    }

    /// 400: the body could not be read as the declared type.
    static func malformed(_ detail: String) -> Problem { Problem(.badRequest, "malformed", detail) }

    /// 422: the body was read but its content is not acceptable.
    static func invalid(_ detail: String) -> Problem { Problem(.unprocessableContent, "invalid", detail) }
}
