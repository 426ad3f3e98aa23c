import Foundation

/// Text that is stored in the registry or printed in the audit (actor, purpose, recipient, evidence, reason):
/// trimmed, in NFC, one line without control or format characters, and not longer than its field allows.
/// A newline or tab in an actor would print a forged line in `diskret audit`; a bidi override would make one
/// recipient look like another; NFC makes "Jugendamt Lörrach" typed on a Mac equal to the one typed on Linux.
enum InputHygiene {
    /// The longest text per field, in characters.
    static let limits: [String: Int] = ["actor": 64, "purpose": 64, "recipient": 200, "evidence": 500, "reason": 500]

    /// The cleaned text, or `ConsentError.invalidRequest` naming the field and the offending code point's
    /// position (never the text: it could hold a name).
    static func clean(_ text: String, field: String) throws -> String {
        let cleaned = text.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        for (offset, scalar) in cleaned.unicodeScalars.enumerated() where isForbidden(scalar) {
            throw ConsentError.invalidRequest(String(format: "the %@ holds a control or format character (U+%04X at position %d); it must be one line of text",
                                                     field, scalar.value, offset + 1))
        }
        guard !cleaned.isEmpty else { throw ConsentError.invalidRequest("the \(field) is empty") }
        let limit = limits[field] ?? 200
        guard cleaned.count <= limit else { throw ConsentError.invalidRequest("the \(field) is longer than \(limit) characters") }
        return cleaned
    }

    /// Control (Cc), format (Cf: bidi overrides, zero-width characters) and line or paragraph separators.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse: return true
        default: return false
        }
    }

    /// A field as `diskret audit` prints it: backslash, tab, newline and every forbidden character escaped,
    /// so that an entry is always one line of tab-separated fields (entries of older registries included).
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result += isForbidden(scalar) ? String(format: "\\u{%04X}", scalar.value) : String(scalar)
            }
        }
        return result
    }
}

extension ConsentRegistry {
    /// A field as `diskret audit` prints it: one line, control and format characters escaped.
    public static func escapedForDisplay(_ text: String) -> String { InputHygiene.escaped(text) }
}
