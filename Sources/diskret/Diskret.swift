import ArgumentParser
import Foundation

/// The `diskret` command: anonymises German case-conference notes.
@main
struct DiskretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diskret",
        abstract: "Detects and masks personal data in German case-conference notes.",
        discussion: """
        Pipe a note through `diskret filter` before a case conference. Exit codes: 0 success, 1 personal data \
        found (check), fixtures failed (test) or audit chain broken (audit verify), 64 usage error, 65 invalid \
        input (not UTF-8, bad JSON line, damaged vault), 66 input file missing, 70 internal error, 73 key file \
        or masked copy exists, 74 I/O error, 77 consent missing or wrong vault key, 78 invalid rules, registry or \
        configuration.
        """,
        version: "0.1.0",
        subcommands: [FilterCommand.self, CheckCommand.self, RulesCommand.self, EvalCommand.self, TestCommand.self,
                      BenchCommand.self, ConsentCommand.self, AuditCommand.self,
                      KeyCommand.self, ReidentifyCommand.self, ServeCommand.self]
    )

    /// Runs `filter` without building the argument sets of every other subcommand, which was a tenth of the
    /// pipe filter's start-up; help, version and any usage mistake go through the full parser, so that
    /// messages name `diskret filter` as usual.
    static func main() {
        OutputFlush.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let fullParserOnly: Set<String> = ["-h", "--help", "help", "--version", "--experimental-dump-help", "--generate-completion-script"]
        if arguments.first == "filter", !arguments.contains(where: fullParserOnly.contains),
           let command = try? FilterCommand.parseAsRoot(Array(arguments.dropFirst())) as? FilterCommand {
            do { try command.run() } catch { exitRedacted(error, arguments: arguments) }
            return
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exitRedacted(error, arguments: arguments)
        }
    }

    /// Ends the process as the argument parser's `exit(withError:)` does — help and version on standard
    /// output with 0, anything else on standard error with its code — with the arguments kept out of the
    /// message (a usage error had echoed a file name, and the client's name in it).
    static func exitRedacted(_ error: Error, arguments: [String]) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
        } else if !message.isEmpty {
            printRaw(UsageRedaction.redact(message, arguments: arguments))
        }
        Foundation.exit(code.rawValue)
    }
}
