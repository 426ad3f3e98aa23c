import Testing
@testable import Diskret

@Suite struct GateRegionsTests {
    /// The lines of `text` inside the gate's ranges that hold one of each needle group.
    private func lines(_ text: String, _ groups: [(needles: [String], beforeNumber: Bool)], gate: PatternGate = .none) -> [String] {
        let units = Array(text.utf16)
        let regions = GateRegions(units: units)
        var index = LineNeedles()
        // A gate of another rule in the same table must not leak into this one's marks.
        _ = index.addGate(["kein"])
        let gates = groups.map { index.addGate($0.needles, beforeNumber: $0.beforeNumber) }
        let marks = units.withUnsafeBufferPointer { index.marks(in: $0, lines: regions.lines) }
        return regions.lines(in: regions.ranges(for: gate), markedIn: gates.map { marks[$0] })
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
