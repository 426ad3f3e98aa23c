import Foundation
import Testing

/// The cases of issue 20 as a new user tries them: notes pasted from Word, PDFs and web forms, through the
/// built binary. Each span is masked completely, the note's own characters stay outside it, and `check`
/// fails on what the filter of that time let through.
@Suite(.serialized) struct PastedNoteCLITests {
    private func filter(_ note: String) throws -> String {
        let result = try BinaryRunner.run(["filter"], input: note)
        #expect(result.status == 0 && result.stderr.isEmpty)
        return result.stdout
    }

    @Test(arguments: ["\u{A0}", "\u{202F}", "\u{2009}"])
    func aPhoneNumberWithSpaceVariantsIsMaskedWhole(_ space: String) throws {
        #expect(try filter("Tel.\(space)0151\(space)23456789") == "Tel.\(space)[Telefon 1]")
    }

    @Test func aPhoneNumberWithZeroWidthSpacesIsMaskedWhole() throws {
        // The zero-width space glued to the number's start goes with it.
        #expect(try filter("Tel.\u{200B}0151\u{200B}23456789") == "Tel.[Telefon 1]")
        #expect(try filter("0170 12\u{200B}34567") == "[Telefon 1]")
    }

    @Test func anAddressWithNoBreakSpacesKeepsNoNumber() throws {
        #expect(try filter("wohnhaft Bismarckstraße\u{A0}47a,\u{A0}59065\u{A0}Hamm.")
                == "wohnhaft [Adresse 1],\u{A0}[Adresse 2]\u{A0}[Adresse 3].")
    }

    @Test func softHyphensHideNoDateOrStreet() throws {
        #expect(try filter("Termin am 12.0\u{AD}3.2024") == "Termin am [Datum 1]")
        #expect(try filter("Lindenstra\u{AD}ße 12") == "[Adresse 1]")
    }

    @Test(arguments: ["\u{0}", "\r", "\u{B}", "\u{1F}", "\u{2028}", "\u{7F}"])
    func aControlCharacterInsideANameDoesNotSplitIt(_ control: String) throws {
        #expect(try filter("Frau Zyprian\(control)owska kam.") == "Frau [Person 1] kam.")
    }

    @Test func checkFailsOnTheLeakingOutputOfTheFirstCase() throws {
        // What the filter wrote before the detection view: the subscriber number after a no-break space.
        let leaking = try BinaryRunner.run(["check"], input: "Tel.\u{A0}[Telefon 1]\u{A0}23456789")
        #expect(leaking.status == 1)
        #expect(leaking.stdout == "1:18 id check.leftover-digits\n")
        let masked = try BinaryRunner.run(["check"], input: try filter("Tel.\u{A0}0151\u{A0}23456789"))
        #expect(masked.status == 0 && masked.stdout.isEmpty)
    }

    @Test func evalDisguisesTheGoldSpansOfACorpus() throws {
        let plain = try BinaryRunner.run(["eval", "--json", "Fixtures/corpus.jsonl"])
        let disguised = try BinaryRunner.run(["eval", "--json", "--disguise", "all", "--seed", "7", "Fixtures/corpus.jsonl"])
        #expect(plain.status == 0 && disguised.status == 0)
        func micro(_ output: String) throws -> [String: Any] {
            let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            return try #require(report["micro"] as? [String: Any])
        }
        let plainRecall = try #require(try micro(plain.stdout)["masked_recall"] as? Double)
        let disguisedRecall = try #require(try micro(disguised.stdout)["masked_recall"] as? Double)
        #expect(abs(plainRecall - disguisedRecall) <= 0.01)
        let unknown = try BinaryRunner.run(["eval", "--disguise", "rot13", "Fixtures/corpus.jsonl"])
        #expect(unknown.status == 64 && unknown.stdoutData.isEmpty)
    }
}
