/// Gives a mention the roster subject of the one roster person it can only be: the mention carries a role
/// bound to it ("Herr Yilmaz (KV)"), exactly one roster person holds that role, and every name word of the
/// mention is one of that person's. A family name the roster's persons share names none of them by itself
/// (see `KnownIdentifierDetector`); the role word is what tells them apart, so the person gets the same
/// placeholder, pseudonym and surrogate as in the notes that give the full name.
struct RosterRoles {
    /// Per roster person: subject, role, fixed placeholder and the folded keys of its name words.
    let persons: [(subject: String, role: String, placeholder: String, words: Set<[UInt8]>)]

    /// The roster persons of `known` that have a role, with their name words folded by `tokenizer`.
    init(known: [KnownPerson], tokenizer: Tokenizer) throws(DiskretError) {
        var persons: [(String, String, String, Set<[UInt8]>)] = []
        for person in known {
            guard let role = person.role else { continue }
            var words: Set<[UInt8]> = []
            for name in person.names {
                let tokens = try tokenizer.tokenize(Array(name.utf16))
                for index in tokens.tokens.indices where tokens.tokens[index].isWord { words.insert(Array(tokens.key(index))) }
            }
            persons.append((person.subject, role, person.placeholder, words))
        }
        self.persons = persons
    }

    /// Gives the roster subject to each person finding that only one roster person can be, in place.
    func apply(to findings: inout [Candidate], in text: TokenizedText) {
        guard !persons.isEmpty else { return }
        for index in findings.indices where findings[index].category == .person && findings[index].subject == nil && !findings[index].standalone {
            guard let role = findings[index].role else { continue }
            let holders = persons.filter { $0.role == role }
            guard holders.count == 1, let person = holders.first else { continue }
            let words = tokenIndices(of: findings[index].range, in: text).filter { text.tokens[$0].isWord && text.tokens[$0].end - text.tokens[$0].start >= 2 }
            guard !words.isEmpty, words.allSatisfy({ person.words.contains(Array(text.key($0))) }) else { continue }
            findings[index].subject = person.subject
            findings[index].fixedPlaceholder = person.placeholder
        }
    }
}
