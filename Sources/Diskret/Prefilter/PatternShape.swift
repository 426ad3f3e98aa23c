/// What a pattern can match with its look-arounds, anchors and laziness left out: a regular language that
/// holds every text the ICU pattern matches. The prefilter runs these shapes, not the patterns.
indirect enum PatternShape: Equatable {
    /// Matches the empty text.
    case empty
    /// One UTF-16 unit from the set.
    case unit(UnitSet)
    case sequence([PatternShape])
    case choice([PatternShape])
    /// `min` or more repetitions, at most `max` (nil: unbounded).
    case repetition(PatternShape, min: Int, max: Int?)
    /// A positive look-ahead (?=…): matches the empty text where its shape follows.
    case lookahead(PatternShape)
    /// A positive look-behind (?<=…): matches the empty text where its shape precedes.
    case lookbehind(PatternShape)

    /// The shape with its look-arounds resolved, still holding every match of the pattern: a look-ahead at
    /// the end of the pattern becomes text the match must be followed by, a look-behind at its start text
    /// it must be preceded by (the prefilter asks only which range of the note could hold a match, and the
    /// wider match still ends no earlier and starts no later than the pattern's). Every other look-around matches the empty text.
    var resolvingLookarounds: PatternShape { atEdges(start: true, end: true) }

    private func atEdges(start: Bool, end: Bool) -> PatternShape {
        switch self {
        case .empty, .unit: return self
        case .lookahead(let inner): return end ? inner.atEdges(start: false, end: true) : .empty
        case .lookbehind(let inner): return start ? inner.atEdges(start: true, end: false) : .empty
        case .choice(let alternatives): return .choice(alternatives.map { $0.atEdges(start: start, end: end) })
        case .repetition(let item, let minimum, let maximum):
            return .repetition(item.atEdges(start: false, end: false), min: minimum, max: maximum)
        case .sequence(let items):
            // Zero-width items side by side test the same position: of a leading run keep the last
            // look-behind, of a trailing run the first look-ahead; the item next to a kept one is no edge.
            let zeroWidth = items.map(\.isZeroWidth)
            let leading = zeroWidth.prefix { $0 }.count
            let trailing = leading == items.count ? 0 : zeroWidth.reversed().prefix { $0 }.count
            let behind = start ? items[..<leading].lastIndex { if case .lookbehind = $0 { return true }; return false } : nil
            let ahead = end ? items[(items.count - trailing)...].firstIndex { if case .lookahead = $0 { return true }; return false } : nil
            var result: [PatternShape] = []
            for (index, item) in items.enumerated() {
                if index == behind {
                    result.append(item.atEdges(start: true, end: false))
                } else if index == ahead {
                    result.append(item.atEdges(start: false, end: true))
                } else if !zeroWidth[index] {
                    let first = index == leading, last = index == items.count - trailing - 1
                    result.append(item.atEdges(start: start && first && behind == nil, end: end && last && ahead == nil))
                }
            }
            return .sequence(result)
        }
    }

    /// Whether the item matches only the empty text (anchors, look-arounds).
    private var isZeroWidth: Bool {
        switch self {
        case .empty, .lookahead, .lookbehind: return true
        default: return false
        }
    }
}

/// Why a pattern has no shape: it uses something the shape parser does not model. Such a rule simply runs
/// without the prefilter.
struct UnsupportedPattern: Error, Equatable {
    let reason: String
}

/// Parses ICU regular expressions in free-spacing mode (as rule files write them) into `PatternShape`s.
///
/// Every approximation widens: look-arounds, anchors and word boundaries match the empty text, lazy and
/// possessive quantifiers count as greedy ones, `.` matches any unit. Which units a class or a letter
/// without case matches, ICU's matcher itself says (`UnitSetSource`). What cannot be widened safely (back
/// references, `\Q…\E`) makes the pattern unsupported.
struct PatternShapeParser {
    private let scalars: [UInt32]
    private let sets: UnitSetSource
    private var position = 0

