import Foundation
import Testing
@testable import Diskret

/// Case keys and the re-identification vault: files, encryption, tampering, restoring.
@Suite struct PseudonymisationVaultTests {
    /// A cheap scrypt cost: these tests are about the format, not about the work factor.
    static let cheap = VaultSecret.Cost(logN: 10, r: 8, p: 1)
    static let note = """
        Frau Anna Fischer (geb. 12.03.1988) meldete am 04.03.2024, dass Herr Mehmet Yılmaz sie gewürgt habe. \
        Frau Fischer ist unter 0170 1234567 erreichbar. Fischers Tochter Lena war dabei.
        """

    /// A new directory; the caller removes it.
    private func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-vault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    private func filtered(_ text: String, _ mask: String) throws -> (VaultContents, AnonymizedText) {
        let context = PseudonymContext(caseKey: CaseKey(bytes: Array(repeating: 3, count: 32)), anchorDate: CalendarDay(iso: "2024-03-04"),
                                       surrogates: PseudonymisationEngineTests.lists)
        let result = try TestSupport.engine.makeSession().anonymize(text, policy: try MaskingPolicy(parsing: mask), pseudonymisation: context)
        var contents = VaultContents()
        contents.add(input: text, result: result)
        return (contents, result)
    }

    @Test func caseKeysAreWrittenPrivatelyAndNeverOverwritten() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/case.key"
        let key = CaseKey.generate()
        #expect(key != CaseKey.generate())
        try key.write(to: path)
        #expect(try mode(path) == 0o600)
        #expect(try CaseKey.load(path: path) == key)
        #expect(throws: PseudonymisationError.keyFileExists(path: path)) { try CaseKey.generate().write(to: path) }
        #expect(try CaseKey.load(path: path) == key)
        chmod(path, 0o644)
        #expect(throws: PseudonymisationError.keyFileTooOpen(path: path, mode: 0o644)) { try CaseKey.load(path: path) }
        let short = "\(directory)/short.key"
        _ = FileManager.default.createFile(atPath: short, contents: Data(repeating: 1, count: 16), attributes: [.posixPermissions: 0o600])
        #expect(throws: PseudonymisationError.keyFileWrongSize(path: short, bytes: 16, expected: "32")) { try CaseKey.load(path: short) }
        #expect(throws: PseudonymisationError.keyFileUnreadable(path: "\(directory)/missing")) { try CaseKey.load(path: "\(directory)/missing") }
    }

    @Test func derivationsAreSeparatedByLabelAndTheShiftIsNeverZero() {
        let key = CaseKey(bytes: Array(repeating: 1, count: 32))!
        #expect(key.derive("a", [1, 2]) == key.derive("a", [1, 2]))
        #expect(key.derive("a", [1, 2]) != key.derive("b", [1, 2]))
        #expect(key.derive("a", [1, 2]) != CaseKey(bytes: Array(repeating: 2, count: 32))!.derive("a", [1, 2]))
        var shifts: Set<Int> = []
        for _ in 0..<300 {
            let shift = CaseKey.generate().dateShift
            #expect(shift != 0 && (-365...365).contains(shift))
            shifts.insert(shift)
        }
        #expect(shifts.count > 100)
    }

    @Test(arguments: ["all=placeholder", "person=surrogate,date=shift,contact=surrogate", "person=pseudonym,date=relative,age=age-band",
                      "person=redact,date=generalize-year"])
    func theVaultRoundTripRestoresTheOriginalExactly(mask: String) throws {
        let (contents, result) = try filtered(Self.note, mask)
        #expect(result.text != Self.note)
        let sealed = try Vault.seal(contents, secret: .passphrase("korrekt pferd batterie"), cost: Self.cheap)
        let opened = try Vault.open(sealed, secret: .passphrase("korrekt pferd batterie"))
        #expect(opened == contents)
        let restored = Reidentifier(contents: opened).restore(result.text)
        #expect(restored.exact)
        #expect(restored.text == Self.note)
    }

    @Test func aWrongKeyFailsClearlyAndTheVaultRevealsNothing() throws {
        let (contents, _) = try filtered(Self.note, "all=placeholder")
        let sealed = try Vault.seal(contents, secret: .passphrase("richtig"), cost: Self.cheap)
        #expect(throws: PseudonymisationError.wrongVaultKey) { try Vault.open(sealed, secret: .passphrase("falsch")) }
        #expect(throws: PseudonymisationError.wrongVaultKey) { try Vault.open(sealed, secret: .keyFile(Array(repeating: 5, count: 32))) }
        let byFile = try Vault.seal(contents, secret: .keyFile(Array(repeating: 5, count: 32)))
        #expect(try Vault.open(byFile, secret: .keyFile(Array(repeating: 5, count: 32))) == contents)
        #expect(throws: PseudonymisationError.wrongVaultKey) { try Vault.open(byFile, secret: .keyFile(Array(repeating: 6, count: 32))) }
        for secret in ["Fischer", "Yılmaz", "1234567", "12.03.1988", "Person"] {
            #expect(sealed.firstRange(of: Array(secret.utf8)) == nil)
            #expect(byFile.firstRange(of: Array(secret.utf8)) == nil)
        }
        #expect(throws: PseudonymisationError.emptyPassphrase) { try Vault.seal(contents, secret: .passphrase(""), cost: Self.cheap) }
    }

    @Test func tamperingIsDetected() throws {
        let (contents, _) = try filtered(Self.note, "all=placeholder")
        let secret = VaultSecret.passphrase("richtig")
        let sealed = try Vault.seal(contents, secret: secret, cost: Self.cheap)
        var body = sealed
        body[body.count - 40] ^= 0x01
        #expect(throws: PseudonymisationError.vaultTampered) { try Vault.open(body, secret: secret) }
        var tag = sealed
        tag[tag.count - 1] ^= 0x80
        #expect(throws: PseudonymisationError.vaultTampered) { try Vault.open(tag, secret: secret) }
        var header = sealed
        header[20] ^= 0x01  // the salt
        #expect(throws: PseudonymisationError.wrongVaultKey) { try Vault.open(header, secret: secret) }
        #expect(throws: PseudonymisationError.notAVault(path: "vault")) { try Vault.open(Array(sealed.prefix(50)), secret: secret) }
        var version = sealed
        version[8] = 9
        #expect(throws: PseudonymisationError.unsupportedVaultVersion(9)) { try Vault.open(version, secret: secret) }
    }

    @Test func kdfCostsBeyondTheMaximumFailFastBeforeAnyWork() throws {
        let (contents, _) = try filtered(Self.note, "all=placeholder")
        let secret = VaultSecret.passphrase("richtig")
        let sealed = try Vault.seal(contents, secret: secret, cost: Self.cheap)
        // logN 22 with r 32 was 16 GiB of scrypt before the key check; each edit is refused at once.
        for (offset, value) in [(10, UInt8(22)), (10, 18), (11, 32), (11, 9), (12, 16), (12, 3), (13, 1), (10, 9)] as [(Int, UInt8)] {
            var edited = sealed
            edited[offset] = value
            let start = Date()
            #expect(throws: PseudonymisationError.vaultHeaderInvalid(path: "vault"), "byte \(offset) = \(value)") { try Vault.open(edited, secret: secret) }
            #expect(Date().timeIntervalSince(start) < 0.5)
        }
        #expect(throws: PseudonymisationError.self) { try Vault.seal(contents, secret: secret, cost: VaultSecret.Cost(logN: 20, r: 8, p: 1)) }
    }

    @Test func keyFileLinksAreRefusedAndLockFilesAreExclusiveAndRemoved() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = "\(directory)/vault.key"
        _ = FileManager.default.createFile(atPath: key, contents: Data(repeating: 7, count: 32), attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/link.key", withDestinationPath: key)
        #expect(throws: PseudonymisationError.keyFileSymlink(path: "\(directory)/link.key")) { try VaultSecret.keyFile(path: "\(directory)/link.key") }
        let path = "\(directory)/case.vault"
        let (contents, _) = try filtered(Self.note, "all=placeholder")
        try Vault.append(contents, to: path, secret: .keyFile(Array(repeating: 7, count: 32)), cost: Self.cheap)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"), "the lock file is removed")
        // A planted link where the lock file goes is never followed (O_NOFOLLOW|O_EXCL): the append waits, then fails.
        try FileManager.default.createSymbolicLink(atPath: path + ".lock", withDestinationPath: "\(directory)/elsewhere")
        #expect(throws: PseudonymisationError.self) {
            try SecretFile.withLock(on: path, timeout: 0.1) { () throws(PseudonymisationError) in () }
        }
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/elsewhere"))
    }

    @Test func notesAreAppendedToOneVaultFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/case.vault"
        let secret = VaultSecret.keyFile(Array(repeating: 8, count: 32))
        let (first, firstResult) = try filtered(Self.note, "person=pseudonym,date=shift")
        let second = "Nachgespräch mit Anna Fischer am 18.03.2024."
        let (more, secondResult) = try filtered(second, "person=pseudonym,date=shift")
        try Vault.append(first, to: path, secret: secret)
        try Vault.append(more, to: path, secret: secret)
        try Vault.append(more, to: path, secret: secret)  // the same note again: no second record
        #expect(try mode(path) == 0o600)
        let contents = try Vault.read(path: path, secret: secret)
        #expect(contents.notes.count == 2)
        let reidentifier = Reidentifier(contents: contents)
        #expect(reidentifier.restore(firstResult.text).text == Self.note)
        #expect(reidentifier.restore(secondResult.text).text == second)
        #expect(throws: PseudonymisationError.wrongVaultKey) {
            try Vault.append(first, to: path, secret: .keyFile(Array(repeating: 9, count: 32)))
        }
        #expect(try Vault.read(path: path, secret: secret) == contents)
    }

    @Test func minutesAreRestoredLongestFirstAtWordBoundaries() {
        var contents = VaultContents()
        contents.notes = [VaultContents.Note(digest: "x", spans: [
            .init(start: 0, end: 10, replacement: "[Person 1]", original: "Anna Fischer", category: "person"),
            .init(start: 20, end: 31, replacement: "[Person 10]", original: "Max Koch", category: "person"),
            .init(start: 40, end: 50, replacement: "[Person 1]", original: "Fischers", category: "person"),
            .init(start: 60, end: 72, replacement: "Julia Becker", original: "Lena Wolf", category: "person"),
            .init(start: 80, end: 85, replacement: "█████", original: "geheim", category: "id"),
            .init(start: 90, end: 120, replacement: "Donnerstag, 12.09.2024, 23:40 Uhr", original: "Samstag, 16.03.2024, 23:40 Uhr", category: "date"),
        ])]
        let minutes = "[Person 10] sprach mit [Person 1]. Frau Becker und Julia Becker; Beckermann blieb. █████ Seit dem 12.09.2024 …"
        let restored = Reidentifier(contents: contents).restore(minutes)
        #expect(!restored.exact)
        #expect(restored.text == "Max Koch sprach mit Anna Fischer. Frau Wolf und Lena Wolf; Beckermann blieb. █████ Seit dem 16.03.2024 …")
    }

    @Test func aPlaceholderOfDifferentNotesIsMarkedAmbiguous() throws {
        let (first, _) = try filtered("Gespräch mit Frau Anna Fischer.", "all=placeholder")
        var contents = first
        contents.merge(try filtered("Gespräch mit Herrn Max Koch.", "all=placeholder").0)
        let restored = Reidentifier(contents: contents).restore("Protokoll: [Person 1] war da.")
        #expect(restored.ambiguous == 1)
        #expect(restored.text == "Protokoll: {Anna Fischer | Max Koch} war da.")
    }
}
