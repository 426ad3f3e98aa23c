import ArgumentParser
import Diskret
import DiskretConsent
import Foundation

/// The process's exit statuses (sysexits(3)) with what each means to a caller: the one table that
/// `exitCode(for:)`, the root command's help and docs/exit-codes.md (`diskret exit-codes`) are made from.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case checkFailed = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case internalError = 70
    case cannotCreate = 73
    case ioError = 74
    case noPermission = 77
    case config = 78

    /// The status as the argument parser's exit code.
    var code: ExitCode { ExitCode(rawValue) }

    /// A few words, for the root command's help.
    var summary: String {
        switch self {
        case .success: return "success"
        case .checkFailed: return "personal data found (check), fixtures failed (test) or audit chain broken (audit verify)"
        case .usage: return "usage error"
        case .dataError: return "invalid input (not UTF-8, bad JSON line, damaged vault)"
        case .noInput: return "input file missing"
        case .internalError: return "internal error"
        case .cannotCreate: return "key file or masked copy exists"
        case .ioError: return "I/O error"
        case .noPermission: return "consent missing or wrong vault key"
        case .config: return "invalid rules, registry or configuration"
        }
    }

    /// Every situation that ends with this status, for docs/exit-codes.md.
    var meaning: String {
        switch self {
        case .success: return "success"
        case .checkFailed:
            return "personal data found (`check`), fixtures failed (`test`), audit chain broken (`audit verify`), a benchmark run failed (`bench`)"
        case .usage:
            return "usage error: an unknown or missing option or argument, options that do not go together, an unknown or already withdrawn consent, an empty vault passphrase"
        case .dataError:
            return "invalid input: not UTF-8, a bad JSON line, too large, a roster or FHIR file that cannot be read, a damaged, altered or foreign vault, a key file of the wrong size"
        case .noInput: return "an input file is missing: the note, a corpus, a roster, a key file, the vault, or the registry a read command was given"
        case .internalError: return "internal error: ICU failed, a rule exceeded its time limit, a cryptographic primitive failed"
        case .cannotCreate: return "the key file exists already (a key is never overwritten), or masked copies exist (`filter --out-dir` without `--force`)"
        case .ioError:
            return "I/O error: standard output closed or the disk full (every write and the final flush are checked), a registry that cannot be written"
        case .noPermission: return "consent missing, the wrong vault key, or a key file that others can read"
        case .config:
            return "invalid rules, registry or configuration: a rule file or list in error, a diskret.yaml in error, no rule pack or surrogate list found, a registry that is unsafe, damaged or written by a newer Diskret, a key file that is a symbolic link"
        }
    }

    /// The status of a library error.
    init(_ error: DiskretError) {
        switch error {
        case .invalidUTF8, .invalidRecord, .inputTooLarge: self = .dataError
        case .invalidRules, .invalidConfiguration: self = .config
        case .icu, .timeLimitExceeded: self = .internalError
        }
    }

    /// The status of a registry error. `.database` is 78 whether it comes from opening the registry or from an
    /// operation on it: the file is in a state Diskret cannot use (not a registry, damaged, an audit row
    /// altered behind its back) — what sysexits(3) calls EX_CONFIG, "something was found in an unconfigured
    /// or misconfigured state" — and not a fault of the program (EX_SOFTWARE, 70), which is what the
    /// operation path had reported.
    init(_ error: ConsentError) {
        switch error {
        case .invalidRequest, .unknownConsent, .alreadyWithdrawn: self = .usage
        case .invalidRoster: self = .dataError
        case .missingRegistry: self = .noInput
        case .readOnlyRegistry, .storage: self = .ioError
        case .unsafeRegistryPath, .newerSchema, .database: self = .config
        }
    }

    /// The status of a key or vault error.
    init(_ error: PseudonymisationError) {
        switch error {
        case .keyFileUnreadable, .vaultUnreadable: self = .noInput
        case .keyFileWrongSize, .notAVault, .unsupportedVaultVersion, .vaultTampered, .vaultTooLarge, .vaultHeaderInvalid: self = .dataError
        case .keyFileSymlink, .listUnreadable: self = .config
        case .keyFileExists: self = .cannotCreate
        case .writeFailed: self = .ioError
        case .keyFileTooOpen, .wrongVaultKey: self = .noPermission
        case .emptyPassphrase: self = .usage
        case .crypto: self = .internalError
        }
    }
}

/// The exit code of any error a command throws: the library's errors by the table above, an `ExitCode` as it
/// is, the argument parser's own (help, version, usage) as it says, anything else an internal error — never 1,
/// which tells a caller that personal data was found.
func exitCode(for error: Error) -> ExitCode {
    switch error {
    case let code as ExitCode: return code
    case let error as DiskretError: return ExitStatus(error).code
    case let error as ConsentError: return ExitStatus(error).code
    case let error as PseudonymisationError: return ExitStatus(error).code
    default:
        let code = DiskretCommand.exitCode(for: error)
        return code == .failure ? ExitStatus.internalError.code : code
    }
}

/// The description of a library error (one line, never note text), nil for any other error.
func libraryDescription(of error: Error) -> String? {
    switch error {
    case let error as DiskretError: return error.description
    case let error as ConsentError: return error.description
    case let error as PseudonymisationError: return error.description
    default: return nil
    }
}

/// The exit statuses as the root command's help lists them.
var exitStatusSummary: String {
    "Exit codes: " + ExitStatus.allCases.map { "\($0.rawValue) \($0.summary)" }.joined(separator: ", ") + "."
}

/// docs/exit-codes.md, made from the table by `diskret exit-codes` (a test compares the file with it).
var exitStatusDocument: String {
    var lines = ["# Exit codes", "",
                 "<!-- Generated from ExitStatus in Sources/diskret/ExitCodes.swift: swift run diskret exit-codes > docs/exit-codes.md -->", "",
                 "Diskret follows sysexits(3). On every error the message on standard error names what went wrong and where",
                 "(a byte offset, a record number, `file:line`), never text from a note.", "",
                 "| code | meaning |", "|---|---|"]
    lines += ExitStatus.allCases.map { "| \($0.rawValue) | \($0.meaning) |" }
    lines += ["",
              "On any error nothing is written to standard output — except with `filter --jsonl`, a stream, where the records",
              "before the first bad one are (fully masked). Messages never quote note text, file names or command-line",
              "arguments: a usage error says \"Unexpected argument 2\", and files are named by their option."]
    return lines.joined(separator: "\n") + "\n"
}

/// Reports a library error on standard error (its description never holds note text) and turns it into its
/// exit code, for the command to throw.
func fail(_ error: some Error & CustomStringConvertible) -> ExitCode {
    printError("error: \(error.description)")
    return exitCode(for: error)
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
