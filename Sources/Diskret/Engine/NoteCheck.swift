/// One finding of `check`: where it is and what it is, never the text found.
public struct CheckedFinding: Sendable, Equatable {
    /// 1-based line.
    public let line: Int
    /// 1-based column, in Unicode scalars.
    public let column: Int
    /// The category found.
    public let category: Category
    /// The rule that found it (`check.leftover-digits` for digits no rule took).
    public let rule: String
}

extension Session {
    /// What `diskret check` reports: the findings of the rules plus digits left outside a placeholder (a
    /// filter's leftover, a number split by a disguise), by position. Empty means the note passes.
    public func check(_ text: String) throws(DiskretError) -> [CheckedFinding] {
        let found = try anonymize(text, policy: .default).findings
        let leftovers = try LeftoverDigits.find(in: text, besides: found)
        var findings = found.map { ($0.start, $0.category, $0.rule) } + leftovers.map { ($0.start, $0.category, LeftoverDigits.rule) }
        findings.sort { $0.0 < $1.0 }
        let positions = LineColumn.positions(of: findings.map(\.0), in: text)
        return zip(findings, positions).map { CheckedFinding(line: $1.line, column: $1.column, category: $0.1, rule: $0.2) }
    }
}

/// 1-based line and column (in Unicode scalars) of scalar offsets.
enum LineColumn {
    static func positions(of offsets: [Int], in text: String) -> [(line: Int, column: Int)] {
        let sorted = offsets.enumerated().sorted { $0.element < $1.element }
        var result = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
        var line = 1, column = 1, index = 0, next = 0
        for scalar in text.unicodeScalars {
            while next < sorted.count && sorted[next].element == index { result[sorted[next].offset] = (line, column); next += 1 }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        while next < sorted.count { result[sorted[next].offset] = (line, column); next += 1 }
        return result
    }
}
