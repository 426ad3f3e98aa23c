import Diskret

/// Arbitrary bytes as a tiny roster and a note: the lines before "---" are persons (names separated by
/// ","), the rest the note; person 1 consents to a reveal of names. Invariant: every word the reveal shows
/// (more often in the revealed output than in the masked one) is one of person 1's name words, and none that
/// only another roster person has — whatever near-identical names, typos and disguises the input holds.
enum RevealFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = String(validating: bytes, as: UTF8.self), let separator = text.range(of: "\n---\n") else { return }
        let lines = text[..<separator.lowerBound].split(separator: "\n").prefix(6)
        let persons = lines.enumerated().map { index, line in
            KnownPerson(subject: "K-1/P\(index)", role: index == 0 ? "Kindsmutter" : "Kind",
                        names: line.split(separator: ",").map(String.init).filter { !$0.isEmpty }, placeholder: "[P\(index)]")
        }
        guard !persons.isEmpty else { return }
        let note = String(text[separator.upperBound...])
        guard let masked = try? germanSession.anonymize(note, known: persons),
              let revealed = try? germanSession.anonymize(note, known: persons, reveal: ["K-1/P0": [.person]]) else { return }
        Invariants.check(input: note, result: revealed)
        func words(_ text: String) -> [String] { text.split { !$0.isLetter }.map { $0.lowercased() } }
        func nameWords(_ person: KnownPerson) -> Set<String> { Set(person.names.flatMap(words)) }
        let own = nameWords(persons[0])
        let others = persons.dropFirst().reduce(into: Set<String>()) { $0.formUnion(nameWords($1)) }
        var counts: [String: Int] = [:]
        for word in words(masked.text) { counts[word, default: 0] -= 1 }
        for word in words(revealed.text) { counts[word, default: 0] += 1 }
        for (word, surplus) in counts where surplus > 0 && others.contains(word) && !own.contains(word) {
            fatalError("a reveal of person 1 showed a name word only another roster person has (\(word.count) letters)")
        }
    }
}
