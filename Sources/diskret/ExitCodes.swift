import ArgumentParser
import Diskret
import Foundation

/// The process exit codes, following sysexits(3).
enum ExitCodes {
    static let found = ExitCode(1)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let internalError = ExitCode(70)
    static let outputExists = ExitCode(73)
    static let ioError = ExitCode(74)
    static let consentMissing = ExitCode(77)
    static let configError = ExitCode(78)

    /// The exit code for a library error.
    static func code(for error: DiskretError) -> ExitCode {
        switch error {
        case .invalidUTF8, .invalidRecord: return dataError
        case .inputTooLarge: return dataError
        case .invalidRules, .invalidConfiguration: return configError
        case .icu, .timeLimitExceeded: return internalError
        }
    }
}

/// Writes one line to standard error. Callers pass only messages that hold no note text.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("diskret: \(message)\n".utf8))
}

/// Writes a message to standard error as it is, with a newline (the argument parser's messages carry their
/// own "Error:" and usage lines).
func printRaw(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Reports a library error on stderr and turns it into the matching exit code.
func fail(_ error: DiskretError) -> ExitCode {
    printError("error: \(error.description)")
    return ExitCodes.code(for: error)
}
