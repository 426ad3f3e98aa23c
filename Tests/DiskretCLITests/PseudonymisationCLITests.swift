import Foundation
import Testing

/// Black-box tests of `diskret key`, the pseudonymisation flags of `diskret filter`, and `diskret reidentify`.
@Suite(.serialized) struct PseudonymisationCLITests {
    static let policeNote = """
        Polizeibericht: Am 04.03.2024 gegen 22:40 Uhr Einsatz bei Frau Anna Fischer. Der Beschuldigte Mehmet Yılmaz \
        wurde verwiesen, Wohnungsverweisung bis 14.03.2024. Anna Fischer ist unter 0170 1234567 erreichbar.

        """
    static let counsellingNote = """
        Beratungsnotiz vom 12.03.2024: Erstgespräch mit Anna Fischer. Sie berichtet, Mehmet Yılmaz habe sie am \
        04.03.2024 gewürgt. Anhörung am 02.04.2024.

        """

    /// A new directory; the caller removes it.
    private func directory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-cli-pseudo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private func newKey(in directory: String, name: String = "case.key") throws -> String {
        let path = "\(directory)/\(name)"
        let result = try BinaryRunner.run(["key", "new", path])
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    /// Dates written dd.mm.yyyy in `text`, as day numbers (days since 1970), in order.
    private func days(in text: String) -> [Int] {
        text.matches(of: /(\d{2})\.(\d{2})\.(\d{4})/).map { match in
            let (d, m, y) = (Int(match.1)!, Int(match.2)!, Int(match.3)!)
            let yy = m <= 2 ? y - 1 : y
            let era = yy / 400, yoe = yy - era * 400
            let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
            return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        }
    }

    @Test func keyNewWritesAPrivateKeyAndNeverOverwritesIt() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try newKey(in: directory)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((attributes[.size] as? NSNumber)?.intValue == 32)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let again = try BinaryRunner.run(["key", "new", path])
        #expect(again.status == 73 && again.stderr.contains("already exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func keyedOperatorsWithoutACaseKeyAreUsageErrors() throws {
        let missing = try BinaryRunner.run(["filter", "--mask", "person=pseudonym"], input: Self.policeNote)
        #expect(missing.status == 64 && missing.stdoutData.isEmpty)
        #expect(missing.stderr.contains("--case-key"))
        let relative = try BinaryRunner.run(["filter", "--mask", "date=relative"], input: Self.policeNote)
        #expect(relative.status == 64 && relative.stderr.contains("--anchor-date"))
        let badDate = try BinaryRunner.run(["filter", "--anchor-date", "04.03.2024"], input: Self.policeNote)
        #expect(badDate.status == 64)
        let wrongCategory = try BinaryRunner.run(["filter", "--mask", "person=shift"], input: Self.policeNote)
        #expect(wrongCategory.status == 64 && wrongCategory.stderr.contains("does not apply"))
        let keyDirectory = try directory()
        defer { try? FileManager.default.removeItem(atPath: keyDirectory) }
        let openKey = keyDirectory + "/open.key"
        FileManager.default.createFile(atPath: openKey, contents: Data(repeating: 1, count: 32), attributes: [.posixPermissions: 0o644])
        let tooOpen = try BinaryRunner.run(["filter", "--case-key", openKey, "--mask", "person=pseudonym"], input: Self.policeNote)
        #expect(tooOpen.status == 77 && tooOpen.stdoutData.isEmpty && tooOpen.stderr.contains("chmod 600"))
    }

    @Test func twoPartnersFilteringWithOneCaseKeyShareDateShiftAndPseudonyms() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = try newKey(in: directory)
        let arguments = ["filter", "--case-key", key, "--mask", "person=pseudonym,date=shift,contact=surrogate"]
        let police = try BinaryRunner.run(arguments, input: Self.policeNote)
        let counselling = try BinaryRunner.run(arguments, input: Self.counsellingNote)
        #expect(police.status == 0 && counselling.status == 0, "\(police.stderr)\(counselling.stderr)")
        for output in [police.stdout, counselling.stdout] {
            #expect(!output.contains("Fischer") && !output.contains("Yılmaz") && !output.contains("1234567"))
        }
        let pseudonyms = { (text: String) in text.matches(of: /Person-[0-9A-F]{4}/).map { String($0.output) } }
        let p = pseudonyms(police.stdout), c = pseudonyms(counselling.stdout)
        #expect(p.count == 3 && c.count == 2)
        #expect(p[0] == c[0] && p[2] == c[0])  // Anna Fischer
        #expect(p[1] == c[1] && p[1] != p[0])  // Mehmet Yılmaz
        // police: 04.03., 14.03.; counselling: 12.03., 04.03., 02.04. — every interval survives the shift.
        let originals = days(in: Self.policeNote) + days(in: Self.counsellingNote)
        let shifted = days(in: police.stdout) + days(in: counselling.stdout)
        try #require(shifted.count == originals.count)
        let offset = shifted[0] - originals[0]
        #expect(offset != 0 && abs(offset) <= 365)
        for (original, moved) in zip(originals, shifted) { #expect(moved - original == offset) }
        // The same key again gives the same output; another key another one.
        #expect(try BinaryRunner.run(arguments, input: Self.policeNote).stdout == police.stdout)
        let other = try newKey(in: directory, name: "other.key")
        #expect(try BinaryRunner.run(["filter", "--case-key", other, "--mask", "person=pseudonym,date=shift"], input: Self.policeNote).stdout != police.stdout)
    }

