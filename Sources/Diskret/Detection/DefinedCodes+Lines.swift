/// Codes that stand on lines of their own: the writer signing each entry of a handover book or log on the line
/// below it ("/mh", "Tü", "– SK", "ss"), and the codes opening the rows of a participants' table, a column's gap
/// before their role ("BK    ASD, fallführend"). One such line may be a word; two or more make a log or table.
extension DefinedCodes {
    /// A line of functions or subjects and who holds them, "KL: Hm · Mathe/SU: Sk · Sport: Lü · SSA: Ti": where two
    /// items or more on a line are a label, a colon and one code, the codes are persons.
    func codesInLabelledRows(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        var found: [[UInt16]] = []
        var lineHasSeparator = false
        for index in tokens.indices {
            if tokens[index].flags.contains(.newlineBefore) {
                if found.count >= 2, lineHasSeparator { codes.formUnion(found) }
                found.removeAll(keepingCapacity: true)
                lineHasSeparator = false
            }
            let unit = units[tokens[index].start]
            if tokens[index].end - tokens[index].start == 1, unit == 0xB7 || unit == 0x7C || unit == 0x3B { lineHasSeparator = true }
            // The code after a label's colon, ending its item: a separator, the line's end.
            guard unit == 0x3A, index >= 1, tokens[index - 1].isWord, index + 1 < tokens.count, tokens[index + 1].isWord,
                  !tokens[index + 1].flags.contains(.newlineBefore) else { continue }
            let code = index + 1
            let after = code + 1
            let ends = after == tokens.count || tokens[after].flags.contains(.newlineBefore)
                || [0xB7, 0x7C, 0x3B].contains(units[tokens[after].start])
            guard ends, isCodeShape(code, in: text) || isLetterCode(code, in: text) && !lexicon.isCommonWord(text.key(code))
            else { continue }
            found.append(Array(units[tokens[code].range]))
        }
        if found.count >= 2, lineHasSeparator { codes.formUnion(found) }
        return codes
    }

    func codesOnLinesOfTheirOwn(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var signatures: [[UInt16]] = [], rowHeads: [[UInt16]] = [], pairs: [[UInt16]] = []
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart + 1
            while lineEnd < tokens.count && !tokens[lineEnd].flags.contains(.newlineBefore) { lineEnd += 1 }
            defer { lineStart = lineEnd }
            var first = lineStart
            // A sign-off mark before the code: "/", "–", "-", "--".
            while first < lineEnd - 1, !tokens[first].isWord, first - lineStart < 2,
                  units[tokens[first].range].allSatisfy({ Self.signOffMarks.contains($0) }) { first += 1 }
            guard tokens[first].isWord, (2...3).contains(tokens[first].end - tokens[first].start),
                  units[tokens[first].range].allSatisfy(isCasedLatinLetter) else { continue }
            // Two codes joined by a slash alone on a line sign a note off ("KL / mt"): who wrote it and who typed it.
            if first == lineStart, lineEnd - first == 3, units[tokens[first + 1].start] == 0x2F,
               tokens[first + 1].end - tokens[first + 1].start == 1, tokens[first + 2].isWord,
               (2...3).contains(tokens[first + 2].end - tokens[first + 2].start),
               units[tokens[first + 2].range].allSatisfy(isCasedLatinLetter),
               isPairedCode(first, in: text), isPairedCode(first + 2, in: text) {
                pairs.append(Array(units[tokens[first].range]))
                pairs.append(Array(units[tokens[first + 2].range]))
                continue
            }
            if first == lineEnd - 1 {
                if isSignatureCode(first, in: text) { signatures.append(Array(units[tokens[first].range])) }
            } else if first == lineStart, isColumnGapAfter(first, in: text), isCodeShape(first, in: text),
                      !lexicon.isRoleWord(text.key(first)) {
                rowHeads.append(Array(units[tokens[first].range]))
            }
        }
        var codes = Set<[UInt16]>(pairs)
        if signatures.count >= 2 { codes.formUnion(signatures) }
        if rowHeads.count >= 2 { codes.formUnion(rowHeads) }
        return codes
    }

    /// A code alone on its line, two or three letters that are no role, no allowed word and no word that
    /// closes a note; in small letters no verb or adjective either. A noun's letters ("SS") or a verb's once
    /// folded ("Tü" is "tue") do not stand alone on a line between entries.
    private func isSignatureCode(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        guard !Self.closingWordKeys.contains(Array(key)), !lexicon.isRoleWord(key), !lexicon.isAllowed(key) else { return false }
        return !text.units[text.tokens[index].range].allSatisfy(isLatinLower) || !lexicon.isLowercaseWord(key)
    }

    /// A code of a sign-off pair: a signature's code, or capitals that spell a short word ("KL", "DA").
    private func isPairedCode(_ index: Int, in text: TokenizedText) -> Bool {
        isSignatureCode(index, in: text) || (text.units[text.tokens[index].range].allSatisfy(isLatinUpper)
            && Self.shortFunctionWords.contains(Array(text.key(index))))
    }

    /// Whether a column's gap follows the token at `index` on its line.
    private func isColumnGapAfter(_ index: Int, in text: TokenizedText) -> Bool {
        let next = index + 1
        guard next < text.tokens.count, !text.tokens[next].flags.contains(.newlineBefore) else { return false }
        return isColumnGap(text.units[text.tokens[index].end..<text.tokens[next].start])
    }

    private static let signOffMarks: Set<UInt16> = [0x2F, 0x2013, 0x2014, 0x2D]
    /// Words that stand alone on a line without signing it: those that end a note, and headings' words.
    private static let closingWordKeys: Set<[UInt8]> = closingWords.union(["top", "neu", "alt", "gut"].map { Array($0.utf8) })
}
