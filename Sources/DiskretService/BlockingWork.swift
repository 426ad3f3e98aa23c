import Foundation
import NIOPosix

/// Runs blocking work (the engine, SQLite) on NIO's thread pool, off the threads that serve connections, and
/// answers 503 when it takes longer than the handler timeout. Work that overruns cannot be stopped; it
/// finishes on its thread and its result is dropped.
struct BlockingWork: Sendable {
    let timeout: Duration

    static func timedOut(_ timeout: Duration) -> Problem {
        Problem(.serviceUnavailable, "handler-timeout", "the request took longer than \(timeout); nothing was returned", headers: [.retryAfter: "5"])
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let timeout = timeout
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = ResumeOnce(continuation)
            let timer = Task {
                // Cancelled when the work is done in time; thousands of pending timers would hold memory.
                do { try await Task.sleep(for: timeout) } catch { return }
                once.resume(with: .failure(Self.timedOut(timeout)))
            }
            let start = ContinuousClock.now
            NIOThreadPool.singleton.runIfActive(eventLoop: MultiThreadedEventLoopGroup.singleton.any()) { try body() }.whenComplete { result in
                timer.cancel()
                // Work that finished late is late even if the timer has not fired yet (it runs on a busy pool).
                once.resume(with: start.duration(to: .now) > timeout ? .failure(Self.timedOut(timeout)) : result)
            }
        }
    }
}

/// A continuation resumed by whichever comes first, the work or the timer.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private var continuation: CheckedContinuation<T, any Error>?
    private let lock = NSLock()

    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

    func resume(with result: Result<T, any Error>) {
        let pending: CheckedContinuation<T, any Error>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(with: result)
    }
}
