import Crypto
import DiskretConsent
import DiskretService
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `diskret serve` as a process on a free loopback port, with the project's rules, a fresh registry file, one
/// known token and its log for the test to read.
enum ServiceFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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

    /// The `diskret` binary of this build (next to the test bundle), else the repository's debug build.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("diskret")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/diskret")
    }()

    /// Runs `body` against `diskret serve` started as a process of its own (as in use, and out of reach of the
    /// other tests, which share this process's threads) on a free loopback port, with the test token file
    /// and a fresh registry; `arguments` are added. Returns what `body` returns and the server's log.
    static func withService<T: Sendable>(_ arguments: [String] = [], registry: String = registryPath(),
                                         _ body: @Sendable (ServiceClient) async throws -> T) async throws -> (T, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tokens = directory.appendingPathComponent("tokens"), logFile = directory.appendingPathComponent("serve.log")
        try tokenFile.write(to: tokens, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--registry", registry, "--tokens", tokens.path] + arguments
        process.currentDirectoryURL = repository
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The port is in Hummingbird's start line: "Server started and listening on 127.0.0.1:PORT".
        var port: Int?
        for _ in 0..<1200 where port == nil && process.isRunning {
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            port = log.range(of: "listening on 127.0.0.1:").flatMap { Int(log[$0.upperBound...].prefix { $0.isNumber }) }
                ?? log.range(of: "listening on 0.0.0.0:").flatMap { Int(log[$0.upperBound...].prefix { $0.isNumber }) }
            if port == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard let port else { throw ServiceStartError(log: (try? String(contentsOf: logFile, encoding: .utf8)) ?? "") }
        let client = ServiceClient(port: port)
        let result: T
        do { result = try await body(client) } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        process.terminate()  // SIGTERM: requests in flight finish, then the process exits 0
        process.waitUntilExit()
        let log = try String(contentsOf: logFile, encoding: .utf8)
        #expect(process.terminationStatus == 0, "the service did not stop cleanly on SIGTERM")
        return (result, log)
    }

    static func json(_ value: Any) -> ByteBuffer { ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: value)) }
    static let jsonType: HTTPFields = [.contentType: "application/json"]
    static func jsonAuthorized() -> HTTPFields { var fields = authorization; fields[.contentType] = "application/json"; return fields }

    static func object(_ response: ServiceClient.Answer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
    }

    static let note = try! String(contentsOf: repository.appendingPathComponent("Fixtures/notes/00-beispiel-polizeimitteilung.txt"), encoding: .utf8)
    static let roster = try! String(contentsOf: repository.appendingPathComponent("Fixtures/cases/K-2024-017.yaml"), encoding: .utf8)
}

/// The service did not print its port.
struct ServiceStartError: Error, CustomStringConvertible {
    let log: String
    var description: String { "diskret serve did not start: \(log)" }
}

/// An HTTP/1.1 client on one connection to the service, with a timeout long enough for a loaded machine.
struct ServiceClient: Sendable {
    /// An answer: status, headers and body.
    struct Answer: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
    }

    let port: Int
    private let client: TestClient

    init(port: Int) {
        self.port = port
        client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
        client.connect()
    }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Answer {
        let response = try await client.execute(TestClient.Request(uri, method: method, headers: headers, body: body))
        return Answer(status: response.status, headers: response.head.headerFields, body: response.body ?? ByteBuffer())
    }

    func shutdown() async throws { try await client.shutdown() }
}
