import Hummingbird

/// The review page at `/`: HTML, style and script served from the binary, nothing from elsewhere (the
/// Content-Security-Policy of `SecurityHeadersMiddleware` allows nothing else).
enum ReviewPage {
    /// The tab icon: a masked line, so that the browser does not ask for a /favicon.ico that is not there.
    static let icon = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f4f8f"/><rect x="3" y="7" width="10" height="3" rx="1" fill="#fff"/></svg>"##

    /// One of the page's files as an answer.
    static func response(_ content: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: content)))
    }
}