    @Test func theVaultRestoresTheNoteExactlyAndOnlyWithItsKey() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = try newKey(in: directory)
        let vault = "\(directory)/case.vault"
        let passphrase = ["DISKRET_VAULT_PASSPHRASE": "korrekt pferd batterie heftklammer"]
        let filter = ["filter", "--case-key", key, "--mask", "person=surrogate,date=shift,contact=surrogate", "--vault", vault]
        let police = try BinaryRunner.run(filter, input: Data(Self.policeNote.utf8), environment: passphrase)
        #expect(police.status == 0, "\(police.stderr)")
        let counselling = try BinaryRunner.run(filter, input: Data(Self.counsellingNote.utf8), environment: passphrase)
        #expect(counselling.status == 0, "\(counselling.stderr)")
        let mode = (try FileManager.default.attributesOfItem(atPath: vault)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let vaultBytes = try Data(contentsOf: URL(fileURLWithPath: vault))
        #expect(vaultBytes.range(of: Data("Fischer".utf8)) == nil)

        let back = try BinaryRunner.run(["reidentify", "--vault", vault], input: police.stdoutData, environment: passphrase)
        #expect(back.status == 0 && back.stdout == Self.policeNote, "\(back.stderr)")
        let backToo = try BinaryRunner.run(["reidentify", "--vault", vault], input: counselling.stdoutData, environment: passphrase)
        #expect(backToo.stdout == Self.counsellingNote)
        // Minutes written at the conference from the pseudonymised notes.
        let surrogate = String(try #require(police.stdout.firstMatch(of: /Frau (\S+ [^\s.]+)\. Der/)).1)
        let minutes = "Protokoll: \(surrogate) wird weiter beraten.\n"
        let restored = try BinaryRunner.run(["reidentify", "--vault", vault], input: Data(minutes.utf8), environment: passphrase)
        #expect(restored.stdout == "Protokoll: Anna Fischer wird weiter beraten.\n", "\(surrogate)")

        let wrong = try BinaryRunner.run(["reidentify", "--vault", vault], input: police.stdoutData,
                                         environment: ["DISKRET_VAULT_PASSPHRASE": "falsch"])
        #expect(wrong.status == 77 && wrong.stdoutData.isEmpty && wrong.stderr.contains("cannot be opened"))
        #expect(!wrong.stderr.contains("Fischer"))
        let noKey = try BinaryRunner.run(["reidentify", "--vault", vault], input: police.stdoutData,
                                         environment: ["DISKRET_VAULT_PASSPHRASE": ""])
        #expect(noKey.status == 64 && noKey.stdoutData.isEmpty)
        // A wrong key must not add to, or damage, the vault either.
        let appendWrong = try BinaryRunner.run(filter, input: Data(Self.policeNote.utf8), environment: ["DISKRET_VAULT_PASSPHRASE": "falsch"])
        #expect(appendWrong.status == 77 && appendWrong.stdoutData.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: vault)) == vaultBytes)

        var tampered = vaultBytes
        tampered[tampered.count - 30] ^= 0x01
        try tampered.write(to: URL(fileURLWithPath: vault))
        let broken = try BinaryRunner.run(["reidentify", "--vault", vault], input: police.stdoutData, environment: passphrase)
        #expect(broken.status == 65 && broken.stdoutData.isEmpty && broken.stderr.contains("tampered"))
    }

    @Test func aKeyFileOpensTheVaultInsteadOfAPassphrase() throws {
        let directory = try directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = try newKey(in: directory)
        let vaultKey = try newKey(in: directory, name: "vault.key")
        let vault = "\(directory)/case.vault"
        let filtered = try BinaryRunner.run(["filter", "--case-key", key, "--mask", "person=pseudonym", "--vault", vault, "--vault-key", vaultKey],
                                            input: Self.counsellingNote)
        #expect(filtered.status == 0, "\(filtered.stderr)")
        let back = try BinaryRunner.run(["reidentify", "--vault", vault, "--vault-key", vaultKey], input: filtered.stdoutData)
        #expect(back.stdout == Self.counsellingNote)
        let wrong = try BinaryRunner.run(["reidentify", "--vault", vault, "--vault-key", key], input: filtered.stdoutData)
        #expect(wrong.status == 77 && wrong.stdoutData.isEmpty)
        let missing = try BinaryRunner.run(["reidentify", "--vault", "\(directory)/none.vault", "--vault-key", vaultKey], input: filtered.stdoutData)
        #expect(missing.status == 66)
        let jsonl = try BinaryRunner.run(["filter", "--jsonl", "--vault", vault, "--vault-key", vaultKey], input: "{\"text\": \"x\"}\n")
        #expect(jsonl.status == 64)
    }
}
