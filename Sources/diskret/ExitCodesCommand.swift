import ArgumentParser

/// `diskret exit-codes` (hidden): prints docs/exit-codes.md from the exit-status table, so the document
/// cannot drift from the code (`ExitCodeDocumentTests` compares them).
struct ExitCodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exit-codes",
        abstract: "Prints the exit-code table as Markdown (docs/exit-codes.md).",
        shouldDisplay: false
    )

    func run() throws {
        try OutputWriter.write(exitStatusDocument)
    }
}
