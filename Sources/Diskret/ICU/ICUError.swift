import DiskretICU

/// ICU's name for an error code, for error messages.
func icuErrorName(_ code: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    dk_error_name(code, &buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Throws `DiskretError.icu` when `code` is an ICU failure (positive codes; warnings are negative).
func checkICU(_ code: Int32, _ function: String) throws(DiskretError) {
    if code > 0 { throw DiskretError.icu(function: function, code: icuErrorName(code)) }
}

/// The version of the system ICU Diskret runs on.
public var icuVersion: String {
    var buffer = [CChar](repeating: 0, count: 32)
    dk_icu_version(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
