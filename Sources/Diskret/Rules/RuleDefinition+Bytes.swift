extension RuleDefinition {
    /// Writes every field: the common ones, the kind, then the kind's fields (the compiled-pack cache; a test
    /// checks that none is missed).
    func write(to out: inout ByteWriter) {
        out.string(id); out.string(file); out.int(line); out.string(description)
        out.optionalString(category?.rawValue); out.string(type); out.double(score); out.lines(examples)
        out.string(kind.rawValue)
        switch body {
        case let .pattern(fields): fields.write(to: &out)
        case let .wordlist(fields), let .allow(fields), let .deny(fields): fields.write(to: &out)
        case let .context(fields): fields.write(to: &out)
        case let .unknownWord(fields): fields.write(to: &out)
        }
    }

    /// Reads a definition written by `write(to:)`.
    init(from input: inout ByteReader) throws(ByteReader.Malformed) {
        id = try input.string()
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
        switch try input.decoded(Kind.self) {
        case .pattern: body = .pattern(try PatternFields(from: &input))
        case .wordlist: body = .wordlist(try WordListFields(from: &input))
        case .allow: body = .allow(try WordListFields(from: &input))
        case .deny: body = .deny(try WordListFields(from: &input))
        case .context: body = .context(try ContextFields(from: &input))
        case .unknownWord: body = .unknownWord(try UnknownWordFields(from: &input))
        }
    }
}

extension ByteReader {
    /// A value of a string enumeration; an unknown name is malformed.
    mutating func decoded<Value: RawRepresentable<String>>(_ type: Value.Type) throws(ByteReader.Malformed) -> Value {
        guard let value = Value(rawValue: try string()) else { throw ByteReader.Malformed() }
        return value
    }
}

extension PatternFields {
    func write(to out: inout ByteWriter) {
        out.string(pattern); out.int(group); out.bool(caseInsensitive); out.optionalString(validator)
        out.string(gate.rawValue); out.lines(requiresText.map { ($0, 0) }); out.lines(requiresBeforeNumber.map { ($0, 0) })
        out.lines(checkLists); out.int(checkGroup); out.lines(rejectLists); out.int(rejectGroup ?? -1)
    }

    init(from input: inout ByteReader) throws(ByteReader.Malformed) {
        pattern = try input.string()
        group = try input.int()
        caseInsensitive = try input.bool()
        validator = try input.optionalString()
        gate = try input.decoded(PatternGate.self)
        requiresText = try input.lines().map(\.value)
        requiresBeforeNumber = try input.lines().map(\.value)
        checkLists = try input.lines()
        checkGroup = try input.int()
        rejectLists = try input.lines()
        let rejectGroup = try input.int()
        self.rejectGroup = rejectGroup < 0 ? nil : rejectGroup
    }
}

extension WordListFields {
    func write(to out: inout ByteWriter) {
        out.lines(lists); out.lines(words); out.bool(capitalizedOnly); out.int(minLength)
        out.lines(ambiguousLists); out.lines(ambiguousAtStartLists); out.double(ambiguousScore)
    }

    init(from input: inout ByteReader) throws(ByteReader.Malformed) {
        lists = try input.lines()
        words = try input.lines()
        capitalizedOnly = try input.bool()
        minLength = try input.int()
        ambiguousLists = try input.lines()
        ambiguousAtStartLists = try input.lines()
        ambiguousScore = try input.double()
    }
}

extension ContextFields {
    func write(to out: inout ByteWriter) {
        out.int(triggers.count)
        for trigger in triggers { out.string(trigger.value); out.optionalString(trigger.role); out.int(trigger.line) }
        out.lines(skip); out.lines(particles); out.lines(lists); out.string(target.rawValue); out.optionalString(targetPattern)
        out.bool(caseInsensitive); out.int(maxWords); out.bool(strictFirstWord); out.bool(acrossSentences); out.bool(includeTrigger)
    }

    init(from input: inout ByteReader) throws(ByteReader.Malformed) {
        for _ in 0..<(try input.count()) { triggers.append((try input.string(), try input.optionalString(), try input.int())) }
        skip = try input.lines()
        particles = try input.lines()
        lists = try input.lines()
        target = try input.decoded(Target.self)
        targetPattern = try input.optionalString()
        caseInsensitive = try input.bool()
        maxWords = try input.int()
        strictFirstWord = try input.bool()
        acrossSentences = try input.bool()
        includeTrigger = try input.bool()
    }
}

extension UnknownWordFields {
    func write(to out: inout ByteWriter) {
        out.lines(lists); out.double(jargonShare)
    }

    init(from input: inout ByteReader) throws(ByteReader.Malformed) {
        lists = try input.lines()
        jargonShare = try input.double()
    }
}
