/// One thread's working state: ICU iterators, regex clones and a key folder. Not `Sendable`; make one per
/// thread with `Engine.makeSession()`.
public final class Session {
    let engine: Engine
    let lexicon: Lexicon
    private let tokenizer: Tokenizer
    private let patterns: PatternDetector
    private let contexts: ContextDetector
    /// The labels of the word-list rules of names and places, whose hits the allow lists may overrule: compared
    /// by identity (a handful of pointers): hashing each candidate's rule id would cost more than the test.
    private let wordListLabels: [RuleLabel]
    private let wordAnswers = WordAnswers()
    private let site: SiteWordLists

    init(engine: Engine) throws(DiskretError) {
        self.engine = engine
        lexicon = Lexicon(pack: engine.rules)
        tokenizer = try Tokenizer()
        let prefilterMode = engine.options.patternPrefilter
        // While patterns wait to be compiled (a pack from the cache), a rule the prefilter rules out is a
        // compile spared: the cold automaton costs less than the regexes it spares from the first note on.
        let warmsUp = prefilterMode == .afterWarmUp && !engine.rules.hasDeferredPatterns
        patterns = try PatternDetector(rules: engine.rules.patterns,
                                       prefilters: prefilterMode == .never ? [] : engine.rules.patternPrefilters,
                                       prefilterStates: engine.rules.prefilterStates,
                                       prefilterWarmUp: warmsUp ? PrefilterScanner.defaultWarmUpUnits : 0,
                                       timeLimit: engine.options.regexTimeLimit,
                                       profiles: engine.options.profilesRules)
        contexts = try ContextDetector(rules: engine.rules.contexts, lexicon: lexicon, timeLimit: engine.options.regexTimeLimit)
        // Allow lists hold the look-alikes of names (weekdays, function words such as "gestern"); a relative
        // date is no name, so its list is not overruled by them.
        wordListLabels = engine.rules.wordLists.filter { $0.definition.category != .date }.map(\.label)
        site = try SiteWordLists(engine.siteWords, tokenizer: tokenizer)
    }

    /// The transitions of the pattern prefilters' DFAs this session built (not read from the pack cache).
    package var builtPrefilterTransitions: Int { patterns.builtPrefilterTransitions }

    /// The fewest built transitions worth a write of the pack cache: building one costs some 10 000
    /// instructions, copying the cache file a few million.
    package static let prefilterTransitionsWorthKeeping = 256

    /// Keeps the pattern prefilters' DFA states in the pack cache if this session built at least
    /// `prefilterTransitionsWorthKeeping` transitions: the next process starts with them instead of building
    /// them again. Call it when the session's notes are done (a process keeps the states of one session).
    package func keepPrefilterStates() {
        guard builtPrefilterTransitions >= Self.prefilterTransitionsWorthKeeping else { return }
        engine.rules.keepPrefilterStates(patterns.prefilterStates)
    }

    /// What each pattern rule cost over the notes this session anonymised, costliest first; empty unless the
    /// engine's options ask for profiling (`EngineOptions.profilesRules`).
    public var patternRuleCosts: [RuleCost] {
        guard let clock = patterns.clock else { return [] }
        return zip(patterns.rules, zip(clock.nanoseconds, clock.scannedUnits))
            .map { RuleCost(rule: $0.definition.id, seconds: Double($1.0) / 1e9, scannedUnits: $1.1) }
            .sorted { $0.seconds > $1.seconds }
    }

    /// Masks `text` as `policy` says; `known` are persons of the case whose identifiers are always found.
    /// With `explain`, each replacement is followed by "‹rule score›" for rule authors. `pseudonymisation`
    /// holds the case key, anchor date and surrogate lists for the pseudonymisation operators (`pseudonym`,
    /// `surrogate`, `shift`, …). Nothing stays readable: a reveal goes through DiskretConsent's `RevealGrant`.
    public func anonymize(_ text: String, policy: MaskingPolicy = .default, known: [KnownPerson] = [],
                          explain: Bool = false,
                          pseudonymisation: PseudonymContext = PseudonymContext()) throws(DiskretError) -> AnonymizedText {
        try anonymize(text, policy: policy, known: known, reveal: [:], explain: explain, pseudonymisation: pseudonymisation)
    }

