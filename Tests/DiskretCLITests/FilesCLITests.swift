import DiskretDocx
import Foundation
import Testing

/// `diskret filter FILE…` and `--out-dir DIR FILE|DIR…` seen from outside: masked copies under their relative
/// names, never over an original, progress lines without names or note text, a failing file reported in the
/// exit code without stopping the others, and .docx read as its text.
@Suite final class FilesCLITests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-files-\(UUID().uuidString)")
    var notes: URL { directory.appendingPathComponent("Notizen Familie Kowalczyk") }
    var out: String { directory.appendingPathComponent("out").path }

    init() throws {
        try FileManager.default.createDirectory(at: notes.appendingPathComponent("2024"), withIntermediateDirectories: true)
        try "Frau Anna Kowalczyk kam am 12.03.2024.\n".write(to: notes.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Herr Piotr Nowak, Tel. 0170 1234567.\n".write(to: notes.appendingPathComponent("2024/b.txt"), atomically: true, encoding: .utf8)
        try "nicht maskiert\n".write(to: notes.appendingPathComponent("scan.pdf"), atomically: true, encoding: .utf8)
        let paragraph = { (text: String) in "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }
        let docx = try DocxPackage.make(
            body: paragraph("Gespräch mit Frau Anna Kowalczyk am 12.03.2024.") +
                "<w:tbl><w:tr><w:tc>\(paragraph("KV"))</w:tc><w:tc>\(paragraph("Piotr Nowak"))</w:tc></w:tr></w:tbl>" +
                "<w:p><w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>Frau Eva Schulz</w:delText></w:r></w:del></w:p>",
            parts: ["word/header1.xml": DocxPackage.part("w:hdr", paragraph("Sekretariat: Tel. 02921 123456")),
                    "word/comments.xml": DocxPackage.part("w:comments", "<w:comment w:id=\"0\">\(paragraph("Rückruf an Herrn Nowak"))</w:comment>")])
        try docx.write(to: notes.appendingPathComponent("2024/Bericht.docx"))
    }
    deinit { try? FileManager.default.removeItem(at: directory) }

    private var a: String { notes.appendingPathComponent("a.txt").path }
    private var b: String { notes.appendingPathComponent("2024/b.txt").path }

    @Test func filesToStandardOutputOneAfterAnotherWithProgress() throws {
        let run = try BinaryRunner.run(["filter", a, b])
        #expect(run.status == 0)
        #expect(run.stdout == "Frau [Person 1] kam am [Datum 1].\nHerr [Person 1], Tel. [Telefon 1].\n")
        #expect(run.stderr == "[1/2] masked\n[2/2] masked\n")
        let one = try BinaryRunner.run(["filter", a])
        #expect(one.status == 0 && one.stdout == "Frau [Person 1] kam am [Datum 1].\n" && one.stderr.isEmpty)
    }

    @Test func aFailingFileDoesNotStopTheOthersButSetsTheExitCode() throws {
        let bad = directory.appendingPathComponent("bad.txt")
        try Data([0x46, 0x72, 0xFF, 0x0A]).write(to: bad)
        let run = try BinaryRunner.run(["filter", a, bad.path, directory.appendingPathComponent("fehlt.txt").path, b])
        #expect(run.status == 65)
        #expect(run.stdout == "Frau [Person 1] kam am [Datum 1].\nHerr [Person 1], Tel. [Telefon 1].\n")
        #expect(run.stderr == """
            [1/4] masked
            [2/4] error: input is not valid UTF-8 (first invalid byte at offset 2)
            [3/4] error: the file does not exist
            [4/4] masked
            diskret: 2 of 4 files failed; the others were masked

            """)
        let missingFirst = try BinaryRunner.run(["filter", directory.appendingPathComponent("fehlt.txt").path, a])
        #expect(missingFirst.status == 66)
    }

    @Test func aFolderBecomesMaskedCopiesUnderTheSameRelativeNames() throws {
        let run = try BinaryRunner.run(["filter", "--out-dir", out, notes.path])
        #expect(run.status == 0 && run.stdoutData.isEmpty)
        #expect(run.stderr == """
            [1/3] masked copy written
            [2/3] masked copy written
            [3/3] masked copy written
            diskret: skipped 1 files in the folders that are not .txt or .docx or are links

            """)
        #expect(!run.stderr.contains("Kowalczyk"), "progress names no file")
        let written = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()
        #expect(written == ["2024", "2024/Bericht.docx.txt", "2024/b.txt", "a.txt"])
        #expect(try String(contentsOfFile: out + "/a.txt", encoding: .utf8) == "Frau [Person 1] kam am [Datum 1].\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: out + "/a.txt")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // The .docx as text: header, body, table row, comment and deleted text, every name masked.
        let report = try String(contentsOfFile: out + "/2024/Bericht.docx.txt", encoding: .utf8)
        #expect(report == """
            === Kopfzeile ===
            Sekretariat: Tel. [Telefon 1]

            Gespräch mit Frau [Person 1] am [Datum 1].
            KV | [Person 2]


            === Kommentare ===
            Rückruf an Herrn [Person 2]

            === Gelöschter Text (Änderungsverfolgung) ===
            Frau [Person 3]

            """)
        // The originals are untouched.
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "Frau Anna Kowalczyk kam am 12.03.2024.\n")
    }

    @Test func nothingIsOverwrittenWithoutForceAndNoOriginalEver() throws {
        #expect(try BinaryRunner.run(["filter", "--out-dir", out, a]).status == 0)
        try "alt\n".write(toFile: out + "/a.txt", atomically: true, encoding: .utf8)
        let again = try BinaryRunner.run(["filter", "--out-dir", out, a, b])
        #expect(again.status == 73 && again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: out + "/a.txt", encoding: .utf8) == "alt\n")
        #expect(!FileManager.default.fileExists(atPath: out + "/b.txt"), "a refused run writes nothing")
        let forced = try BinaryRunner.run(["filter", "--out-dir", out, "--force", a])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: out + "/a.txt", encoding: .utf8) == "Frau [Person 1] kam am [Datum 1].\n")
        // The folder of an input as --out-dir: its copy would be the original itself.
        let onto = try BinaryRunner.run(["filter", "--out-dir", notes.path, "--force", a])
        #expect(onto.status == 64)
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "Frau Anna Kowalczyk kam am 12.03.2024.\n")
        // --out-dir inside a folder being masked, and a folder without --out-dir.
        #expect(try BinaryRunner.run(["filter", "--out-dir", notes.appendingPathComponent("masked").path, notes.path]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: notes.appendingPathComponent("masked").path))
        #expect(try BinaryRunner.run(["filter", notes.path]).status == 64)
    }

    @Test func aDocxIsReadAsItsTextAndADamagedOneIsRefused() throws {
        let one = try BinaryRunner.run(["filter", notes.appendingPathComponent("2024/Bericht.docx").path])
        #expect(one.status == 0 && one.stdout.hasPrefix("=== Kopfzeile ===\nSekretariat: Tel. [Telefon 1]\n"))
        #expect(!one.stdout.contains("Nowak") && !one.stdout.contains("Schulz"))
        let fake = directory.appendingPathComponent("Brief.docx")
        try "Frau Anna Kowalczyk\n".write(to: fake, atomically: true, encoding: .utf8)
        let refused = try BinaryRunner.run(["filter", fake.path])
        #expect(refused.status == 65 && refused.stdoutData.isEmpty)
        #expect(refused.stderr.hasPrefix("diskret: error: not a Word document (.docx)") && !refused.stderr.contains("Kowalczyk"))
    }

    @Test func aRevealOverFilesIsRecordedDeliveredOnlyIfEveryFileWasWritten() throws {
        let registry = directory.appendingPathComponent("registry.sqlite").path
        let roster = BinaryRunner.repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml").path
        let grant = try BinaryRunner.run(["consent", "grant", "--subject", "K-2024-017/KM", "--purpose", "schutzplan", "--recipient",
                                          "Jugendamt Soest", "--categories", "person", "--registry", registry, "--actor", "t"])
        #expect(grant.status == 0)
        let note = directory.appendingPathComponent("km.txt")
        try "KM Anna Fischer-Yılmaz rief an, KV Murat Yılmaz nicht.\n".write(to: note, atomically: true, encoding: .utf8)
        func reveal(_ files: [String]) throws -> BinaryRunner.Result {
            try BinaryRunner.run(["filter", "--roster", roster, "--reveal", "K-2024-017/KM", "--purpose", "schutzplan",
                                  "--recipient", "Jugendamt Soest", "--registry", registry, "--actor", "t"] + files)
        }
        let both = try reveal([note.path, note.path])
        #expect(both.status == 0 && both.stdout == String(repeating: "KM Anna Fischer-Yılmaz rief an, KV [Kindsvater] nicht.\n", count: 2))
        let failing = try reveal([note.path, directory.appendingPathComponent("fehlt.txt").path])
        #expect(failing.status == 66)
        let audit = try BinaryRunner.run(["audit", "--registry", registry])
        let actions = audit.stdout.split(separator: "\n").map { $0.split(separator: "\t")[3] }
        #expect(actions == ["grant", "reveal-allowed", "reveal-aborted"])
        #expect(audit.stdout.contains("a file failed"))
    }
}
