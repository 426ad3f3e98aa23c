/// A run of a context rule's skip words ("Dr.", "med.", ",", …) between a trigger and its target, with the
/// facts `ContextDetector` asks about the tokens inside it, kept so that the next trigger inside the same run
/// does not walk it again.
///
/// Titles are both triggers and skip words, so in "Dr. Dr. Dr. … Müller" every "Dr." starts a trigger whose
/// skip walk runs to the end of the chain: N titles cost N²/2 token steps ('Dr. ' × 100 000 took 47 s).
/// Every token inside a run leads to the same target, so one walk per run answers all its triggers.
struct SkipRun {
    /// The first token of the run (a trigger's end).
    var from: Int
    /// The first token after the run that is not a skip word (the token count when the text ends first).
    var target: Int
    /// The last token in `from..<target` that is a colon, or -1.
    var lastColon: Int
    /// The last token in `max(from, 1)..<target` that is a full stop after a word that is no abbreviation
    /// (a sentence end), or -1.
    var lastStop: Int

    /// Whether `index` lies in the run, so that its answers hold for a trigger ending there.
    func contains(_ index: Int) -> Bool { from <= index && index <= target }

    /// The run that starts at `from`. When `known` is a run that starts after `from` and the walk reaches it,
    /// the two are joined instead of walking `known` again.
    static func walk(from: Int, rule: ContextRule, text: TokenizedText, joining known: SkipRun?) -> SkipRun {
        let tokens = text.tokens
        var run = SkipRun(from: from, target: from, lastColon: -1, lastStop: -1)
        var index = from
        while index < tokens.count {
            if let known, index == known.from {
                run.target = known.target
                run.lastColon = max(run.lastColon, known.lastColon)
                run.lastStop = max(run.lastStop, known.lastStop)
                return run
            }
            guard rule.skips(index, in: text) else { break }
            note(index, in: text, into: &run)
            index += 1
        }
        run.target = index
        return run
    }

    /// Records what `index` (a token inside the run) says about sentence ends.
    private static func note(_ index: Int, in text: TokenizedText, into run: inout SkipRun) {
        let unit = text.units[text.tokens[index].start]
        if unit == 0x3A { run.lastColon = index }
        // A full stop ends a sentence unless it closes an abbreviation ("Dr.", "Dr.med."): the word before
        // is short or holds a full stop itself, and no space parts them.
        if unit == 0x2E, index >= 1 {
            let word = text.tokens[index - 1]
            let abbreviation = word.isWord && !text.tokens[index].flags.contains(.spaceBefore)
                && (word.end - word.start <= 4 || text.units[word.start..<word.end].contains(0x2E))
            if !abbreviation { run.lastStop = index }
        }
    }
}
