/// The quotation marks German notes use, straight and typographic, opening and closing: one table for every stage
/// that asks whether a word stands in quotes, so that no stage reads „Kev“ as quoted and another not.
enum QuotationMarks {
    /// Whether a unit opens a quotation: " „ “ » « ‹ › ‚ ‘ (guillemets point either way, » « in German and « » in
    /// Swiss use). Asked of every token, so a switch rather than a hashed set.
    static func opens(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x201E, 0x201C, 0xBB, 0xAB, 0x2039, 0x203A, 0x201A, 0x2018: return true
        default: return false
        }
    }

    /// Whether a unit closes a quotation: " “ ” « » ‹ › ‘ ’.
    static func closes(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x201C, 0x201D, 0xAB, 0xBB, 0x2039, 0x203A, 0x2018, 0x2019: return true
        default: return false
        }
    }

    /// Whether a unit is a quotation mark of either side.
    static func isQuotationMark(_ unit: UInt16) -> Bool { opens(unit) || closes(unit) }

    /// Whether a unit is a quotation mark of either side or the straight apostrophe, for stages that read a mark
    /// standing alone ("'atze' (nachbar …)").
    static func isQuotationMarkOrApostrophe(_ unit: UInt16) -> Bool { isQuotationMark(unit) || unit == apostrophe }

    /// The straight apostrophe: a quote in typed notes ('atze') but also the apostrophe of "geht's", so only stages
    /// that look at a mark standing alone as its own token accept it.
    static let apostrophe: UInt16 = 0x27
}
