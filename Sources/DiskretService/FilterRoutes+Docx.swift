import DiskretDocx
import Foundation
import Hummingbird

/// Word documents (.docx) through the API: read by `DiskretDocx` exactly as `diskret filter FILE.docx` reads
/// them, on the worker threads and within `--max-bytes` unpacked (the ZIP-bomb budget).
extension FilterRoutes {
    /// `POST /v1/extract`: the text of a .docx, *unmasked*, for the review page, which shows the original with
    /// its findings and then asks `/v1/filter` with that text. It answers only the client that sent the
    /// document, with nothing the document did not hold.
    func extract(_ request: Request, _ context: ServiceContext) async throws -> Response {
        _ = try BodyKind(request, allowed: [.docx])
        let text = try await docxText(try await request.bodyBytes())
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The text of the .docx in `body`; a refused document throws its `DocxError` (a problem without its text).
    func docxText(_ body: ByteBuffer) async throws -> String {
        let data = Data(buffer: body), limit = maxBytes
        return try await work.run { () throws -> String in try DocxText.extract(from: data, limit: limit) }
    }
}
