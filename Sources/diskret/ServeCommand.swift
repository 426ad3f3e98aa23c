import ArgumentParser
import Diskret
import DiskretConsent
import DiskretService
import Foundation
import Hummingbird
import Logging

/// `diskret serve`: the filter as a local HTTP service with a review page.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the filter over HTTP with a review page at / (German); see docs/service.md and openapi.yaml.",
        discussion: """
        Listens on 127.0.0.1:8080 unless told otherwise. Any address beyond loopback is refused without \
        --tokens FILE, a file of 'sha256-hex actor' lines (the hash of each user's bearer token and the name the \
        audit log records). Consent endpoints and reveals need a token on any address. One log line per request \
        on standard error: method, route, status, size and duration — never note text, names or tokens. SIGTERM \
        or SIGINT stop the service after the requests in flight.

        The site configuration (diskret.yaml: --config, $DISKRET_CONFIG, then the XDG config folder, as for \
        filter) applies to every request: its registry, its default policy (under a request's own policy and \
        mask) and its always-mask and never-mask lists. A policy operator the service cannot apply (the \
        pseudonymisation ones, relative) stops the start with exit 78.
        """
    )

    @Option(help: "The rule pack directory. Defaults to $DISKRET_RULES, then the pack next to the executable or in the repository.")
    var rules: String?
    @Option(help: "Mask candidates scoring at least this (0…1) unless a request names its own threshold.") var threshold = 0.5
    @Flag(help: "Do not read or write the caches of compiled word lists and parsed rule files.") var noCache = false
    @Option(help: "Refuse a request body larger than this many bytes (413).") var maxBytes = 4 << 20
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0 picks a free one; the log line 'Server started' names it).") var port = 8080
    @Option(help: "A file of 'sha256-hex actor' lines: the users, by the SHA-256 of their bearer token.") var tokens: String?
    @Flag(help: "Require a token for every API request even on loopback (behind a reverse proxy).") var requireTokens = false
    @Option(help: "The registry file. Defaults to $DISKRET_REGISTRY, then the site configuration's 'registry', then $XDG_DATA_HOME/diskret/registry.sqlite.")
    var registry: String?
    @OptionGroup var site: ConfigOptions
    @Option(help: "Seconds a request body may take to arrive (and a connection may stay idle).") var readTimeout = 30.0
    @Option(help: "Seconds the engine or the registry may take for one request (503 beyond).") var handlerTimeout = 30.0

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1.") }
        guard maxBytes > 0, maxBytes <= 256 << 20 else { throw ValidationError("--max-bytes must be between 1 and \(256 << 20).") }
        guard readTimeout > 0, handlerTimeout > 0 else { throw ValidationError("--read-timeout and --handler-timeout must be positive.") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        if requireTokens && tokens == nil { throw ValidationError("--require-tokens needs --tokens.") }
        if tokens == nil && !ServiceSettings.isLoopback(host) {
            throw ValidationError("Refusing to listen on \(host) without --tokens: beyond loopback every request must carry a token.")
        }
    }

    func run() throws {
        let configuration = try site.load()
        let engine = try RuleOptions.makeEngine(directory: RuleOptions.ruleDirectory(rules), threshold: threshold, maxBytes: maxBytes, noCache: noCache,
                                                siteWords: configuration.words, compilesPatterns: true)
        let registryPath = try RegistryOptions.path(explicit: registry) { configuration }
        var settings = ServiceSettings { try ConsentRegistry.open(path: registryPath, access: .readWrite) }
        settings.defaultPolicy = configuration.policy
        settings.host = host
        settings.port = port
        settings.maxBytes = maxBytes
        settings.readTimeout = .seconds(readTimeout)
        settings.handlerTimeout = .seconds(handlerTimeout)
        if let tokens { settings.tokens = try loadTokens(tokens) }
        settings.requireTokens = requireTokens
        var logger = Logger(label: "diskret") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        let application: any ApplicationProtocol
        do { application = try makeApplication(engine: engine, settings: settings, logger: logger) } catch let error as ServiceSettingsError {
            guard error.kind == .configuration else { throw ValidationError(error.description) }
            printError("error: \(error.description)")
            throw ExitStatus.config.code
        }
        // The command line is synchronous; the service runs on Swift concurrency until a signal ends it.
        final class Outcome: @unchecked Sendable { var error: (any Error)? }
        let outcome = Outcome(), done = DispatchSemaphore(value: 0)
        Task {
            do { try await application.runService() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            printError("error: the service stopped: \(error)")
            throw ExitStatus.ioError.code
        }
    }

    /// The token file, read in full (a few lines); errors name a line, never its content.
    private func loadTokens(_ path: String) throws -> TokenTable {
        let data = try InputReader.readFile(path, limit: 1 << 20, option: "--tokens")
        guard let text = String(validating: data, as: UTF8.self) else { throw ValidationError("The --tokens file is not UTF-8.") }
        do { return try TokenTable(parsing: text) } catch {
            printError("error: \(error.description)")
            throw ExitStatus.config.code
        }
    }
}
