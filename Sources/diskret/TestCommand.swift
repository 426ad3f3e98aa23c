import ArgumentParser
import Diskret
import Foundation

/// `diskret test [DIR]`: the fixture regression runner for rule authors.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Runs every fixture note and compares the masked output with its expected output.",
        discussion: """
        Notes are DIR/notes/NAME.txt, expected outputs DIR/expected/NAME.txt; suites below DIR with notes of \
        their own (the blind batches, DIR/blind/batch-NN/notes) are run as well. Mismatches are shown as a line \
        diff; the last line is 'N passed, N failed' and the exit code is 1 if any failed.
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "The fixture directory.")
    var directory: String = "Fixtures"

    @Flag(name: .long, help: "Rewrite the expected outputs from the current engine (review the diff before committing).")
    var update = false

    @Option(name: .long, help: "Only run fixtures whose name contains this text.")
    var filter: String?

    func run() throws {
        let engine = try ruleOptions.makeEngine()
        let root = URL(fileURLWithPath: directory)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("notes").path) else {
            printError("error: no fixture notes in \(root.appendingPathComponent("notes").path)")
            throw ExitStatus.noInput.code
        }
        let session: Session
        do { session = try engine.makeSession() } catch { throw fail(error) }
        var passed = 0, failed = 0
        for suite in Self.suites(in: root) {
            let (suitePassed, suiteFailed) = try run(suite, root: root, session: session)
            passed += suitePassed
            failed += suiteFailed
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitStatus.checkFailed.code }
    }

    /// DIR and the directories below it (two levels at most) that hold a `notes` folder, DIR first.
    static func suites(in root: URL) -> [URL] {
        var found = [root]
        let manager = FileManager.default
        func walk(_ directory: URL, depth: Int) {
            guard depth > 0, let children = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
            for child in children.sorted() where child != "notes" && child != "expected" {
                let url = directory.appendingPathComponent(child)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                if manager.fileExists(atPath: url.appendingPathComponent("notes").path) { found.append(url) }
                walk(url, depth: depth - 1)
            }
        }
        walk(root, depth: 2)
        return found
    }

    /// Runs one suite's notes; failures are printed with the note's path below DIR.
    private func run(_ suite: URL, root: URL, session: Session) throws -> (passed: Int, failed: Int) {
        let notes = suite.appendingPathComponent("notes")
        let expected = suite.appendingPathComponent("expected")
        let prefix = suite.path == root.path ? "" : String(suite.path.dropFirst(root.path.count + 1)) + "/"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: notes.path)) ?? []
        var passed = 0, failed = 0
        for name in names.sorted() where name.hasSuffix(".txt") && (filter.map { (prefix + name).contains($0) } ?? true) {
            guard let data = FileManager.default.contents(atPath: notes.appendingPathComponent(name).path) else { continue }
            let output: String
            do { output = try session.anonymize(try InputReader.decode(data)).text } catch { throw fail(error) }
            let expectedPath = expected.appendingPathComponent(name).path
            if update {
                try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
                try Data(output.utf8).write(to: URL(fileURLWithPath: expectedPath))
                passed += 1
                continue
            }
            let want = FileManager.default.contents(atPath: expectedPath).map { String(decoding: $0, as: UTF8.self) }
            if want == output { passed += 1; continue }
            failed += 1
            print("FAIL \(prefix)\(name)")
            if let want { print(LineDiff.render(expected: want, actual: output)) } else { print("  no expected output at \(expectedPath) (run with --update)") }
        }
        return (passed, failed)
    }
}

/// A small line diff: common prefix and suffix are skipped, the differing middle is shown with -/+.
enum LineDiff {
    static func render(expected: String, actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var prefix = 0
        while prefix < min(a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var lines = ["  @@ line \(prefix + 1)"]
        lines += a[prefix..<(a.count - suffix)].map { "  - \($0)" }
        lines += b[prefix..<(b.count - suffix)].map { "  + \($0)" }
        return lines.joined(separator: "\n")
    }
}
