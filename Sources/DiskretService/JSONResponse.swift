import Diskret
import Foundation
import Hummingbird

/// JSON answers.
enum JSONResponse {
    /// `value` as compact JSON with sorted keys.
    static func make(_ value: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        make(data: try FindingJSON.data(value), status: status, headers: headers)
    }

    /// JSON already serialised (on a worker thread); `Content-Type` is `application/json` unless `headers` name one.
    static func make(data: Data, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        if fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
