import Crypto
import Diskret
import DiskretConsent
import DiskretService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A service as `diskret serve` builds it, on a free loopback port, with the project's rules, a fresh
/// registry file, one known token and a log that the test can read.
enum ServiceFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let engine: Engine = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-service-test-cache-\(getpid())").path
        do { return Engine(rules: try RulePack.load(directory: repository.appendingPathComponent("Rules").path, cacheDirectory: cache)) } catch {
            fatalError("the rule pack does not load: \(error)")
        }
    }()

    /// The bearer token of the test user "fachkraft-12".
    static let token = "t0k3n-of-fachkraft-12-not-in-any-log"
    static let tokenFile = "# test users\n\(hex(SHA256.hash(data: Data(token.utf8)))) fachkraft-12\n"
    static var authorization: HTTPFields { [.authorization: "Bearer \(token)"] }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 { digest.map { String(format: "%02x", $0) }.joined() }

    /// A registry path in a new temporary directory.
    static func registryPath() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-service-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return directory.appendingPathComponent("registry.sqlite").path
    }

    /// Runs `body` against a live service; `configure` may change the settings first.
    static func withService<T: Sendable>(log: LogCapture = LogCapture(), registry: String = registryPath(),
                                         configure: (inout ServiceSettings) -> Void = { _ in },
                                         _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        var settings = ServiceSettings { try ConsentRegistry.open(path: registry, access: .readWrite) }
        settings.port = 0
        settings.tokens = try TokenTable(parsing: tokenFile)
        // The whole suite runs in parallel on two cores: a request may wait its turn far longer than in use.
        settings.handlerTimeout = .seconds(120)
        configure(&settings)
        let app = try makeApplication(engine: engine, settings: settings, logger: log.logger)
        return try await app.test(.live, body)
    }

    static func json(_ value: Any) -> ByteBuffer { ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: value)) }
    static let jsonType: HTTPFields = [.contentType: "application/json"]
    static func jsonAuthorized() -> HTTPFields { var fields = authorization; fields[.contentType] = "application/json"; return fields }

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
    }

    static let note = try! String(contentsOf: repository.appendingPathComponent("Fixtures/notes/00-beispiel-polizeimitteilung.txt"), encoding: .utf8)
    static let roster = try! String(contentsOf: repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml"), encoding: .utf8)
}

/// Every log line of a service, at every level, for tests that look for what must never be logged.
final class LogCapture: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    var text: String { lock.withLock { lines.joined(separator: "\n") } }
    var all: [String] { lock.withLock { lines } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    var logger: Logger {
        var logger = Logger(label: "diskret-test") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(event.message) \(merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}
