import Hummingbird
import Logging

/// The request context of the service: Hummingbird's core context plus the actor a bearer token named.
public struct ServiceContext: RequestContext {
    /// Hummingbird's per-request storage (logger, route, decoders).
    public var coreContext: CoreRequestContextStorage
    /// The actor of a valid bearer token (set by `TokenMiddleware`), nil without one.
    public var actor: String?

    /// A context for one request.
    public init(source: Source) {
        coreContext = .init(source: source)
        actor = nil
    }
}