    /// The shape of `pattern`, compiled with ICU's free-spacing flag and, if `caseInsensitive`, its
    /// case-insensitive flag.
    static func shape(of pattern: String, caseInsensitive: Bool,
                      sets: UnitSetSource = UnitSetSource()) throws(UnsupportedPattern) -> PatternShape {
        var parser = PatternShapeParser(scalars: pattern.unicodeScalars.map(\.value), sets: sets)
        let shape = try parser.choice(caseInsensitive: caseInsensitive)
        guard parser.position == parser.scalars.count else { throw UnsupportedPattern(reason: "unbalanced ')'") }
        return shape
    }

    private init(scalars: [UInt32], sets: UnitSetSource) {
        self.scalars = scalars
        self.sets = sets
    }

    private var atEnd: Bool { position >= scalars.count }
    private var current: UInt32? { atEnd ? nil : scalars[position] }

    /// Unicode's Pattern_White_Space, which ICU's free-spacing mode skips (not only ASCII blanks).
    private func isSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0x200E, 0x200F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Skips free-spacing white space and `#` comments.
    private mutating func skipSpace() {
        while let scalar = current {
            if isSpace(scalar) { position += 1; continue }
            if scalar == 0x23 {
                while let skipped = current, skipped != 0x0A { position += 1 }
                continue
            }
            break
        }
    }

    private mutating func take(_ text: String) -> Bool {
        let wanted = text.unicodeScalars.map(\.value)
        guard position + wanted.count <= scalars.count, Array(scalars[position..<position + wanted.count]) == wanted
        else { return false }
        position += wanted.count
        return true
    }

    private mutating func choice(caseInsensitive: Bool) throws(UnsupportedPattern) -> PatternShape {
        var insensitive = caseInsensitive
        var alternatives: [PatternShape] = [try sequence(caseInsensitive: &insensitive)]
        while current == 0x7C {
            position += 1
            alternatives.append(try sequence(caseInsensitive: &insensitive))
        }
        return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
    }

