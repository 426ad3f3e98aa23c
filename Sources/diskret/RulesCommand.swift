import ArgumentParser
import Diskret
import Foundation

/// `diskret rules`: tools for rule authors.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Checks and compiles rule packs.",
        subcommands: [RulesCheckCommand.self, RulesCompileCommand.self]
    )
}

/// `diskret rules check [DIR]`.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validates a rule pack: files parse, patterns compile, ids are unique, and every rule's examples hold.",
        discussion: "Problems are printed as 'file:line: message'; the exit code is 78 when there is any."
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "The rule pack directory (default: --rules, or the pack diskret finds by itself).")
    var directory: String?

    func run() throws {
        let engine = try ruleOptions.makeEngine(directory: directory, compilesPatterns: true)
        var failures: [RuleExamples.Failure] = []
        do {
            failures = try RuleExamples(engine: engine).verify()
            failures += try RuleExamples(engine: engine).verify(prefix: RuleExamples.offsetProbe)
        } catch { throw fail(error) }
        var seen = Set<String>()
        for failure in failures where seen.insert(failure.description).inserted { print(failure.description) }
        // Not a problem, but a rule author wants to know why a rule is slow.
        for (id, reason) in engine.rules.rulesWithoutPrefilter {
            print("note: rule \(id) runs without the pattern prefilter (\(reason)): its regex runs on every line its gates let through")
        }
        let examples = engine.rules.exampleCount
        if failures.isEmpty {
            print("\(engine.rules.ruleIDs.count) rules, \(examples) examples: all hold")
        } else {
            print("\(engine.rules.ruleIDs.count) rules, \(examples) examples: \(seen.count) problems")
            throw ExitStatus.config.code
        }
    }
}

/// `diskret rules compile [DIR]`.
struct RulesCompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compiles a pack's word lists into the per-user cache so that the next start is fast.",
        discussion: "The cache is rebuilt by itself when a list changes; this command only does it ahead of time."
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "The rule pack directory (default: --rules, or the pack diskret finds by itself).")
    var directory: String?

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let engine = try ruleOptions.makeEngine(directory: directory)
        let elapsed = clock.now - start
        print("\(engine.rules.ruleIDs.count) rules compiled from \(engine.rules.directory) in \(elapsed.formatted(.units(allowed: [.milliseconds])))")
        print("cache: \(RulePack.defaultCacheDirectory() ?? "unavailable")")
    }
}
