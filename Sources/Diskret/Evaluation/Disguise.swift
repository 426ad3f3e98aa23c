import Foundation

/// The ways pasted and hostile text disguises personal data, for `diskret eval --disguise` and the tests:
/// each hides a gold span as Word, PDFs and web pages do, so that a score shows what the disguise costs.
package enum DisguiseKind: String, CaseIterable, Sendable {
    /// A soft hyphen (U+00AD) between two letters or digits, as automatic hyphenation leaves it.
    case softhyphen
    /// A zero-width space, non-joiner, joiner, word joiner or byte-order mark inside the span.
    case zerowidth
    /// Every space inside the span and the space before it as a no-break, narrow no-break, thin or figure space.
    case nbsp
    /// One Latin letter as its Cyrillic or Greek look-alike.
    case homoglyph
    /// Digits (else one letter) in their full-width forms.
    case fullwidth
    /// The span decomposed (NFD): umlauts as a base letter and a combining mark.
    case nfd
    /// A word of the span hyphenated across a line end ("Lin-⏎den", "Lin-\r⏎den", "Lin\u{AD}⏎den").
    case linebreak
    /// All of the above on every span, one after another.
    case all
}

/// Disguises the gold spans of documents, reproducibly from a seed.
package struct Disguiser {
    private var state: UInt64

    /// A disguiser whose choices follow from `seed`.
    package init(seed: UInt64) { state = seed }

    /// `document` with every gold span disguised as `kind` says; the entities' offsets follow the text.
    package mutating func disguise(_ document: GoldDocument, as kind: DisguiseKind) -> GoldDocument {
        var scalars = Array(document.text.unicodeScalars)
        let order = document.entities.indices.sorted { document.entities[$0].start < document.entities[$1].start }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count + document.entities.count * 4)
        var newRanges = [Range<Int>?](repeating: nil, count: document.entities.count)
        var position = 0
        for index in order {
            let entity = document.entities[index]
            guard entity.start >= position, entity.start < entity.end, entity.end <= scalars.count else { continue }
            if (kind == .nbsp || kind == .all) && entity.start > 0 && scalars[entity.start - 1] == " " {
                scalars[entity.start - 1] = pick(Self.spaces)
            }
            output.append(contentsOf: scalars[position..<entity.start])
            let start = output.count
            output.append(contentsOf: disguise(Array(scalars[entity.start..<entity.end]), as: kind))
            newRanges[index] = start..<output.count
            position = entity.end
        }
        output.append(contentsOf: scalars[position...])
        // Entities left out (overlapping an earlier one) are dropped: their offsets would no longer be true.
        let entities = document.entities.indices.compactMap { index in
            newRanges[index].map { GoldDocument.Entity(start: $0.lowerBound, end: $0.upperBound, label: document.entities[index].label) }
        }
        return GoldDocument(id: document.id, text: String(String.UnicodeScalarView(output)), entities: entities)
    }

    /// The span `scalars` disguised as `kind` says.
    package mutating func disguise(_ scalars: [Unicode.Scalar], as kind: DisguiseKind) -> [Unicode.Scalar] {
        var span = scalars
        switch kind {
        case .softhyphen:
            insert("\u{AD}", into: &span) { isWordScalar($0) && isWordScalar($1) }
        case .zerowidth:
            let mark = pick(Self.zeroWidth)
            insert(mark, into: &span) { !$0.properties.isWhitespace && !$1.properties.isWhitespace }
        case .nbsp:
            for index in span.indices where span[index] == " " { span[index] = pick(Self.spaces) }
        case .homoglyph:
            let candidates = span.indices.filter { Self.lookAlikes[span[$0]] != nil }
            if !candidates.isEmpty {
                let index = candidates[Int(next() % UInt64(candidates.count))]
                span[index] = pick(Self.lookAlikes[span[index]]!)
            }
        case .fullwidth:
            let digits = span.indices.filter { ("0"..."9").contains(span[$0]) }
            if !digits.isEmpty {
                for index in digits { span[index] = Unicode.Scalar(span[index].value + 0xFEE0)! }
            } else {
                let letters = span.indices.filter { span[$0].isASCII && span[$0].properties.isAlphabetic }
                if !letters.isEmpty {
                    let index = letters[Int(next() % UInt64(letters.count))]
                    span[index] = Unicode.Scalar(span[index].value + 0xFEE0)!
                }
            }
        case .nfd:
            span = Array(String(String.UnicodeScalarView(span)).decomposedStringWithCanonicalMapping.unicodeScalars)
        case .linebreak:
            let hyphenations: [[Unicode.Scalar]] = [["-", "\n"], ["-", "\r", "\n"], ["\u{AD}", "\n"]]
            var breaks = hyphenations[Int(next() % 3)]
            var positions = positions(in: span) { $0.properties.isAlphabetic && $1.properties.isLowercase }
            if positions.isEmpty || breaks[0] == "\u{AD}" {
                // A soft hyphen joins any two letters; a hard one only before a lower-case letter.
                breaks = hyphenations[2]
                positions = self.positions(in: span) { $0.properties.isAlphabetic && $1.properties.isAlphabetic }
            }
            if !positions.isEmpty { span.insert(contentsOf: breaks, at: positions[Int(next() % UInt64(positions.count))]) }
        case .all:
            for each in [DisguiseKind.nfd, .fullwidth, .homoglyph, .linebreak, .nbsp, .softhyphen, .zerowidth] {
                span = disguise(span, as: each)
            }
        }
        return span
    }

    private static let spaces: [Unicode.Scalar] = ["\u{A0}", "\u{202F}", "\u{2009}", "\u{2007}"]
    private static let zeroWidth: [Unicode.Scalar] = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]
    /// Latin letter → its look-alikes, from the view's table (what the view reads back).
    private static let lookAlikes: [Unicode.Scalar: [Unicode.Scalar]] = {
        var result: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for (lookAlike, latin) in Homoglyphs.table {
            result[Unicode.Scalar(latin)!, default: []].append(Unicode.Scalar(lookAlike)!)
        }
        return result
    }()

    /// Inserts `mark` at a random offset between two scalars of `span` for which `between` holds.
    private mutating func insert(_ mark: Unicode.Scalar, into span: inout [Unicode.Scalar],
                                 where between: (Unicode.Scalar, Unicode.Scalar) -> Bool) {
        let candidates = positions(in: span, where: between)
        guard !candidates.isEmpty else { return }
        span.insert(mark, at: candidates[Int(next() % UInt64(candidates.count))])
    }

    private func positions(in span: [Unicode.Scalar], where between: (Unicode.Scalar, Unicode.Scalar) -> Bool) -> [Int] {
        span.count < 2 ? [] : (1..<span.count).filter { between(span[$0 - 1], span[$0]) }
    }

    private mutating func pick(_ choices: [Unicode.Scalar]) -> Unicode.Scalar { choices[Int(next() % UInt64(choices.count))] }

    /// SplitMix64: the same choices for the same seed on every platform.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A letter or digit.
private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
}