    /// A sequence up to `|`, `)` or the end. An inline flag setting `(?i)` changes the case mode for the rest
    /// of the enclosing group, across `|`, hence `inout`.
    private mutating func sequence(caseInsensitive: inout Bool) throws(UnsupportedPattern) -> PatternShape {
        var items: [PatternShape] = []
        while true {
            skipSpace()
            guard let scalar = current, scalar != 0x7C, scalar != 0x29 else { break }
            if let atom = try atom(caseInsensitive: &caseInsensitive) {
                items.append(try quantified(atom))
            }
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func quantified(_ atom: PatternShape) throws(UnsupportedPattern) -> PatternShape {
        var shape = atom
        while true {
            skipSpace()
            guard let scalar = current else { return shape }
            let bounds: (Int, Int?)
            switch scalar {
            case 0x3F: position += 1; bounds = (0, 1)
            case 0x2A: position += 1; bounds = (0, nil)
            case 0x2B: position += 1; bounds = (1, nil)
            case 0x7B:
                position += 1
                let low = try number()
                var high: Int? = low
                skipSpace()
                if current == 0x2C {
                    position += 1
                    skipSpace()
                    high = current == 0x7D ? nil : try number()
                }
                skipSpace()
                guard current == 0x7D else { throw UnsupportedPattern(reason: "malformed {n,m}") }
                position += 1
                bounds = (low, high)
            default: return shape
            }
            // A lazy (?) or possessive (+) mark matches no more than the greedy quantifier.
            if current == 0x3F || current == 0x2B { position += 1 }
            shape = .repetition(shape, min: bounds.0, max: bounds.1)
        }
    }

    private mutating func number() throws(UnsupportedPattern) -> Int {
        skipSpace()
        var value = 0, digits = 0
        while let scalar = current, (0x30...0x39).contains(scalar), digits < 6 {
            value = value * 10 + Int(scalar - 0x30)
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw UnsupportedPattern(reason: "malformed {n,m}") }
        return value
    }

    /// One atom, or nil for a flag setting that matches nothing.
    private mutating func atom(caseInsensitive: inout Bool) throws(UnsupportedPattern) -> PatternShape? {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case 0x28: return try group(caseInsensitive: &caseInsensitive)
        case 0x5B: return .unit(try set(caseInsensitive: caseInsensitive))
        case 0x2E: return .unit(.all)
        case 0x5E, 0x24: return .empty
        case 0x5C: return try escape(caseInsensitive: caseInsensitive)
        case 0x2A, 0x2B, 0x3F, 0x7B: throw UnsupportedPattern(reason: "quantifier without an atom")
        default: return try literal(scalar, caseInsensitive: caseInsensitive)
        }
    }

    private mutating func group(caseInsensitive: inout Bool) throws(UnsupportedPattern) -> PatternShape? {
        var inner = caseInsensitive
        var lookaround: ((PatternShape) -> PatternShape)?
        if current == 0x3F {
            position += 1
            if take(":") || take(">") {
            } else if take("=") {
                lookaround = { .lookahead($0) }
            } else if take("<=") {
                lookaround = { .lookbehind($0) }
            } else if take("!") || take("<!") {
                lookaround = { _ in .empty }
            } else if current == 0x3C {
                // A named group (?<name>…).
                while let name = current, name != 0x3E { position += 1 }
                guard current == 0x3E else { throw UnsupportedPattern(reason: "unterminated group name") }
                position += 1
            } else {
                // Flags: (?i) (?-i) (?im:…) — only i changes what can match; x off would change spacing.
                var on = true, flag = caseInsensitive
                while let letter = current, letter != 0x3A, letter != 0x29 {
                    switch letter {
                    case 0x2D: on = false
                    case 0x69: flag = on
                    case 0x6D, 0x73, 0x77: break
                    default: throw UnsupportedPattern(reason: "unsupported flag")
                    }
                    position += 1
                }
                guard let end = current else { throw UnsupportedPattern(reason: "unterminated group") }
                position += 1
                if end == 0x29 {
                    caseInsensitive = flag
                    return nil
                }
                inner = flag
                let shape = try choice(caseInsensitive: inner)
                try close()
                return shape
            }
        }
        let shape = try choice(caseInsensitive: inner)
        try close()
        return lookaround.map { $0(shape) } ?? shape
    }

    private mutating func close() throws(UnsupportedPattern) {
        skipSpace()
        guard current == 0x29 else { throw UnsupportedPattern(reason: "unterminated group") }
        position += 1
    }

    private func literal(_ scalar: UInt32, caseInsensitive: Bool) throws(UnsupportedPattern) -> PatternShape {
        guard scalar <= 0xFFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw UnsupportedPattern(reason: "character outside the BMP")
        }
        guard caseInsensitive else { return .unit(UnitSet(scalar)) }
        let fold = sets.fullFold(scalar)
        let written = "\\x{" + String(scalar, radix: 16) + "}"
        guard let singles = sets.units(matchedBy: written, caseInsensitive: true) else {
            throw UnsupportedPattern(reason: "a letter ICU does not match unit by unit")
        }
        if fold.count <= 1 { return .unit(singles) }
        // "ß" without case matches "ß", "ẞ" and "ss" in any case: one unit or its folding.
        var folded: [PatternShape] = []
        for unit in fold { folded.append(try literal(UInt32(unit), caseInsensitive: true)) }
        return .choice([.unit(singles), .sequence(folded)])
    }

    /// An escape outside a set.
    private mutating func escape(caseInsensitive: Bool) throws(UnsupportedPattern) -> PatternShape {
        guard let scalar = current else { throw UnsupportedPattern(reason: "trailing backslash") }
        switch scalar {
        case 0x62, 0x42, 0x41, 0x7A, 0x5A, 0x47: // \b \B \A \z \Z \G
            position += 1
            return .empty
        default:
            if let set = try setEscape(caseInsensitive: caseInsensitive) { return .unit(set) }
            return try literal(try escapedScalar(), caseInsensitive: caseInsensitive)
        }
    }

    /// A class escape (\d \s \w \h \p{…} and their negations) with the units ICU matches for it, or nil if
    /// the escape is not one (the backslash already read).
    private mutating func setEscape(caseInsensitive: Bool) throws(UnsupportedPattern) -> UnitSet? {
        guard let scalar = current else { return nil }
        let start = position - 1
        switch scalar {
        case 0x64, 0x44, 0x73, 0x53, 0x77, 0x57, 0x68, 0x48: position += 1
        case 0x70, 0x50:
            position += 1
            guard current == 0x7B else { throw UnsupportedPattern(reason: "\\p without braces") }
            while let letter = current, letter != 0x7D { position += 1 }
            guard current == 0x7D else { throw UnsupportedPattern(reason: "unterminated \\p{") }
            position += 1
        default: return nil
        }
        return try units(from: start, caseInsensitive: caseInsensitive)
    }

