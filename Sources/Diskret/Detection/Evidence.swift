/// Evidence between candidates: ambiguous name words next to a sure name are names ("Thomas Koch"), or
/// before the bracket of a phone number ("Vogt (0171 …)"), and so are unknown capitalised words that are
/// neither nouns nor function words ("Ayşe Fischer").
struct Evidence {
    static let adjacentRule = "engine.adjacent-name"
    static let adjacentLabel = RuleLabel(rule: adjacentRule, type: "person.name")
    let lexicon: Lexicon
    let threshold: Double
    /// Unknown words join only names this sure (context evidence), not bare gazetteer hits, which in
    /// technical text would drag neighbouring jargon into names.
    static let confidentScore = 0.85

    /// A first name that the dictionary knows only as a word in small letters ("max", "rosa", "malte"),
    /// capitalised inside a sentence and not made a noun by an article before it ("Sie habe Max am 08.11.
    /// gesehen", not "das Rosa"): German capitalises it there only as a name.
    private func promoteCapitalisedFirstNames(in candidates: inout [Candidate], isFirstName: (Int) -> Bool, text: TokenizedText) {
        let tokens = text.tokens, units = text.units
        var promoted: [ArraySlice<UInt8>] = []
        var atSentenceStarts: [Int] = []
        for candidate in candidates.indices where candidates[candidate].score < threshold && isFirstName(candidate) {
            let covered = tokenIndices(of: candidates[candidate].range, in: text)
            guard covered.count == 1 else { continue }
            let index = covered.lowerBound, token = tokens[index]
            if token.isCapitalizedWord && token.isAtInitialPosition { atSentenceStarts.append(candidate) }
            guard token.isCapitalizedWord, !token.flags.contains(.allCaps), !token.isAtInitialPosition, index > 0,
                  !tokens[index - 1].flags.contains(.newlineBefore) || tokens[index - 1].isWord else { continue }
            let key = text.key(index)
            guard lexicon.isLowercaseWord(key), !lexicon.isNoun(key), !lexicon.isAllowed(key), !lexicon.isPlace(key),
                  !text.looksLikeAbbreviation(index, shortCapitals: true), !text.followsNumber(index),
                  tokens[index - 1].kind != .number else { continue }
            // A label's word before its colon ("Links: 15 mmHg"), a compound's first part ("Anti-Gewalt-Training"),
            // an inflected adjective made a noun ("an Armen und Beinen").
            if index + 1 < tokens.count, [0x3A, 0x2D].contains(units[tokens[index + 1].start]) { continue }
            if key.count >= 5, Self.inflections.contains(where: { key.hasSuffix($0) }) { continue }
            // Not after a colon, a bullet or a dash (a field's value: "Status: Frei"), nor after a word that
            // makes the next one a noun.
            let before = index - 1
            // After an opening quote the word begins the quoted sentence ("„Bin beim Training“").
            if !tokens[before].isWord && ([0x3A, 0x2D, 0x2013, 0x2022, 0x2F].contains(units[tokens[before].start]) || QuotationMarks.opens(units[tokens[before].start])) {
                continue
            }
            if tokens[before].isWord && Self.nounMakers.contains(where: { text.key(before).elementsEqual($0) }) { continue }
            candidates[candidate].score = threshold + 0.1
            promoted.append(key)
        }
        // The same name opening a sentence ("Max habe erzählt") is the name too.
        for candidate in atSentenceStarts {
            let key = text.key(tokenIndices(of: candidates[candidate].range, in: text).lowerBound)
            if promoted.contains(where: { $0.elementsEqual(key) }) { candidates[candidate].score = threshold + 0.1 }
        }
    }

    private static let inflections: [[UInt8]] = ["en", "em", "es", "er"].map { Array($0.utf8) }

