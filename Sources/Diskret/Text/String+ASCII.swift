extension String {
    /// Whether every character is ASCII: the fast paths of date reading and validators work on its bytes,
    /// whose only numerals are 0–9 and only letters A–Z and a–z.
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
