import Hummingbird

/// Reads `Authorization: Bearer …` and puts the token's actor into the context. A token that is given but
/// unknown is refused everywhere; without one, routes that need an actor refuse in their handler, and on a
/// non-loopback bind every `/v1/` route does.
struct TokenMiddleware: RouterMiddleware {
    typealias Context = ServiceContext
    let tokens: TokenTable
    /// Whether every API route needs a token (the service listens beyond loopback).
    let requiredForAPI: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer "), let actor = tokens.actor(for: String(header.dropFirst(7))) else {
                throw Problem.unauthorized("the bearer token is not known")
            }
            context.actor = actor
        } else if requiredForAPI && request.uri.path.hasPrefix("/v1/") {
            throw Problem.unauthorized("this service listens beyond loopback: every API request needs a bearer token")
        }
        return try await next(request, context)
    }
}

extension ServiceContext {
    /// The actor of the request's token, or a 401: consent endpoints and reveals need one on any address.
    func requireActor() throws -> String {
        guard let actor else { throw Problem.unauthorized("this request needs a bearer token (Authorization: Bearer …)") }
        return actor
    }
}
