extension RuleDefinition {
    /// Writes every field, in declaration order (the compiled-pack cache; a test checks that none is missed).
    func write(to out: inout ByteWriter) {
        out.string(id); out.string(kind.rawValue); out.string(file); out.int(line); out.string(description)
        out.optionalString(category?.rawValue); out.string(type); out.double(score); out.lines(examples)
        out.optionalString(pattern); out.int(group); out.bool(caseInsensitive); out.optionalString(validator)
        out.string(gate.rawValue); out.lines(requiresText.map { ($0, 0) }); out.lines(requiresBeforeNumber.map { ($0, 0) })
        out.lines(checkLists); out.int(checkGroup)
        out.lines(lists); out.lines(words); out.bool(capitalizedOnly); out.int(minLength)
        out.lines(ambiguousLists); out.lines(ambiguousAtStartLists); out.double(ambiguousScore)
        out.double(jargonShare)
        out.int(triggers.count)
        for trigger in triggers { out.string(trigger.value); out.optionalString(trigger.role); out.int(trigger.line) }
        out.lines(skip); out.lines(particles); out.string(target.rawValue); out.optionalString(targetPattern)
        out.int(maxWords); out.bool(strictFirstWord); out.bool(acrossSentences); out.bool(includeTrigger)
    }

    /// Reads a definition written by `write(to:)`.
    init(from input: inout ByteReader) throws(ByteReader.Malformed) {
        func decoded<Value: RawRepresentable<String>>(_ type: Value.Type) throws(ByteReader.Malformed) -> Value {
            guard let value = Value(rawValue: try input.string()) else { throw ByteReader.Malformed() }
            return value
        }
        id = try input.string()
        kind = try decoded(Kind.self)
        file = try input.string()
        line = try input.int()
        description = try input.string()
        if let name = try input.optionalString() {
            guard let value = Category(rawValue: name) else { throw ByteReader.Malformed() }
            category = value
        }
        type = try input.string()
        score = try input.double()
        examples = try input.lines()
        pattern = try input.optionalString()
        group = try input.int()
        caseInsensitive = try input.bool()
        validator = try input.optionalString()
        gate = try decoded(PatternGate.self)
        requiresText = try input.lines().map(\.value)
        requiresBeforeNumber = try input.lines().map(\.value)
        checkLists = try input.lines()
        checkGroup = try input.int()
        lists = try input.lines()
        words = try input.lines()
        capitalizedOnly = try input.bool()
        minLength = try input.int()
        ambiguousLists = try input.lines()
        ambiguousAtStartLists = try input.lines()
        ambiguousScore = try input.double()
        jargonShare = try input.double()
        for _ in 0..<(try input.count()) { triggers.append((try input.string(), try input.optionalString(), try input.int())) }
        skip = try input.lines()
        particles = try input.lines()
        target = try decoded(Target.self)
        targetPattern = try input.optionalString()
        maxWords = try input.int()
        strictFirstWord = try input.bool()
        acrossSentences = try input.bool()
        includeTrigger = try input.bool()
    }
}
