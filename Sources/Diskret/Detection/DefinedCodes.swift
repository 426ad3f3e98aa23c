/// A staff code defined in the bracket after a person ("J. Oberdorfer (JO)", "S. Lorenz (Leitung,
/// Gesprächsführung = SL)", "Timo (TK)") stands for that person wherever it recurs ("JO / SK, 22.01.").
/// The code must begin with the person's first initial (and, for a name of two words or more, end with the
/// last word's), stand alone in the bracket or after "=" or ":", so that "(ASD)", "(MFA)", "(KM)" or
/// "(zu TOP 3)" after a name are not taken for codes; shift words after a first name ("(ND)") and the allow
/// lists' role words ("Frau Kowalczyk (KM)") are not either.
struct DefinedCodes {
    static let label = RuleLabel(rule: "engine.defined-code", type: "person.initials")
    let lexicon: Lexicon
    let threshold: Double

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for candidate in candidates where candidate.category == .person && candidate.score >= threshold {
            let covered = tokenIndices(of: candidate.range, in: text)
            let initials = covered.filter { tokens[$0].isWord && isLatinUpper(units[tokens[$0].start]) }.map { units[tokens[$0].start] }
            guard let first = initials.first else { continue }
            var index = covered.upperBound
            guard index < tokens.count, units[tokens[index].start] == 0x28 else { continue }
            index += 1
            while index < tokens.count && index < covered.upperBound + 12 && units[tokens[index].start] != 0x29 {
                let token = tokens[index]
                let code = Array(units[token.range])
                // The code opens the bracket or follows "=" or ":" in it, and closes it or a list item.
                let opens = [0x28, 0x3D, 0x3A].contains(units[tokens[index - 1].start])
                let closes = index + 1 < tokens.count && [0x29, 0x2C].contains(units[tokens[index + 1].start])
                if token.isWord, opens, closes, (2...3).contains(code.count), code.allSatisfy(isLatinUpper), code[0] == first,
                   initials.count < 2 ? !Self.shiftWords.contains(code) : code.last == initials[initials.count - 1],
                   !lexicon.isAllowed(text.key(index)) {  // a role word of the field ("Frau Kowalczyk (KM)")
                    codes.insert(code)
                }
                index += 1
            }
        }
        guard !codes.isEmpty else { return }
        var covered = [Bool](repeating: false, count: units.count + 1)
        for candidate in candidates where candidate.score >= threshold { for offset in candidate.range { covered[offset] = true } }
        for token in tokens where token.isWord && (2...3).contains(token.end - token.start) && !covered[token.start]
            && codes.contains(Array(units[token.range])) {
            candidates.append(Candidate(range: token.range, category: .person, label: Self.label, score: threshold, derived: true))
        }
    }

    /// Shifts and services that follow a first name in rosters ("Timo (ND)"): Früh-, Spät-, Nacht-, Tag-,
    /// Bereitschaftsdienst.
    private static let shiftWords: Set<[UInt16]> = Set(["FD", "SD", "ND", "TD", "BD", "KD", "HD", "RD", "SB", "AZ"].map { Array($0.utf16) })
}
