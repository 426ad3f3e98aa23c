import ArgumentParser
import Diskret
import Foundation

/// `diskret key`: case keys.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Creates case keys for keyed pseudonyms, surrogates and date shifting.",
        subcommands: [New.self]
    )

    /// `diskret key new FILE`.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Writes a new random case key (32 bytes, mode 0600) to FILE; an existing file is never overwritten.",
            discussion: """
            Every partner of a case filters with the same key file (--case-key FILE), so the same person gets the \
            same pseudonym and all dates move by the same offset in every note of the case. Hand the file on only \
            through a secure channel: whoever holds it can recompute pseudonyms from names. Exit codes: 0 written, \
            73 FILE exists, 74 cannot write.
            """
        )

        @Argument(help: ArgumentHelp("The key file to create.", valueName: "file"))
        var file: String

        func run() throws {
            do { try CaseKey.generate().write(to: file) } catch { throw fail(error) }
            printError("wrote a new case key to \(file) (mode 0600)")
        }
    }
}