    /// The units ICU matches for the class written from `start` to the current position.
    private func units(from start: Int, caseInsensitive: Bool) throws(UnsupportedPattern) -> UnitSet {
        var text = ""
        for scalar in scalars[start..<position] { if let unicode = Unicode.Scalar(scalar) { text.unicodeScalars.append(unicode) } }
        guard let set = sets.units(matchedBy: text, caseInsensitive: caseInsensitive) else {
            throw UnsupportedPattern(reason: "a class ICU does not match unit by unit")
        }
        return set
    }

    /// The character an escape stands for (\x20, \x{…}, \u…, \n, \t, or an escaped punctuation mark).
    private mutating func escapedScalar() throws(UnsupportedPattern) -> UInt32 {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case 0x6E: return 0x0A
        case 0x74: return 0x09
        case 0x72: return 0x0D
        case 0x66: return 0x0C
        case 0x61: return 0x07
        case 0x65: return 0x1B
        case 0x78:
            if current == 0x7B {
                position += 1
                let value = try hex(maxDigits: 6)
                guard current == 0x7D else { throw UnsupportedPattern(reason: "unterminated \\x{") }
                position += 1
                return value
            }
            return try hex(exactly: 2)
        case 0x75: return try hex(exactly: 4)
        case 0x55: return try hex(exactly: 8)
        default:
            // Letters and digits after a backslash mean something (back references, \Q, \N, \R, \X …).
            let isWordCharacter = (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar)
                || (0x61...0x7A).contains(scalar)
            guard !isWordCharacter else { throw UnsupportedPattern(reason: "unsupported escape") }
            return scalar
        }
    }

    private mutating func hex(exactly count: Int) throws(UnsupportedPattern) -> UInt32 {
        let start = position
        let value = try hex(maxDigits: count)
        guard position - start == count else { throw UnsupportedPattern(reason: "malformed hex escape") }
        return value
    }

    private mutating func hex(maxDigits: Int) throws(UnsupportedPattern) -> UInt32 {
        var value: UInt32 = 0, digits = 0
        while let scalar = current, digits < maxDigits, let digit = Self.hexValue(scalar) {
            value = value * 16 + digit
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw UnsupportedPattern(reason: "malformed hex escape") }
        return value
    }

    private static func hexValue(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x30...0x39: return scalar - 0x30
        case 0x41...0x46: return scalar - 0x41 + 10
        case 0x61...0x66: return scalar - 0x61 + 10
        default: return nil
        }
    }

    /// A set `[…]`, the opening bracket already read: its extent is found here, its units are what ICU
    /// matches for it (nested sets, properties, ranges, set operations and all).
    private mutating func set(caseInsensitive: Bool) throws(UnsupportedPattern) -> UnitSet {
        let start = position - 1
        var depth = 1
        if current == 0x5E { position += 1 }
        if current == 0x5D { throw UnsupportedPattern(reason: "']' first in a set") }
        while depth > 0 {
            guard let scalar = current else { throw UnsupportedPattern(reason: "unterminated set") }
            position += 1
            switch scalar {
            case 0x5B: depth += 1
            case 0x5D: depth -= 1
            case 0x5C:
                guard let escaped = current else { throw UnsupportedPattern(reason: "unterminated set") }
                position += 1
                if escaped == 0x51 { throw UnsupportedPattern(reason: "\\Q in a set") }
                // \p{…}, \x{…}, \N{…}: braces hold no bracket.
                if current == 0x7B, [0x70, 0x50, 0x78, 0x4E].contains(escaped) {
                    while let inner = current, inner != 0x7D { position += 1 }
                    guard current == 0x7D else { throw UnsupportedPattern(reason: "unterminated escape in a set") }
                    position += 1
                }
            default: break
            }
        }
        return try units(from: start, caseInsensitive: caseInsensitive)
    }
}
