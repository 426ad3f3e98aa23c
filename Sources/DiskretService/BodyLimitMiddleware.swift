import Hummingbird
import NIOCore

/// Reads the whole request body before any handler runs, refusing more than `maxBytes` (413, by the declared
/// length before a byte is read) and a body that does not arrive within `readTimeout` (408).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceContext
    let maxBytes: Int
    let readTimeout: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBytes {
            throw Problem.tooLarge(limit: maxBytes)
        }
        let body = request.body
        let limit = maxBytes, timeout = readTimeout
        let buffer: ByteBuffer? = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do { return try await body.collect(upTo: limit) } catch is NIOTooManyBytesError { throw Problem.tooLarge(limit: limit) }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let buffer else {
            throw Problem(.requestTimeout, "read-timeout", "the request body did not arrive within \(timeout); nothing was processed")
        }
        var request = request
        request.body = RequestBody(buffer: buffer)
        return try await next(request, context)
    }
}
