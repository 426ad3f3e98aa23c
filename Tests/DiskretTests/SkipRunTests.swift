import Testing
@testable import Diskret

/// Context rules walk a run of skip words once for all the triggers in it: the name after a chain of titles
/// is found as by the walk per trigger, and sentence ends inside the run still part trigger and name.
@Suite struct SkipRunTests {
    @Test func theNameAfterAChainOfTitlesIsFound() throws {
        for chain in ["Dr. ", "PD Dr. ", "Prof. ", "Dr.med. ", "Dr ", "Prof. Dr. med. "] {
            let note = "Bericht von " + String(repeating: chain, count: 2000) + "Kowalczyk, danach."
            let output = try TestSupport.engine.anonymize(note).text
            #expect(output.hasSuffix("[Person 1], danach."), "\(chain): \(output.suffix(60))")
            #expect(!output.contains("Kowalczyk"))
        }
    }

    /// Titles inside one run of skip words and a second run later in the note each lead to their own name.
    @Test func twoRunsInOneNoteEachFindTheirName() throws {
        let masked = try TestSupport.engine.anonymize("Frau Dr. med. Kowalczyk kam. Herr Dr. Dr. Brückner ging.").text
        #expect(masked == "Frau Dr. med. [Person 1] kam. Herr Dr. Dr. [Person 2] ging.", "\(masked)")
    }
}
