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
            while line < tokens.count, tokens[line].flags.contains(.newlineBefore), !startsAfterBlankLine(line, in: text),
                  isCodeShape(line, in: text, inList: true), line + 1 < tokens.count,
                  Self.itemEnds.contains(units[tokens[line + 1].start]) || tokens[line + 1].flags.contains(.newlineBefore) {
                codes.insert(Array(units[tokens[line].range]))
                line += 1
                while line < tokens.count, !tokens[line].flags.contains(.newlineBefore) { line += 1 }
            }
        }
        return codes
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
