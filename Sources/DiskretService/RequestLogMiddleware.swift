import Hummingbird
import Logging

/// One log line per request: method, route pattern, status, response size and duration. Never the path as
/// sent, its query, a header or a byte of a body: the route is the pattern the router matched (`/v1/consents/{id}/withdraw`), "-" when none did.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServiceContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ProblemMiddleware answers every error; this only runs if it was left out.
            log(request, context, status: 500, size: nil, since: start)
            throw error
        }
        log(request, context, status: response.status.code, size: response.body.contentLength, since: start)
        return response
    }

    private func log(_ request: Request, _ context: Context, status: Int, size: Int?, since start: ContinuousClock.Instant) {
        let elapsed = start.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "route": "\(context.endpointPath ?? "-")",
            "status": "\(status)",
            "bytes": "\(size.map(String.init) ?? "-")",
            "ms": "\(String(format: "%.1f", milliseconds))",
        ])
    }
}
