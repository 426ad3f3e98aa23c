import Foundation
import GRDB
import Testing

/// docs/exit-codes.md is made from the exit-status table by `diskret exit-codes`; it must not drift from it.
struct ExitCodeDocumentTests {
    @Test func theExitCodeDocumentIsTheTable() throws {
        let generated = try BinaryRunner.run(["exit-codes"])
        #expect(generated.status == 0)
        let path = BinaryRunner.repository.appendingPathComponent("docs/exit-codes.md")
        let file = try String(contentsOf: path, encoding: .utf8)
        #expect(file == generated.stdout, "docs/exit-codes.md differs from the table; regenerate it: swift run diskret exit-codes > docs/exit-codes.md")
        // Every status the table names is in the help, so that a caller sees them all there too.
        let help = try BinaryRunner.run(["--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for line in generated.stdout.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| code") {
            let code = line.dropFirst(2).prefix { $0.isNumber }
            #expect(help.contains(" \(code) "), "exit code \(code) missing from diskret --help")
        }
    }

    /// A registry Diskret cannot use is refused with 78 whether opening it fails (not a database) or an
    /// operation on it does (a setting no time zone has, written behind Diskret's back): one mapping for both,
    /// where the operation path had said 70, an internal error.
    @Test func aRegistryDiskretCannotUseIs78OnEveryPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        let garbage = directory.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: garbage)
        let opened = try BinaryRunner.run(["consent", "time-zone", "--registry", garbage])
        #expect(opened.status == 78 && opened.stdoutData.isEmpty, "\(opened.stderr)")

        let registry = directory.appendingPathComponent("registry.sqlite").path
        let set = try BinaryRunner.run(["consent", "time-zone", "--set", "Europe/Vienna", "--registry", registry, "--actor", "fk"])
        #expect(set.status == 0, "\(set.stderr)")
        try DatabaseQueue(path: registry).write { try $0.execute(sql: "UPDATE setting SET value = 'Mars/Olympus'") }
        let read = try BinaryRunner.run(["consent", "time-zone", "--registry", registry])
        #expect(read.status == 78 && read.stdoutData.isEmpty && read.stderr.contains("time zone"), "\(read.stderr)")
    }
}
