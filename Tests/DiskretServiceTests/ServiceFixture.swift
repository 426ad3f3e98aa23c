import Crypto
import DiskretConsent
import DiskretDocx
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
    /// and a fresh registry (none given with `registry: nil`); `arguments` are added. The process sees no
    /// site configuration or registry of the machine's user, only what `environment` adds. Returns what `body`
    /// returns and the server's log.
    static func withService<T: Sendable>(_ arguments: [String] = [], registry: String? = registryPath(), environment: [String: String] = [:],
                                         _ body: @Sendable (ServiceClient) async throws -> T) async throws -> (T, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tokens = directory.appendingPathComponent("tokens"), logFile = directory.appendingPathComponent("serve.log")
        try tokenFile.write(to: tokens, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--tokens", tokens.path] + (registry.map { ["--registry", $0] } ?? []) + arguments
        process.environment = isolated(ProcessInfo.processInfo.environment, in: directory).merging(environment) { $1 }
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

    /// `environment` without the user's configuration and registry: the XDG folders point into `directory`.
    static func isolated(_ environment: [String: String], in directory: URL) -> [String: String] {
        var environment = environment
        environment["DISKRET_CONFIG"] = nil
        environment["DISKRET_REGISTRY"] = nil
        environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
        return environment
    }

    static func json(_ value: Any) -> ByteBuffer { ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: value)) }
    static let jsonType: HTTPFields = [.contentType: "application/json"]
    static func jsonAuthorized() -> HTTPFields { var fields = authorization; fields[.contentType] = "application/json"; return fields }

    static func object(_ response: ServiceClient.Answer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
    }

    /// The media type of a .docx.
    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// A small Word document with names in every kind of part: body, table, header, comment, deleted text, author.
    static func docx() throws -> [UInt8] {
        let body = "<w:p><w:r><w:t>Frau Kowalczyk kam am 03.05.2024 in die Beratung.</w:t></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kowalczyk</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Lindenstraße 5</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            + "<w:p><w:del><w:r><w:delText>Herr Brückner rief an.</w:delText></w:r></w:del></w:p>"
        let parts = [
            "word/header1.xml": DocxPackage.part("w:hdr", "<w:p><w:r><w:t>Akte Frau Sarah Koch</w:t></w:r></w:p>"),
            "word/comments.xml": DocxPackage.part("w:comments", #"<w:comment w:id="0" w:author="X"><w:p><w:r><w:t>Rückruf unter 0170 1234567</w:t></w:r></w:p></w:comment>"#),
            "docProps/core.xml": #"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Melanie Hoffmeister</dc:creator></cp:coreProperties>"#,
        ]
        return [UInt8](try DocxPackage.make(body: body, parts: parts))
    }

    /// What `docx()` holds that must never leave the service unmasked.
    static let docxSecrets = ["Kowalczyk", "Lindenstraße", "Brückner", "Sarah Koch", "0170 1234567", "Hoffmeister"]

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
