import Diskret
import Hummingbird
import Logging
import NIOCore

/// The Diskret filter as an HTTP service: the router with its middleware on Hummingbird's HTTP/1.1 server.
/// `run()` or `runService()` serves until SIGTERM or SIGINT, letting requests in flight finish.
public func makeApplication(engine: Engine, settings: ServiceSettings, logger: Logger) throws -> some ApplicationProtocol {
    try settings.validate()
    // A connection is closed after twice the read timeout without a byte, so that a body that stopped
    // arriving is first answered 408 by BodyLimitMiddleware; the close catches a client silent before its head.
    let idle = (settings.readTimeout * 2).components
    return Application(
        router: buildRouter(engine: engine, settings: settings, logger: logger),
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000))),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "diskret"),
        logger: logger
    )
}
