import ArgumentParser
import Diskret
import Foundation

/// Options shared by every command that runs the engine.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "The rule pack directory. Defaults to $DISKRET_RULES, then the pack next to the executable or in the repository.")
    var rules: String?

    @Option(name: .long, help: "Mask candidates scoring at least this (0…1); lower means more recall.")
    var threshold: Double = 0.5

    @Flag(name: .long, help: "Do not read or write the caches of compiled word lists and parsed rule files.")
    var noCache = false

    @Option(name: .long, help: "Refuse, as it is read, any input larger than this many bytes: the note or --input file, each --jsonl line, and with filter the roster, policy and vault.")
    var maxBytes: Int = 64 << 20

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1.") }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive.") }
        guard maxBytes <= EngineOptions.inputLimit else {
            throw ValidationError("--max-bytes must be at most \(EngineOptions.inputLimit) (1 GiB): the engine addresses text with 32-bit offsets.")
        }
    }

    /// The rule directory to use, or nil when none can be found.
    func ruleDirectory() -> String? { Self.ruleDirectory(rules) }

    /// Loads the pack and makes an engine with the site's word lists; errors are reported and become exit codes.
    func makeEngine(directory override: String? = nil, profilesRules: Bool = false, siteWords: SiteWords = SiteWords(),
                    compilesPatterns: Bool = false) throws -> Engine {
        try Self.makeEngine(directory: override ?? ruleDirectory(), threshold: threshold, maxBytes: maxBytes, noCache: noCache,
                            profilesRules: profilesRules, siteWords: siteWords, compilesPatterns: compilesPatterns)
    }

    /// `rules`, else $DISKRET_RULES, else the pack next to the executable or in the repository.
    static func ruleDirectory(_ rules: String?) -> String? {
        if let rules { return rules }
        if let environment = ProcessInfo.processInfo.environment["DISKRET_RULES"], !environment.isEmpty { return environment }
        return RuleLocator.defaultDirectory()
    }

    /// Loads the pack in `directory` and makes an engine with the site's word lists; errors are reported and
    /// become exit codes. With `compilesPatterns`, the regexes a pack from the cache defers to a note's first
    /// need compile now, so that one that fails fails here.
    static func makeEngine(directory: String?, threshold: Double, maxBytes: Int, noCache: Bool, profilesRules: Bool = false,
                           siteWords: SiteWords = SiteWords(), compilesPatterns: Bool = false) throws -> Engine {
        guard let directory else {
            printError("error: no rule pack found; pass --rules DIR or set DISKRET_RULES")
            throw ExitStatus.config.code
        }
        do {
            let pack = try RulePack.load(directory: directory, cacheDirectory: noCache ? nil : RulePack.defaultCacheDirectory())
            if compilesPatterns { try pack.compilePatterns() }
            var options = EngineOptions(threshold: threshold, maxInputBytes: maxBytes)
            options.profilesRules = profilesRules
            return Engine(rules: pack, options: options, siteWords: siteWords)
        } catch {
            throw fail(error)
        }
    }
}

/// Finds the default rule pack: next to the executable (walking up from it, so `.build/release/diskret` finds
/// the repository's `Rules`), in `../share/diskret/Rules` of an installed binary, or above the working directory.
enum RuleLocator {
    static func defaultDirectory() -> String? {
        var starts: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        starts.append(executable.deletingLastPathComponent())
        starts.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        if let installed = Optional(executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/diskret/Rules")), isPack(installed) {
            return installed.path
        }
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for start in starts {
            var directory = start
            for _ in 0..<8 {
                let candidate = directory.appendingPathComponent("Rules")
                if isPack(candidate) { return candidate.path }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    /// A rule pack directory carries a README.md and at least one subdirectory of rule files.
    private static func isPack(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path)
            && FileManager.default.fileExists(atPath: url.appendingPathComponent("de").path)
    }
}
