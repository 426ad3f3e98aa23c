/// Codes listed one per line under an attendance label that ends its line: "Anwesend:⏎AB – Frauenhaus Gotha⏎KL –
/// LPI Gotha⏎…". Round tables and network minutes list their members so, each by the initials the minutes then
/// use ("AB: KM war vom …"); the code heads its line, a dash, a colon or a bracket after it.
extension DefinedCodes {
    func codesInVerticalLists(of text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropLast() where tokens[index].isWord && units[tokens[index + 1].start] == 0x3A
            && Self.verticalListLabels.contains(Self.labelWord(units[tokens[index].range])) {
            var line = index + 2
            guard line < tokens.count, tokens[line].flags.contains(.newlineBefore) else { continue }
            // One code per line, as long as the lines keep that shape; a blank line ends the list.
            while line < tokens.count, tokens[line].flags.contains(.newlineBefore), !startsAfterBlankLine(line, in: text) {
                // A rank or title before the member's code: "KRin Rt (Vorsitz)".
                var code = line
                if code + 1 < tokens.count, tokens[code + 1].isWord, !tokens[code + 1].flags.contains(.newlineBefore),
                   lexicon.isRoleWord(text.key(code)) || Self.isGenderedRank(units[tokens[code].range]) { code += 1 }
                // A capital and small letters before their bracket are the member's even where a list knows them
                // ("Sz (KL 7b, D/GPG)", "Öz (M, WiB)").
                let bracketed = code + 1 < tokens.count && units[tokens[code + 1].start] == 0x28 && isLetterCode(code, in: text)
                guard bracketed || isCodeShape(code, in: text, inList: true), code + 1 < tokens.count,
                      Self.itemEnds.contains(units[tokens[code + 1].start]) || tokens[code + 1].flags.contains(.newlineBefore)
                else { break }
                codes.insert(Array(units[tokens[code].range]))
                line = code + 1
                while line < tokens.count, !tokens[line].flags.contains(.newlineBefore) { line += 1 }
            }
        }
        return codes
    }

    /// Capitals and "in", as a rank's or an office's feminine form is abbreviated: "KRin", "StRin", "KOKin".
    private static func isGenderedRank(_ word: ArraySlice<UInt16>) -> Bool {
        word.count >= 4 && word[word.endIndex - 2] == 0x69 && word[word.endIndex - 1] == 0x6E
            && isLatinUpper(word[word.startIndex]) && isLatinUpper(word[word.endIndex - 3])
    }

    /// Whether an empty line stands before the line that token `index` starts.
    private func startsAfterBlankLine(_ index: Int, in text: TokenizedText) -> Bool {
        guard index > 0 else { return false }
        return text.units[text.tokens[index - 1].end..<text.tokens[index].start].filter { $0 == 0x0A }.count >= 2
    }

    /// What follows a member's code on its line: "–", "-", ":", "(", ",".
    private static let itemEnds: Set<UInt16> = [0x2013, 0x2014, 0x2D, 0x3A, 0x28, 0x2C]

    /// Labels of lists of members that start on the next line.
    private static let verticalListLabels: Set<[UInt16]> = Set(["anwesend", "anwesende", "teilnehmende", "teilnehmer",
        "teilnehmerinnen", "anwesenheit", "beteiligte", "mitglieder", "verteiler"].map { Array($0.utf16) })
}
