import Testing
@testable import Diskret

@Suite struct GateRegionsTests {
    /// The lines of `text` inside the gate's ranges that hold one of each needle group.
    private func lines(_ text: String, _ groups: [(needles: [String], beforeNumber: Bool)], gate: PatternGate = .none) -> [String] {
        let units = Array(text.utf16)
        let regions = GateRegions(units: units)
        // A gate of another rule in the same table must not leak into this one's marks.
        let index = LineNeedles(gates: [(["kein"], false)] + groups)
        let marks = units.withUnsafeBufferPointer { index.marks(in: $0, lines: regions.lines) }
        return regions.lines(in: regions.ranges(for: gate), marks: marks, gates: Array(1..<groups.count + 1))
            .map { String(decoding: units[$0], as: UTF16.self) }
    }

    private func lines(_ text: String, _ needles: [String]) -> [String] { lines(text, [(needles, false)]) }

    @Test func takesWholeLinesThatHoldANeedleIgnoringCase() {
        let text = "Termin am Montag\nWohnt in der LINDENSTRASSE 4\nkein Treffer\nÄrztin: Dr. Weg"
        #expect(lines(text, ["strasse", "weg"]) == ["Wohnt in der LINDENSTRASSE 4", "Ärztin: Dr. Weg"])
        #expect(lines(text, ["ärztin"]) == ["Ärztin: Dr. Weg"])
        #expect(lines(text, ["xyz"]).isEmpty)
    }

    @Test func eachLineIsTestedOnItsOwnAndNeedlesDoNotCrossLineEnds() {
        #expect(lines("PLZ 59494\nPostleitzahl 12345\nnichts", ["plz", "postleitzahl"]) == ["PLZ 59494", "Postleitzahl 12345"])
        #expect(lines("Haupt\nstraße", ["haupt straße", "tstr"]).isEmpty)
        #expect(lines("am Ende: (", ["("]) == ["am Ende: ("])
    }

    /// Needles run as one automaton; these cases share units with other needles, end lines, change case,
    /// leave Latin-1 or are found only through a failure link ("bc" inside a failed "abcx").
    @Test func needlesSharingAFirstUnitAreAllFound() {
        let text = "Monat MAI\nmz\nam Ende m\nMärz\nMł-Block\nab\u{2013}cd\n\u{2013}x\nnichts"
        #expect(lines(text, ["mai", "mrz"]) == ["Monat MAI"])
        #expect(lines(text, ["mär", "mz"]) == ["mz", "März"])
        #expect(lines(text, ["mx", "m"]) == ["Monat MAI", "mz", "am Ende m", "März", "Mł-Block"])
        #expect(lines(text, ["mł"]) == ["Mł-Block"])
        #expect(lines(text, ["b\u{2013}c", "\u{2013}x"]) == ["ab\u{2013}cd", "\u{2013}x"])
        #expect(lines(text, ["\u{2013}"]) == ["ab\u{2013}cd", "\u{2013}x"])
        #expect(lines("xaaab\nab\nabcd", ["aab"]) == ["xaaab"])
        #expect(lines("xaaab\nab\nabcd", ["bc", "abcx"]) == ["abcd"])
        #expect(lines("Str. 4\nAm Weg 7\nWeg7", [(["str.", "am weg"], true)]) == ["Str. 4", "Am Weg 7"])
    }

    @Test func onlyGatedRangesAreSearched() {
        #expect(lines("Lindenstraße\nLindenstraße 4\n\nLindenstraße 5", [(["straße"], false)], gate: .digit)
                == ["Lindenstraße 4", "Lindenstraße 5"])
    }

    @Test func beforeNumberNeedlesCountOnlyRightBeforeANumber() {
        let text = "Wegweiser am Weg\nLindenweg 12a\nAm Feldweg\u{FF15}\nHauptstr.  7\nHauptstr. 7\n1 weg"
        #expect(lines(text, [(["weg", "str."], true)]) == ["Lindenweg 12a", "Am Feldweg\u{FF15}", "Hauptstr. 7"])
    }

    @Test func aLineMustHoldEveryGateOfTheRule() {
        let text = "Hauptstraße 4\nPLZ Hauptstraße\nPLZ Hauptstraße 4\nPLZ 4"
        #expect(lines(text, [(["plz"], false), (["straße"], true)]) == ["PLZ Hauptstraße 4"])
        #expect(lines(text, [(["plz"], false)]) == ["PLZ Hauptstraße", "PLZ Hauptstraße 4", "PLZ 4"])
    }
}
