import Foundation

/// UTF-8 decoding that refuses invalid input instead of repairing it, so no note is silently altered.
package enum StrictUTF8 {
    /// Decodes UTF-8, or throws `DiskretError.invalidUTF8` with the offset of the first invalid byte
    /// (counted from `baseOffset`, the position of `data` in a larger input).
    package static func decode(_ data: Data, baseOffset: Int = 0) throws(DiskretError) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): offset += encoded.count
            case .error, .emptyInput: throw DiskretError.invalidUTF8(byteOffset: baseOffset + offset)
            }
        }
    }
}
