import DiskretConsent
import DiskretService
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// What the service does beyond single requests: concurrent writes, binding rules, tokens and limits.
@Suite struct ServiceBehaviourTests {
    typealias F = ServiceFixture

    /// 8 connections grant 20 consents each at once: every grant is answered 201, recorded once, and the
    /// audit chain stays intact.
    @Test func concurrentGrantsThroughTheAPILoseNothing() async throws {
        // Long timeouts on both sides: under the whole suite a grant can wait its turn for a long time.
        _ = try await F.withService(["--read-timeout", "600", "--handler-timeout", "600"]) { client in
            let port = client.port
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        let connection = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(600)))
                        connection.connect()
                        var statuses: [Int] = []
                        for index in 0..<20 {
                            let body = F.json(["subject": "K-2024-\(100 + worker)/K\(index)", "purpose": "schutzplan", "recipients": ["Jugendamt Soest"], "categories": ["person"]])
                            let response = try await connection.post("/v1/consents", headers: F.jsonAuthorized(), body: body)
                            statuses.append(response.status.code)
                        }
                        try await connection.shutdown()
                        return statuses
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.count == 160 && statuses.allSatisfy { $0 == 201 })
            let list = try await client.executeRequest(uri: "/v1/consents", method: .get, headers: F.authorization, body: nil)
            let ids = (F.object(list)["consents"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []
            #expect(Set(ids).count == 160)
            let verify = try await client.executeRequest(uri: "/v1/audit/verify", method: .get, headers: F.authorization, body: nil)
            #expect(F.object(verify)["intact"] as? Bool == true && F.object(verify)["entries"] as? Int == 160)
        }
    }

    @Test func beyondLoopbackNeedsTokensForEveryAPIRequest() async throws {
        var settings = ServiceSettings { try ConsentRegistry.inMemory() }
        settings.host = "0.0.0.0"
        #expect(throws: ServiceSettingsError.self) { try settings.validate() }
        #expect(ServiceSettings.isLoopback("127.0.0.1") && ServiceSettings.isLoopback("::1") && ServiceSettings.isLoopback("localhost"))
        #expect(!ServiceSettings.isLoopback("0.0.0.0") && !ServiceSettings.isLoopback("192.168.1.5") && !ServiceSettings.isLoopback("127.0.0.1.example.org"))

        _ = try await F.withService(["--host", "0.0.0.0"]) { client in
            let plain: HTTPFields = [.contentType: "text/plain"]
            let anonymous = try await client.executeRequest(uri: "/v1/filter", method: .post, headers: plain, body: ByteBuffer(string: "Frau Kowalczyk kam."))
            #expect(anonymous.status == .unauthorized)
            var authorized = F.authorization
            authorized[.contentType] = "text/plain"
            let answered = try await client.executeRequest(uri: "/v1/filter", method: .post, headers: authorized, body: ByteBuffer(string: "Frau Kowalczyk kam."))
            #expect(answered.status == .ok)
            #expect(try await client.executeRequest(uri: "/healthz", method: .get, headers: [:], body: nil).status == .ok)
        }
    }

    @Test func tokenFileErrorsNameTheLineNeverItsContent() throws {
        #expect(throws: TokenFileError.self) { try TokenTable(parsing: "# users\nsecret-token-in-clear fachkraft\n") }
        do { _ = try TokenTable(parsing: "# users\nsecret-token-in-clear fachkraft\n") } catch {
            #expect(error.description == "tokens:2: expected a 64-digit SHA-256 hex hash, a space and an actor name")
        }
        let table = try TokenTable(parsing: F.tokenFile)
        #expect(table.actor(for: F.token) == "fachkraft-12")
        #expect(table.actor(for: F.token + "x") == nil)
    }

    /// A body declared larger than the limit is refused before it is read; one that grows beyond it as it is
    /// read is refused too.
    @Test func oversizeBodiesAreRefusedWithoutProcessing() async throws {
        _ = try await F.withService(["--max-bytes", "1000"]) { client in
            let body = ByteBuffer(string: String(repeating: "Anna Fischer ", count: 200))
            let response = try await client.executeRequest(uri: "/v1/filter", method: .post, headers: [.contentType: "text/plain"], body: body)
            #expect(response.status == .contentTooLarge && !String(buffer: response.body).contains("Fischer"))
            let fits = try await client.executeRequest(uri: "/v1/filter", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "Anna Fischer kam."))
            #expect(fits.status == .ok)
        }
    }
}

/// The two timeouts: a body that stops arriving, and work that takes too long.
@Suite struct ServiceTimeoutTests {
    typealias F = ServiceFixture

    @Test func aBodyThatStopsArrivingIs408() async throws {
        _ = try await F.withService(["--read-timeout", "2"]) { client in
            let port = client.port
            // Ten bytes of a declared hundred, then silence.
            let answer = try RawHTTP.exchange(port: port, "POST /v1/filter HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nFrau Anna ")
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(40))")
            #expect(!answer.contains("Anna"))
        }
    }

    @Test func workBeyondTheHandlerTimeoutIs503() async throws {
        _ = try await F.withService(["--handler-timeout", "0.000001"]) { client in
            let response = try await client.executeRequest(uri: "/v1/filter", method: .post, headers: [.contentType: "text/plain"],
                                                           body: ByteBuffer(string: F.note))
            #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] != nil)
            #expect(!String(buffer: response.body).contains("Fischer"))
        }
    }
}

/// A bare socket, for requests a well-behaved client never sends.
enum RawHTTP {
    /// Sends `request` to 127.0.0.1:`port` and reads until the server closes or 10 s pass.
    static func exchange(port: Int, _ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
