/// The rendering stage for the pseudonymisation operators: after the `Masker` has numbered placeholders, it
/// replaces them for categories whose operator is `pseudonym`, `surrogate`, `shift`, `relative`,
/// `generalize-month`, `generalize-year` or `age-band`. A finding whose operator cannot be applied (no case
/// key, no anchor date, an unreadable date, a surrogate list ran out) keeps its placeholder: the stage never
/// makes the output less masked than placeholders would.
struct Pseudonymizer {
    let policy: MaskingPolicy
    let context: PseudonymContext
    let lexicon: Lexicon
    let folder: KeyFolder

    /// Replaces `replacements[i]` of each finding whose operator (`operators[i]`, chosen once by
    /// `MaskingPolicy.choices(for:context:)`) is a pseudonymisation operator.
    func apply(to replacements: inout [String?], operators: [MaskingPolicy.Operator], for findings: [Candidate],
               in text: TokenizedText) throws(DiskretError) {
        var picker: SurrogatePicker? = nil
        for category in Category.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            let indices = findings.indices.filter { findings[$0].category == category && replacements[$0] != nil }
            guard let first = indices.first else { continue }
            let op = operators[first]
            switch op {
            case .shift, .relative, .generalizeMonth, .generalizeYear:
                rewriteDates(indices, op, findings, text, into: &replacements)
            case .ageBand:
                for index in indices { if let band = ageBand(findings[index], text) { replacements[index] = band } }
            case .pseudonym:
                // Persons without a roster subject word by word (see `PersonPseudonyms`), the rest whole.
                let byWord = category == .person
                    ? PersonPseudonyms(key: context.caseKey!, lexicon: lexicon).codes(for: indices.filter { findings[$0].subject == nil }, in: findings, text: text)
                    : [:]
                for (index, code) in byWord { replacements[index] = code }
                let rest = indices.filter { byWord[$0] == nil }
                if !rest.isEmpty { for (index, code) in try pseudonyms(rest, findings, text) { replacements[index] = code } }
            case .surrogate:
                if picker == nil { picker = SurrogatePicker(key: context.caseKey!, folder: folder, noteWords: try noteWords(text)) }
                for (index, value) in try surrogates(indices, findings, text, picker!) { replacements[index] = value }
            case .placeholder, .redact, .keep:
                continue
            }
        }
    }

    // MARK: Dates and ages

    private func rewriteDates(_ indices: [Int], _ op: MaskingPolicy.Operator, _ findings: [Candidate], _ text: TokenizedText,
                              into replacements: inout [String?]) {
        let mode: DateRewriter.Mode
        switch op {
        case .shift: mode = .shift(days: context.caseKey!.dateShift)
        case .relative: mode = .relative(anchor: context.anchorDate!)
        case .generalizeMonth: mode = .generalizeMonth
        default: mode = .generalizeYear
        }
        let rewriter = DateRewriter(mode: mode, anchor: context.anchorDate, bandAges: policy.operator(for: .age) == .ageBand)
        let inputs = indices.map { DateRewriter.Input(surface: text.string(findings[$0].range), isBirthDate: isBirthDate(findings[$0], text)) }
        for (index, value) in zip(indices, rewriter.rewrite(inputs)) where value != nil { replacements[index] = value }
    }

    /// A date of type `date.birth` (a roster's birth date) or after "geb.", "geboren (am)", "Geburtsdatum", "*".
    private func isBirthDate(_ finding: Candidate, _ text: TokenizedText) -> Bool {
        if finding.type == "date.birth" { return true }
        var before = text.string(max(0, finding.range.lowerBound - 24)..<finding.range.lowerBound).lowercased()
        while let last = before.last, last == " " || last == ":" || last == "\u{A0}" || last == "(" { before.removeLast() }
        for word in [" am", " den"] where before.hasSuffix(word) {
            before.removeLast(word.count)
            while before.last == " " { before.removeLast() }
        }
        for marker in ["geb.", "geb", "geboren", "geburtsdatum", "geb.-datum", "geburtstag", "*"] where before.hasSuffix(marker) {
            let rest = before.dropLast(marker.count)
            if marker == "*" || !(rest.last?.isLetter ?? false) { return true }
        }
        return false
    }

    /// "4–6" for an age of 5; a hyphen is added when a word is glued to the number ("5jährige" → "4–6-jährige").
    private func ageBand(_ finding: Candidate, _ text: TokenizedText) -> String? {
        guard let age = AgeBand.value(of: text.string(finding.range)) else { return nil }
        let end = finding.range.upperBound
        let gluedWord = end < text.units.count && Character(Unicode.Scalar(text.units[end]) ?? " ").isLetter
        return AgeBand.band(for: age) + (gluedWord ? "-" : "")
    }

    // MARK: Keyed pseudonyms

    /// "Person-7F3A": four hex digits of HMAC(case key, category and value), eight where two values of the note
    /// share four. Roster persons are keyed by their subject; persons without one get `PersonPseudonyms`
    /// first, and only a mention without name words comes here, keyed by the name words of its entity.
    private func pseudonyms(_ indices: [Int], _ findings: [Candidate], _ text: TokenizedText) throws(DiskretError) -> [(Int, String)] {
        let key = context.caseKey!
        let materials = indices.map { material(of: $0, findings, text) }
        let labels = indices.map { findings[$0].placeholderLabel }
        func code(_ position: Int, digits: Int) -> String {
            let digest = key.derive("pseudonym/\(findings[indices[position]].category.rawValue)", materials[position])
            return labels[position] + "-" + digest.prefix(digits / 2).map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
        }
        let short = indices.indices.map { code($0, digits: 4) }
        var materialsByCode: [String: Set<[UInt8]>] = [:]
        for position in indices.indices { materialsByCode[short[position], default: []].insert(materials[position]) }
        return indices.indices.map { position in
            (indices[position], materialsByCode[short[position]]!.count > 1 ? code(position, digits: 8) : short[position])
        }
    }

    /// What a pseudonym is derived from: a person's subject or name words, a value's normalised form.
    private func material(of index: Int, _ findings: [Candidate], _ text: TokenizedText) -> [UInt8] {
        let finding = findings[index]
        if finding.category == .person {
            if let subject = finding.subject { return Array("subject:\(subject)".utf8) }
            var words: Set<[UInt8]> = []
            for other in findings where other.category == .person && other.entity == finding.entity {
                for token in tokenIndices(of: other.range, in: text) where text.tokens[token].isWord && text.tokens[token].end - text.tokens[token].start >= 2 {
                    let key = Array(text.key(token))
                    if !lexicon.isParticle(key[...]) { words.insert(key) }
                }
            }
            // "Fischers" counts as "Fischer" when the note has both.
            let stemmed = Set(words.map { $0.count > 3 && $0.last == 0x73 && words.contains(Array($0.dropLast())) ? Array($0.dropLast()) : $0 })
            return Array(stemmed.sorted { $0.lexicographicallyPrecedes($1) }.joined(separator: [0x20]))
        }
        let surface = text.string(finding.range)
        switch finding.category {
        case .date:
            if let date = GermanDate.parse(surface) { return Array(date.canonical.utf8) }
        case .contact, .id, .age:
            let compact = surface.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            return Array(String(String.UnicodeScalarView(compact)).lowercased().utf8)
        default: break
        }
        return text.joinedKey(covering: finding.range) ?? Array(surface.utf8)
    }

    // MARK: Surrogates

    private func surrogates(_ indices: [Int], _ findings: [Candidate], _ text: TokenizedText,
                            _ picker: SurrogatePicker) throws(DiskretError) -> [(Int, String)] {
        let category = findings[indices[0]].category
        var result: [Int: String] = [:]
        if category == .person, let lists = context.surrogates {
            result = try NameSurrogates(picker: picker, lists: lists, lexicon: lexicon).replacements(for: indices, in: findings, text: text)
        } else if category != .person {
            let values = ValueSurrogates(picker: picker, lists: context.surrogates)
            var byValue: [[UInt8]: String] = [:]
            for index in indices {
                let finding = findings[index]
                let material = material(of: index, findings, text)
                if let known = byValue[material] { result[index] = known; continue }
                let surface = text.string(finding.range)
                var value: String?
                switch finding.category {
                case .contact where finding.type.hasPrefix("contact.phone") || finding.type.hasPrefix("contact.fax"):
                    value = try values.phone(surface, material: material)
                case .contact:
                    value = values.contact(finding.type, code: try pseudonyms([index], findings, text)[0].1.split(separator: "-").last.map(String.init) ?? "")
                case .id where finding.type == "id.iban":
                    value = values.iban(surface, material: material)
                case .address:
                    value = try values.address(finding.type, surface, material: material)
                default:
                    value = nil
                }
                if let value { byValue[material] = value; result[index] = value }
            }
        }
        // Types without a generator (organisations, other identifiers, persons without lists): keyed pseudonyms.
        let rest = indices.filter { result[$0] == nil }
        if !rest.isEmpty { for (index, code) in try pseudonyms(rest, findings, text) { result[index] = code } }
        return indices.compactMap { index in result[index].map { (index, $0) } }
    }

    /// The folded keys of every word of the note: no surrogate may equal one of them.
    private func noteWords(_ text: TokenizedText) throws(DiskretError) -> Set<[UInt8]> {
        var words: Set<[UInt8]> = []
        for index in text.tokens.indices where text.tokens[index].isWord { words.insert(Array(text.key(index))) }
        return words
    }
}