    /// `anonymize` with `reveal`: per subject key, the categories of that known person's data that stay
    /// readable. Package-only, so that outside the package a reveal exists only as a grant of the consent gate
    /// (`Session.anonymize(_:grant:)` in DiskretConsent); inside it, tests and the fuzzer call it directly.
    package func anonymize(_ text: String, policy: MaskingPolicy = .default, known: [KnownPerson] = [],
                           reveal: [String: Set<Category>], explain: Bool = false,
                           pseudonymisation: PseudonymContext = PseudonymContext()) throws(DiskretError) -> AnonymizedText {
        let byteCount = text.utf8.count
        let limit = min(engine.options.maxInputBytes, EngineOptions.inputLimit)
        guard byteCount <= limit else { throw DiskretError.inputTooLarge(bytes: byteCount, limit: limit) }
        // Every detector reads the normalised view; the output is the note's own characters.
        let note = UTF16Conversion.units(of: text)
        let view = try DetectionView(note: note)
        let tokenized = try tokenizer.tokenize(view.units)
        let findings = try detect(in: tokenized, known: known)
        // The default policy (placeholders for all) needs no choice per finding.
        let operators = policy.isDefault ? nil : policy.choices(for: findings, context: pseudonymisation)
        var replacements = Masker(policy: policy).replacements(for: findings, operators: operators)
        if let operators, policy.pseudonymises {
            try Pseudonymizer(policy: policy, context: pseudonymisation, lexicon: lexicon, folder: tokenizer.folder)
                .apply(to: &replacements, operators: operators, for: findings, in: tokenized)
        }
        if !reveal.isEmpty {
            // Only spans the roster ties to the consenting subject alone are shown; see `RevealScope`.
            let scope = try RevealScope(persons: known, tokenizer: tokenizer, lexicon: lexicon)
            for index in scope.revealable(findings, in: tokenized, reveal: reveal) { replacements[index] = nil }
        }
        return render(note, view, findings, replacements, explain: explain)
    }

    /// The raw candidates of all rules for `text`, before evidence, thresholds and overlap resolution (for
    /// rule examples and `--explain`).
    func candidates(in text: String) throws(DiskretError) -> [Candidate] {
        let tokenized = try tokenizer.tokenize(try DetectionView(text).units)
        return try rawCandidates(in: tokenized, known: [])
    }

    private func rawCandidates(in text: TokenizedText, known: [KnownPerson]) throws(DiskretError) -> [Candidate] {
        var candidates: [Candidate] = []
        try patterns.detect(in: text, tokenizer: tokenizer, into: &candidates)
        WordListDetector(rules: engine.rules.wordLists, memo: wordAnswers).detect(in: text, into: &candidates)
        try contexts.detect(in: text, into: &candidates)
        DenyDetector(rules: engine.rules.deny).detect(in: text, into: &candidates)
        site.detect(in: text, into: &candidates)
        try LetterSpacingDetector(lexicon: lexicon, folder: tokenizer.folder).detect(in: text, into: &candidates)
        try KnownIdentifierDetector(persons: known, tokenizer: tokenizer).detect(in: text, into: &candidates)
        // Last: only words no other rule claimed are unknown.
        for rule in engine.rules.unknownWords { UnknownNameWords(rule: rule, lexicon: lexicon).apply(to: &candidates, in: text) }
        return candidates
    }

