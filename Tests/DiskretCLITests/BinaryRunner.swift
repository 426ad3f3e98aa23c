import Foundation

/// Runs the built `diskret` binary as a user would: arguments, standard input, output and exit status.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (the same build), else the repository's debug build.
    static let binary: URL = {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("diskret"))
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(repository.appendingPathComponent(".build/debug/diskret"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Runs `diskret arguments…` with `input` on stdin, in the repository, with `environment` added.
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repository
        process.environment = Self.environment(adding: environment)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        // Standard error is drained on another thread so that neither pipe can fill up and block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let reader = Thread { errBox.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        while !reader.isFinished { usleep(1_000) }
        let errData = errBox.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }

    static func run(_ arguments: [String], input: String) throws -> Result { try run(arguments, input: Data(input.utf8)) }

    /// This process's environment with the tests' own cache directory and `extra` on top.
    static func environment(adding extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-cli-cache").path
        // A diskret.yaml of the machine's user must not change what the tests see; tests that want one say so.
        env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-cli-no-config").path
        env["DISKRET_CONFIG"] = nil
        for (key, value) in extra { env[key] = value }
        return env
    }
}
