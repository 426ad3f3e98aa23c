/// The folded keys of a context rule's triggers, skip words and particles: made with the tokenizer (a few
/// milliseconds for the whole pack), so they are kept in the compiled-pack cache.
struct ContextKeys: Sendable {
    /// Trigger keys with the role each names, in file order.
    var triggers: [(key: [UInt8], role: String?)] = []
    /// Keys of triggers whose capitals matter, with their letters as written.
    var caseSensitiveTriggers: [(key: [UInt8], letters: String)] = []
    /// The longest trigger in tokens.
    var maxTriggerTokens = 1
    var skip: [[UInt8]] = []
    var particles: [[UInt8]] = []

    init(rule: RuleDefinition, fields: ContextFields, tokenizer: Tokenizer) throws(DiskretError) {
        for trigger in fields.triggers {
            let (key, count) = try tokenizer.phraseKey(trigger.value)
            guard !key.isEmpty else { throw DiskretError.invalidRules(file: rule.file, line: trigger.line, message: "rule \(rule.id): empty trigger") }
            let letters = trigger.value.unicodeScalars.filter { $0.properties.isAlphabetic }
            if letters.dropFirst().contains(where: { $0.properties.isUppercase }) {
                caseSensitiveTriggers.append((key, String(String.UnicodeScalarView(letters))))
            }
            triggers.append((key, trigger.role))
            maxTriggerTokens = max(maxTriggerTokens, count)
        }
        for word in fields.skip {
            let text = try tokenizer.tokenize(Array(word.value.utf16))
            for index in text.tokens.indices { skip.append(Array(text.key(index))) }
        }
        for word in fields.particles { particles.append(try tokenizer.folder.key(of: word.value)) }
    }

    func write(to out: inout ByteWriter) {
        out.int(triggers.count)
        for (key, role) in triggers { out.data(key); out.optionalString(role) }
        out.int(caseSensitiveTriggers.count)
        for (key, letters) in caseSensitiveTriggers { out.data(key); out.string(letters) }
        out.int(maxTriggerTokens)
        out.int(skip.count)
        for key in skip { out.data(key) }
        out.int(particles.count)
        for key in particles { out.data(key) }
    }

    init(from input: inout ByteReader) throws(ByteReader.Malformed) {
        for _ in 0..<(try input.count()) { triggers.append((try input.data(), try input.optionalString())) }
        for _ in 0..<(try input.count()) { caseSensitiveTriggers.append((try input.data(), try input.string())) }
        maxTriggerTokens = try input.int()
        for _ in 0..<(try input.count()) { skip.append(try input.data()) }
        for _ in 0..<(try input.count()) { particles.append(try input.data()) }
    }
}
