import Testing
@testable import Diskret

@Suite struct GateRegionsTests {
    private func lines(_ text: String, _ needles: [String]) -> [String] {
        let units = Array(text.utf16)
        let regions = GateRegions(units: units)
        return GateRegions.lines(in: regions.ranges(for: .none), of: units, containingAnyOf: NeedleSet(needles))
            .map { String(decoding: units[$0], as: UTF16.self) }
    }

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
        let units = Array("Lindenstraße\nLindenstraße 4".utf16)
        let digitLines = GateRegions(units: units).ranges(for: .digit)
        let found = GateRegions.lines(in: digitLines, of: units, containingAnyOf: NeedleSet(["straße"]))
        #expect(found.map { String(decoding: units[$0], as: UTF16.self) } == ["Lindenstraße 4"])
    }

    @Test func beforeNumberNeedlesCountOnlyRightBeforeANumber() {
        let units = Array("Wegweiser am Weg\nLindenweg 12a\nAm Feldweg\u{FF15}\nHauptstr.  7\nHauptstr. 7".utf16)
        let needles = NeedleSet(["weg", "str."], beforeNumber: true)
        let found = GateRegions.lines(in: [0..<units.count], of: units, containingAnyOf: needles)
        #expect(found.map { String(decoding: units[$0], as: UTF16.self) } == ["Lindenweg 12a", "Am Feldweg\u{FF15}", "Hauptstr. 7"])
    }
}