    /// Words after which an adjective or verb is a noun: articles, contractions, quantifiers and numbers
    /// (folded keys: "fünf" is "fuenf").
    private static let nounMakers: [[UInt8]] = ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer",
        "eines", "im", "am", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "etwas", "nichts", "viel", "wenig", "alles", "kein",
        "keine", "ihr", "sein", "mein", "dein", "unser", "euer", "in", "als", "wie", "sehr", "ganz", "so", "zu", "zwei", "drei", "vier",
        "fuenf", "sechs", "sieben", "acht", "neun", "zehn", "paar", "einige", "mehrere", "alle", "naechsten", "letzten", "diese", "jede",
        "jeden", "wenige", "viele"]
        .map { Array($0.utf8) }

    func apply(to candidates: inout [Candidate], in text: TokenizedText) {
        let count = text.tokens.count
        // Whether each candidate is a first name, asked of its type once; those added below (after the
        // given ones) never are.
        let givenFirstNames = candidates.indices.map { candidates[$0].category == .person && candidates[$0].label.isFirstName }
        func isFirstName(_ index: Int) -> Bool { index < givenFirstNames.count && givenFirstNames[index] }
        // Where a phone number starts: a name word right before its bracket is whom it reaches
        // ("Rufbereitschaft Vogt (0171 …)").
        var phoneStarts = Set<Int>()
        for candidate in candidates.indices where candidates[candidate].category == .contact && candidates[candidate].score >= threshold {
            phoneStarts.insert(candidates[candidate].range.lowerBound)
        }
        func isBeforeBracketedPhone(_ last: Int) -> Bool {
            let bracket = last + 1
            return bracket + 1 < count && text.units[text.tokens[bracket].start] == 0x28 && text.onlySpaceBetween(last, bracket)
                && phoneStarts.contains(text.tokens[bracket + 1].start)
        }
        promoteCapitalisedFirstNames(in: &candidates, isFirstName: isFirstName, text: text)
        for _ in 0..<4 {
            // Per token: part of a sure name, of a confident one, of a weak (first) name candidate.
            var sure = [Bool](repeating: false, count: count), confident = sure, weakNames = sure, weakFirstNames = sure
            var firstNameEnds: [Int] = []
            var changed = false
            // By index, not by element: copying a candidate retains its strings, on every round.
            for candidate in candidates.indices where candidates[candidate].category == .person {
                let covered = tokenIndices(of: candidates[candidate].range, in: text)
                let score = candidates[candidate].score
                if score >= threshold {
                    for index in covered { sure[index] = true }
                    if score >= Self.confidentScore { for index in covered { confident[index] = true } }
                    // A first name vouches for the unknown word after it: "Holger M. Recklinghausen".
                    if isFirstName(candidate), let last = covered.last { firstNameEnds.append(last) }
                } else {
                    for index in covered { weakNames[index] = true }
                    if isFirstName(candidate) { for index in covered { weakFirstNames[index] = true } }
                }
            }
            // Promote ambiguous person candidates that stand next to a sure name, and pairs of ambiguous
            // words that read as first name + surname ("ANNA FISCHER" in a header, "Rosa Koch").
            for index in candidates.indices where candidates[index].category == .person && candidates[index].score < threshold {
                let covered = tokenIndices(of: candidates[index].range, in: text)
                guard let first = covered.first, let last = covered.last else { continue }
                let before = neighbour(before: first, in: text), after = neighbour(after: last, in: text)
                if before.map({ sure[$0] }) == true || after.map({ sure[$0] }) == true
                    || before.map({ weakFirstNames[$0] }) == true || (isFirstName(index) && after.map({ weakNames[$0] }) == true)
                    || isBeforeBracketedPhone(last) {
                    candidates[index].score = threshold
                    changed = true
                }
            }
            // Unknown capitalised words glued to a sure name: after and before each confident token, then after
            // each sure first name. (Neighbours depend on the text alone, so they are asked as the anchors come,
            // without an array per confident token and round.)
            func join(_ next: Int?) {
                guard let next, !sure[next], isUnknownNameWord(next, in: text) else { return }
                candidates.append(Candidate(range: text.tokens[next].range, category: .person, label: Self.adjacentLabel,
                                            score: threshold, derived: true))
                changed = true
            }
            func glue(_ anchor: Int, before: Bool) {
                join(neighbour(after: anchor, in: text))
                if before { join(neighbour(before: anchor, in: text)) }
                // A surname abbreviated to its initial after a sure name: "Claudia B.", "Frau Anna K.".
                let initial = anchor + 1
                if initial + 1 < text.tokens.count, !sure[initial], text.isInitial(initial),
                   text.onlySpaceBetween(anchor, initial), !text.tokens[initial].flags.contains(.sentenceStart) {
                    candidates.append(Candidate(range: text.tokens[initial].start..<text.tokens[initial + 1].end, category: .person,
                                                label: Self.adjacentLabel, score: threshold, derived: true))
                    changed = true
                }
            }
            for anchor in confident.indices where confident[anchor] { glue(anchor, before: true) }
            for anchor in firstNameEnds { glue(anchor, before: false) }
            if !changed { return }
        }
    }

    /// The word token right after `index`, across space, a hyphen or particles, within one sentence. None
    /// after a genitive ("Lenas Zimmer"): what follows a possessive is the thing possessed, not a surname.
    func neighbour(after index: Int, in text: TokenizedText) -> Int? {
        if isGenitive(index, in: text) { return nil }
        var next = index + 1
        // Hyphens, particles and middle initials ("Holger M. Recklinghausen") stand between name words.
        while next < text.tokens.count && (text.isJoiner(next, after: next - 1) || lexicon.isParticle(text.key(next))
                                            || text.isInitial(next) || isFullStopOfInitial(next, in: text)) { next += 1 }
        guard next < text.tokens.count, text.tokens[next].isWord, !text.tokens[next].flags.contains(.sentenceStart) || text.isInitial(index) else { return nil }
        guard text.onlySpaceBetween(next - 1, next) || !text.tokens[next].flags.contains(.spaceBefore) else { return nil }
        return next
    }

    /// The word token right before `index`, across space, a hyphen or particles, within one sentence.
    func neighbour(before index: Int, in text: TokenizedText) -> Int? {
        guard !text.tokens[index].flags.contains(.sentenceStart) else { return nil }
        var previous = index - 1
        while previous >= 0 && (text.isJoiner(previous, after: previous - 1) || lexicon.isParticle(text.key(previous))) { previous -= 1 }
        guard previous >= 0, text.tokens[previous].isWord, !isGenitive(previous, in: text) else { return nil }
        guard text.onlySpaceBetween(previous, previous + 1) || !text.tokens[previous + 1].flags.contains(.spaceBefore) else { return nil }
        return previous
    }

    /// A name in the genitive ("Lenas"): its key ends in "s" and only the key without it is a known name.
    private func isGenitive(_ index: Int, in text: TokenizedText) -> Bool {
        let key = text.key(index)
        guard key.count > 2, key.last == 0x73, !lexicon.isKnownName(key) else { return false }
        return lexicon.isKnownName(key.dropLast())
    }

    private func isFullStopOfInitial(_ index: Int, in text: TokenizedText) -> Bool {
        index > 0 && text.isInitial(index - 1)
    }

    /// A capitalised word no list explains: not a noun, not a function word, not on an allow list, not at a
    /// sentence start, and no compound of a common word of five letters or more ("Bezugsbetreuer Krause":
    /// a function before a name, not a first name).
    private func isUnknownNameWord(_ index: Int, in text: TokenizedText) -> Bool {
        let token = text.tokens[index]
        guard token.isCapitalizedWord, !token.isAtInitialPosition, token.end - token.start >= 2 else { return false }
        let word = text.key(index)
        return !lexicon.isAllowed(word) && !lexicon.isCommonWord(word) && !lexicon.endsInCommonWord(word, headLength: 5)
    }
}

extension TokenizedText {
    /// The joined key of the tokens inside `range` (UTF-16 offsets), nil when no token lies inside it.
    func joinedKey(covering range: Range<Int>) -> [UInt8]? {
        let indices = tokenIndices(of: range, in: self)
        guard let first = indices.first, let last = indices.last else { return nil }
        return joinedKey(first..<(last + 1))
    }
}

/// The indices of the tokens that lie inside `range`: a run, since tokens are sorted and do not overlap
/// (only the first token ending after the start can begin before it).
func tokenIndices(of range: Range<Int>, in text: TokenizedText) -> Range<Int> {
    var first = text.firstToken(endingAfter: range.lowerBound)
    if first < text.tokens.count && text.tokens[first].start < range.lowerBound { first += 1 }
    var end = first
    while end < text.tokens.count && text.tokens[end].start < range.upperBound { end += 1 }
    return first..<max(first, end)
}
