import ArgumentParser
import Diskret
import Foundation

/// `diskret reidentify`: restores the originals in a text that came back from the conference.
struct ReidentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reidentify",
        abstract: "Restores the originals in a text from standard input with an encrypted vault and writes it to standard output.",
        discussion: """
        The vault is written by 'diskret filter --vault FILE'. A filtered note that comes back unchanged is restored \
        exactly; other text (minutes) is restored by replacing each known placeholder, pseudonym or surrogate, \
        longest first. A placeholder that stood for different originals in different notes is written as \
        {A | B}. The key comes from $DISKRET_VAULT_PASSPHRASE or --vault-key FILE. Nothing is written to standard \
        output on failure. Exit codes: 0 restored, 64 usage error (no key), 65 vault damaged or tampered with, or not \
        a vault, 66 vault or input missing, 77 wrong passphrase or key file.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The vault written by 'diskret filter --vault'.", valueName: "file"))
    var vault: String

    @Option(name: .customLong("vault-key"), help: ArgumentHelp("A key file that opens the vault (instead of the passphrase).", valueName: "file"))
    var vaultKey: String?

    @Option(name: .long, help: "Read the text from this file instead of standard input.")
    var input: String?

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let secret = try PseudonymOptions.secret(vaultKey: vaultKey)
        let contents: VaultContents
        do { contents = try Vault.read(path: vault, secret: secret) } catch { throw fail(error) }
        let text: String
        let data = try InputReader.readAll(path: input, limit: 64 << 20)
        do { text = try InputReader.decode(data) } catch { throw fail(error) }
        let result = Reidentifier(contents: contents).restore(text)
        if result.ambiguous > 0 {
            printError("warning: \(result.ambiguous) replacement(s) stood for different originals in different notes; written as {A | B}")
        }
        try OutputWriter.write(result.text)
    }
}
