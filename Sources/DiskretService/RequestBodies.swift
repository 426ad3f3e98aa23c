import Diskret
import Foundation
import Hummingbird

/// The body types the API reads.
enum BodyKind {
    case plainText, json, ndjson, docx

    /// The media type of a Word document (.docx).
    static let docxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// The kind of the request's `Content-Type`, or 415. `text/plain` must be UTF-8 when a charset is named.
    init(_ request: Request, allowed: [BodyKind]) throws {
        let value = request.headers[.contentType] ?? ""
        let parameters = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let kind: BodyKind?
        switch parameters.first ?? "" {
        case "text/plain":
            let charset = parameters.dropFirst().first { $0.hasPrefix("charset=") }
            kind = charset == nil || charset == "charset=utf-8" || charset == "charset=\"utf-8\"" ? .plainText : nil
        case "application/json": kind = .json
        case "application/x-ndjson": kind = .ndjson
        case Self.docxMediaType: kind = .docx
        default: kind = nil
        }
        guard let kind, allowed.contains(kind) else {
            throw Problem(.unsupportedMediaType, "media-type", "send \(allowed.map(\.mediaType).joined(separator: ", ")) (text/plain in UTF-8)")
        }
        self = kind
    }

    var mediaType: String {
        switch self {
        case .plainText: return "text/plain"
        case .json: return "application/json"
        case .ndjson: return "application/x-ndjson"
        case .docx: return Self.docxMediaType
        }
    }
}

/// A JSON object body with typed, checked members. Errors name the member, never its value: invalid UTF-8
/// or JSON is 400, a missing, mistyped or unknown member 422.
struct JSONMembers {
    private let object: [String: Any]

    init(_ buffer: ByteBuffer, allowed: Set<String>) throws {
        let data = Data(buffer: buffer)
        _ = try StrictUTF8.decode(data)
        guard let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Problem.malformed("the body is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else { throw Problem.invalid("the body must be a JSON object") }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem.invalid("unknown member '\(Self.printable(unknown))'; known: \(allowed.sorted().joined(separator: ", "))")
        }
        self.object = object
    }

    func string(_ key: String) throws -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let string = value as? String else { throw Problem.invalid("'\(key)' must be a string") }
        return string
    }

    func requiredString(_ key: String) throws -> String {
        guard let value = try string(key) else { throw Problem.invalid("'\(key)' is missing") }
        return value
    }

    func strings(_ key: String) throws -> [String]? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let array = value as? [Any], let strings = array as? [String], array.count == strings.count else {
            throw Problem.invalid("'\(key)' must be an array of strings")
        }
        return strings
    }

    func number(_ key: String) throws -> Double? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        // Foundation's JSON gives true and false as a boolean subclass of NSNumber, and `is Bool` holds for
        // the number 1 as well: the class tells them apart.
        guard let number = value as? NSNumber, !String(describing: type(of: number)).contains("Boolean") else {
            throw Problem.invalid("'\(key)' must be a number")
        }
        return number.doubleValue
    }

    func integer(_ key: String) throws -> Int64? {
        guard let value = try number(key) else { return nil }
        guard value == value.rounded(), let integer = Int64(exactly: value) else { throw Problem.invalid("'\(key)' must be an integer") }
        return integer
    }

    func stringMap(_ key: String) throws -> [String: String]? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let map = value as? [String: String] else { throw Problem.invalid("'\(key)' must be an object of strings") }
        return map
    }

    /// A member name fit to quote: short and printable (it comes from the client, never from a note field).
    private static func printable(_ key: String) -> String {
        String(key.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }.prefix(40).map(Character.init))
    }
}

extension Request {
    /// The whole body, which `BodyLimitMiddleware` has already read and bounded.
    func bodyBytes() async throws -> ByteBuffer { try await body.collect(upTo: .max) }
}

/// Categories from their names, or 422.
func parseCategories(_ names: [String]) throws -> Set<Diskret.Category> {
    try Set(names.map { name in
        guard let category = Diskret.Category(rawValue: name) else {
            throw Problem.invalid("unknown category; use \(Diskret.Category.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return category
    })
}
