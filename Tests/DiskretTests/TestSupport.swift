import Foundation
@testable import Diskret

/// Paths and shared fixtures for the engine tests.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The project's German rule pack, loaded once (word lists through a cache in a temporary directory).
    static let pack: RulePack = {
        do { return try RulePack.load(directory: repository.appendingPathComponent("Rules").path, cacheDirectory: cacheDirectory) } catch {
            fatalError("the rule pack does not load: \(error)")
        }
    }()

    static let engine = Engine(rules: pack)

    /// The compiled word lists and pack of this test run.
    static let cacheDirectory: String = {
        removeCachesOfEndedRuns()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-test-cache-\(getpid())")
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        return cache.path
    }()

    /// Removes the `diskret-test-cache-<pid>` directories whose process has ended. The whole run shares its
    /// cache and Swift Testing has no hook after the last test, so no run can remove its own: the next one
    /// does (about 13 MB each). A process that still exists (`kill` succeeds or says EPERM) keeps its cache.
    private static func removeCachesOfEndedRuns() {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "diskret-test-cache-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), kill(pid, 0) == -1 && errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }

    /// A pack made of one rule file written to a temporary directory.
    static func pack(yaml: String, lists: [String: String] = [:]) throws -> RulePack {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-pack-\(UUID().uuidString)")
        // Loaded without a cache, a pack holds its rules and word lists in memory (nothing is mapped), so
        // the files can go as soon as it is loaded, or failed to load.
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("lists"), withIntermediateDirectories: true)
        try yaml.write(to: directory.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        for (name, content) in lists { try content.write(to: directory.appendingPathComponent("lists/\(name)"), atomically: true, encoding: .utf8) }
        return try RulePack.load(directory: directory.path, cacheDirectory: nil)
    }

    /// The substrings of `text` covered by `findings`.
    static func spans(_ findings: [Finding], in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return findings.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }
}