    /// The pipeline: candidates from all rules → allow list → names in table columns → ages in brackets as evidence → evidence →
    /// threshold → weekdays' short forms that are no names → months that are first names before surnames → persons listed beside persons → chat senders → a handle's word as a name → quoted nicknames → words a bracket names → nicknames said to be a relative → residents by room → representatives in brackets → first names in small letters → propagation → initials of named persons → lone initials → initials in small letters → addresses in small letters → surnames after first names → codes defined in the note → staff codes with numbers → staff numbers → ages in brackets and tables → rooms, places and phone numbers in tables →
    /// times and weekdays beside dates → kinds of business before names → overlap resolution → name merging → genitive names → a display name's emoji → role evidence →
    /// roster roles → the site's never-mask list → entity linking.
    func detect(in text: TokenizedText, known: [KnownPerson]) throws(DiskretError) -> [Candidate] {
        let threshold = engine.options.threshold
        var candidates = try rawCandidates(in: text, known: known)
        candidates.removeAllInPlace { isAllowListed($0, in: text) }
        let tables = TableLayout(text.units)
        let columns = TableColumns(lexicon: lexicon, threshold: threshold, tables: tables)
        columns.applyNames(to: &candidates, in: text)
        AgeBracketEvidence(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        Evidence(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        candidates.removeAllInPlace { $0.score < threshold }
        WeekdayShortForms(tables: tables).apply(to: &candidates, in: text)
        FirstNameMonths(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        ListedPersons(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        ChatSenders(lexicon: lexicon).apply(to: &candidates, in: text)
        HandleNames(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        QuotedNicknames(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        BracketedIdentities(lexicon: lexicon).apply(to: &candidates, in: text)
        DefinedNicknames(lexicon: lexicon).apply(to: &candidates, in: text)
        RoomResidents(lexicon: lexicon).apply(to: &candidates, in: text)
        RepresentativeBrackets(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        LowerCaseFirstNames(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        Propagation(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        NamedInitials(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        LoneInitials(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        SmallInitials(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        LowerCaseAddresses(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        SurnameAfterFirstName(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        DefinedCodes(lexicon: lexicon, threshold: threshold, tables: tables).apply(to: &candidates, in: text)
        NumberedStaffCodes(lexicon: lexicon).apply(to: &candidates, in: text)
        StaffNumbers(threshold: threshold).apply(to: &candidates, in: text)
        BracketedAge(threshold: threshold).apply(to: &candidates, in: text)
        columns.applyAges(to: &candidates, in: text)
        columns.applyRooms(to: &candidates, in: text)
        columns.applyPlaces(to: &candidates, in: text)
        columns.applyPhones(to: &candidates, in: text)
        DateTail(threshold: threshold).apply(to: &candidates, in: text)
        OrganisationHead(lexicon: lexicon, threshold: threshold).apply(to: &candidates, in: text)
        var findings = NameMerger(lexicon: lexicon).merge(OverlapResolver.resolve(candidates), in: text)
        GenitiveNames(lexicon: lexicon).trim(&findings, in: text)
        DisplayNameSymbols().widen(&findings, in: text)
        RoleEvidence(lexicon: lexicon).apply(to: &findings, in: text)
        if !known.isEmpty { try RosterRoles(known: known, tokenizer: tokenizer).apply(to: &findings, in: text) }
        // After the roster has claimed its persons, before linking numbers the placeholders.
        site.dropNeverMasked(&findings, in: text)
        EntityLinker(lexicon: lexicon).link(&findings, in: text)
        return findings
    }

    /// Word-list hits that are on an allow list as a whole are dropped; patterns, context, deny and roster
    /// findings are not (they carry their own evidence).
    private func isAllowListed(_ candidate: Candidate, in text: TokenizedText) -> Bool {
        guard wordListLabels.contains(where: { $0 === candidate.label }) else { return false }
        // Most hits are one word: its key is asked in place, without joining it into a new array.
        let indices = tokenIndices(of: candidate.range, in: text)
        if indices.count == 1 { return lexicon.isAllowed(text.key(indices.lowerBound)) }
        return text.joinedKey(covering: candidate.range).map(lexicon.isAllowed) ?? false
    }

    /// Writes the note with each finding's span replaced; findings are in view offsets and are mapped back
    /// to the note, each covering the characters the view dropped inside it and at its edges.
    private func render(_ note: [UInt16], _ view: DetectionView, _ findings: [Candidate], _ replacements: [String?],
                        explain: Bool) -> AnonymizedText {
        var output: [UInt16] = []
        var position = 0
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(findings.count)
        // Findings are read by index, field by field: a copy of each retained its label and extras, in every
        // one of the three passes.
        let count = min(findings.count, replacements.count)
        for index in findings.indices {
            // Widened spans may meet over a dropped character: the earlier one keeps it. A span whose
            // characters all went to the one before (two halves of one composed letter) is masked by it.
            let range = view.noteRange(findings[index].range)
            let start = max(range.lowerBound, position)
            ranges.append(start..<max(start, range.upperBound))
            position = max(start, range.upperBound)
        }
        // The final length (at most, with `explain`): a growing array held a long note twice while copied.
        var length = note.count
        for index in 0..<count {
            if let replacement = replacements[index] { length += replacement.utf16.count - ranges[index].count }
            if explain { length += 16 + findings[index].rule.utf16.count }
        }
        output.reserveCapacity(length)
        var reported: [Finding] = []
        reported.reserveCapacity(findings.count)
        position = 0
        var scalars = 0  // scalar offset of `position`
        func advance(to offset: Int) {
            for index in position..<offset where !UTF16.isTrailSurrogate(note[index]) { scalars += 1 }
            position = offset
        }
        for index in 0..<count where !ranges[index].isEmpty {
            let range = ranges[index], replacement = replacements[index], score = findings[index].score
            output.append(contentsOf: note[position..<range.lowerBound])
            advance(to: range.lowerBound)
            let start = scalars
            if let replacement { UTF16Conversion.append(replacement, to: &output) } else { output.append(contentsOf: note[range]) }
            advance(to: range.upperBound)
            if explain { output.append(contentsOf: "‹\(findings[index].rule) \(Int((score * 100).rounded()))%›".utf16) }
            reported.append(Finding(start: start, end: scalars, category: findings[index].category, type: findings[index].type,
                                    rule: findings[index].rule, score: (score * 100).rounded() / 100, replacement: replacement,
                                    subject: findings[index].subject))
        }
        output.append(contentsOf: note[position...])
        return AnonymizedText(text: UTF16Conversion.string(of: output), findings: reported)
    }
}
