/// A capital of ASCII or Latin-1 ("A", "Ä", "Ø"; not "×"): the initials and codes the engine stages read.
func isLatinUpper(_ unit: UInt16) -> Bool { (0x41...0x5A).contains(unit) || (0xC0...0xDE).contains(unit) && unit != 0xD7 }

/// A small letter of ASCII or Latin-1 ("a", "ß", "ä", "ÿ"; not "÷").
func isLatinLower(_ unit: UInt16) -> Bool { (0x61...0x7A).contains(unit) || (0xDF...0xFF).contains(unit) && unit != 0xF7 }

/// The small letter of a Latin capital (`isLatinUpper`), any other unit as it is: a header's or handle's word folded
/// for comparison ("Tag" → "tag", "Ä" → "ä").
func latinLowercased(_ unit: UInt16) -> UInt16 { isLatinUpper(unit) ? unit | 0x20 : unit }

/// A letter of ASCII or Latin-1 in either case (`isLatinUpper` or `isLatinLower`): the letters codes are written with.
func isCasedLatinLetter(_ unit: UInt16) -> Bool { isLatinUpper(unit) || isLatinLower(unit) }

/// An ASCII digit 0–9 (the digits dates, times and numbers are written with).
func isASCIIDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
