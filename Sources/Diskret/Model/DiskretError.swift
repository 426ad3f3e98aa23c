/// Errors of the Diskret library. No case carries text from a note: positions and rule locations only.
public enum DiskretError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is not valid UTF-8; `byteOffset` is the first offending byte.
    case invalidUTF8(byteOffset: Int)
    /// The input is larger than the configured limit.
    case inputTooLarge(bytes: Int, limit: Int)
    /// A rule file or word list could not be read or is invalid; `line` is 0 when it concerns the whole file.
    case invalidRules(file: String, line: Int, message: String)
    /// The site configuration (`diskret.yaml`) could not be read or is invalid; `line` is 0 for the whole file.
    case invalidConfiguration(file: String, line: Int, message: String)
    /// An ICU call failed; `function` names the step, `code` is ICU's error name.
    case icu(function: String, code: String)
    /// A document took longer than the time guard allows (pathological regex backtracking).
    case timeLimitExceeded(rule: String)
    /// A JSON-lines record could not be read; `line` is 1-based.
    case invalidRecord(line: Int, message: String)

    /// A one-line description that never contains note text.
    public var description: String {
        switch self {
        case let .invalidUTF8(offset): return "input is not valid UTF-8 (first invalid byte at offset \(offset))"
        case let .inputTooLarge(bytes, limit): return "input of \(bytes) bytes or more exceeds the limit of \(limit) bytes"
        case let .invalidRules(file, line, message): return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        case let .invalidConfiguration(file, line, message): return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        case let .icu(function, code): return "ICU failed in \(function): \(code)"
        case let .timeLimitExceeded(rule): return "rule \(rule) exceeded its time limit on this document"
        case let .invalidRecord(line, message): return "record \(line): \(message)"
        }
    }
}
