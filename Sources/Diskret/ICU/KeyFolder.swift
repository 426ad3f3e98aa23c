import DiskretICU

/// Turns words into matching keys so that Müller, MÜLLER, Mueller and "Mül\u{AD}ler" meet. One per thread.
final class KeyFolder {
    fileprivate let handle: OpaquePointer
    private var output = [UInt8](repeating: 0, count: 256)

    init() throws(DiskretError) {
        var error: Int32 = 0
        guard let handle = dk_folder_open(&error) else {
            throw DiskretError.icu(function: "unorm2_getNFKCCasefoldInstance", code: icuErrorName(error))
        }
        self.handle = handle
    }

    deinit { dk_folder_close(handle) }

    /// Appends the key of `word` to `key`. ASCII words take a fast path; others go through ICU.
    func appendKey(of word: UnsafeBufferPointer<UInt16>, to key: inout [UInt8]) throws(DiskretError) {
        if word.allSatisfy({ $0 < 0x80 }) {
            for unit in word { key.append(UInt8(unit) | (unit >= 0x41 && unit <= 0x5A ? 0x20 : 0)) }
            return
        }
        var length = dk_fold_key(handle, word.baseAddress, Int32(word.count), &output, Int32(output.count))
        if length > Int32(output.count) {
            output = [UInt8](repeating: 0, count: Int(length) + 16)
            length = dk_fold_key(handle, word.baseAddress, Int32(word.count), &output, Int32(output.count))
        }
        if length < 0 { throw DiskretError.icu(function: "dk_fold_key", code: icuErrorName(-length)) }
        key.append(contentsOf: output[0..<Int(length)])
    }

    /// The key of a Swift string (for word lists and triggers).
    func key(of text: String) throws(DiskretError) -> [UInt8] {
        var key: [UInt8] = []
        let units = Array(text.utf16)
        try units.withUnsafeBufferPointer { (buffer) throws(DiskretError) in try appendKey(of: buffer, to: &key) }
        return key
    }

    /// The key of `text` always through ICU's transliterator: the reference for the Latin fast path (tests).
    func transliteratedKey(of text: String) throws(DiskretError) -> [UInt8] {
        var units = Array(text.utf16)
        var buffer = [UInt8](repeating: 0, count: units.count * 8 + 16)
        let length = units.withUnsafeMutableBufferPointer { word in
            dk_fold_key_transliterated(handle, word.baseAddress, Int32(word.count), &buffer, Int32(buffer.count))
        }
        if length < 0 { throw DiskretError.icu(function: "dk_fold_key", code: icuErrorName(-length)) }
        return Array(buffer[0..<Int(length)])
    }

    /// The confusable skeleton of a word (UTS #39), for catching homoglyph disguises.
    func skeleton(of word: UnsafeBufferPointer<UInt16>) throws(DiskretError) -> [UInt16] {
        var result = [UInt16](repeating: 0, count: word.count * 3 + 8)
        var length = dk_skeleton(handle, word.baseAddress, Int32(word.count), &result, Int32(result.count))
        if length > Int32(result.count) {
            result = [UInt16](repeating: 0, count: Int(length) + 8)
            length = dk_skeleton(handle, word.baseAddress, Int32(word.count), &result, Int32(result.count))
        }
        if length < 0 { throw DiskretError.icu(function: "uspoof_getSkeleton", code: icuErrorName(-length)) }
        return Array(result[0..<Int(length)])
    }
}

extension KeyFolder {
    /// The confusable skeleton of `text` as written, without case folding (for checking `Homoglyphs`).
    func exactSkeleton(of text: String) throws(DiskretError) -> [UInt16] {
        let units = Array(text.utf16)
        var result = [UInt16](repeating: 0, count: units.count * 4 + 8)
        let length = dk_skeleton_exact(handle, units, Int32(units.count), &result, Int32(result.count))
        if length < 0 || Int(length) > result.count { throw DiskretError.icu(function: "uspoof_getSkeleton", code: icuErrorName(length < 0 ? -length : 15)) }
        return Array(result[0..<Int(length)])
    }
}

/// Normalises a string to NFC with ICU.
package func normalizeNFC(_ text: String) throws(DiskretError) -> String {
    let units = Array(text.utf16)
    var output = [UInt16](repeating: 0, count: units.count + 16)
    var length = dk_normalize(Int32(DK_NFC), units, Int32(units.count), &output, Int32(output.count))
    if length > Int32(output.count) {
        output = [UInt16](repeating: 0, count: Int(length))
        length = dk_normalize(Int32(DK_NFC), units, Int32(units.count), &output, Int32(output.count))
    }
    if length < 0 { throw DiskretError.icu(function: "unorm2_normalize", code: icuErrorName(-length)) }
    return String(decoding: output[0..<Int(length)], as: UTF16.self)
}
