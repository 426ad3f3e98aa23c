import Diskret

/// The invariants every masking result must satisfy, whatever the input; a violation crashes for libFuzzer.
enum Invariants {
    /// Findings are ordered, disjoint and inside the input, and the text outside them is unchanged.
    static func check(input text: String, result: AnonymizedText) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        var rebuilt = String.UnicodeScalarView()
        for finding in result.findings {
            precondition(finding.start >= previousEnd && finding.start < finding.end && finding.end <= scalars.count,
                         "finding out of order or bounds")
            rebuilt.append(contentsOf: scalars[previousEnd..<finding.start])
            // No replacement: the span stays as written (kept or revealed).
            if let replacement = finding.replacement { rebuilt.append(contentsOf: replacement.unicodeScalars) }
            else { rebuilt.append(contentsOf: scalars[finding.start..<finding.end]) }
            previousEnd = finding.end
        }
        rebuilt.append(contentsOf: scalars[previousEnd...])
        precondition(String(rebuilt) == result.text, "text outside findings changed")
    }
}
