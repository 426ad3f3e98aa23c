import Diskret
import Foundation

/// Sessions of one engine for the service's worker threads: a session is checked out for one note and put
/// back, so there are never more sessions than notes masked at once, and their ICU handles are reused.
final class SessionPool: @unchecked Sendable {
    let engine: Engine
    private var idle: [Session] = []
    private let lock = NSLock()

    init(engine: Engine) { self.engine = engine }

    /// Runs `body` with a session no other thread is using.
    func withSession<T>(_ body: (Session) throws -> T) throws -> T {
        let session = try lock.withLock { idle.popLast() } ?? engine.makeSession()
        defer { lock.withLock { idle.append(session) } }
        return try body(session)
    }
}

/// The pools of the service's engines: the configured threshold, and a few others requests asked for.
final class EnginePools: @unchecked Sendable {
    private let base: Engine
    private var pools: [Double: SessionPool]
    private let lock = NSLock()
    /// Distinct thresholds kept with a pool of their own; others get a session for the one request.
    private static let maxPools = 4

    init(engine: Engine) {
        base = engine
        pools = [engine.options.threshold: SessionPool(engine: engine)]
    }

    /// Runs `body` with a session of an engine at `threshold` (the configured one when nil); every engine
    /// carries the site's word lists.
    func withSession<T>(threshold: Double?, _ body: (Session) throws -> T) throws -> T {
        let threshold = threshold ?? base.options.threshold
        let pool: SessionPool? = lock.withLock {
            if let pool = pools[threshold] { return pool }
            guard pools.count < Self.maxPools else { return nil }
            var options = base.options
            options.threshold = threshold
            let pool = SessionPool(engine: Engine(rules: base.rules, options: options, siteWords: base.siteWords))
            pools[threshold] = pool
            return pool
        }
        if let pool { return try pool.withSession(body) }
        var options = base.options
        options.threshold = threshold
        return try body(try Engine(rules: base.rules, options: options, siteWords: base.siteWords).makeSession())
    }
}
