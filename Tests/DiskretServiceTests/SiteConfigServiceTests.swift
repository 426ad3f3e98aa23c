import DiskretDocx
import Foundation
import HTTPTypes
import NIOCore
import Testing

/// `diskret serve` with a site configuration (`diskret.yaml`): its always-mask and never-mask lists, default
/// policy and registry apply to API requests as they do to `diskret filter`.
@Suite final class SiteConfigServiceTests {
    typealias F = ServiceFixture
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("service-site-\(UUID().uuidString)")
    var config: String { directory.appendingPathComponent("diskret.yaml").path }
    static let note = "Frau petra sommer vom Frauenhaus Lindenhof rief am 12.03.2024 beim Jugendamt Soest an.\n"
    static let expected = "Frau [Person 1] vom [Einrichtung 1] rief am 03/2024 beim Jugendamt Soest an.\n"

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            registry: site-registry.sqlite
            policy:
              date: generalize-month
            always-mask:
              organisation: [Frauenhaus Lindenhof]
              person: [Petra Sommer]
            never-mask: [Soest]
            """.write(toFile: config, atomically: true, encoding: .utf8)
    }
    deinit { try? FileManager.default.removeItem(at: directory) }

    static func masked(_ client: ServiceClient, _ type: String, _ body: ByteBuffer, authorized: Bool = false) async throws -> String {
        var headers: HTTPFields = authorized ? F.authorization : [:]
        headers[.contentType] = type
        let answer = try await client.executeRequest(uri: "/v1/filter", method: .post, headers: headers, body: body)
        #expect(answer.status == .ok, "\(type): \(answer.status)")
        return F.object(answer)["text"] as? String ?? String(buffer: answer.body)
    }

    /// Without a configuration the service masks the note otherwise: the lists are what makes the difference.
    @Test func withoutConfigurationTheListsDoNotApply() async throws {
        let (text, _) = try await F.withService { client in try await Self.masked(client, "text/plain", ByteBuffer(string: Self.note)) }
        #expect(text != Self.expected && !text.contains("Jugendamt Soest"), "\(text)")
    }

    @Test func theSiteListsPolicyAndRegistryApplyToEveryRequest() async throws {
        let registry = directory.appendingPathComponent("site-registry.sqlite").path
        _ = try await F.withService(["--config", config], registry: nil) { client in
            #expect(try await Self.masked(client, "text/plain", ByteBuffer(string: Self.note)) == Self.expected)
            // A request's own threshold gets an engine of its own, with the same lists.
            #expect(try await Self.masked(client, "application/json", F.json(["text": Self.note, "threshold": 0.9])) == Self.expected)
            // The request's mask goes on top of the site's policy.
            let placeholder = try await Self.masked(client, "application/json", F.json(["text": Self.note, "mask": "date=placeholder"]))
            #expect(placeholder.contains("am [Datum 1] beim Jugendamt Soest") && placeholder.hasPrefix("Frau [Person 1] vom [Einrichtung 1]"))
            let lines = try await client.executeRequest(uri: "/v1/filter", method: .post, headers: [.contentType: "application/x-ndjson"],
                                                        body: F.json(["id": "a", "text": Self.note]))
            let line = (try? JSONSerialization.jsonObject(with: Data(buffer: lines.body))) as? [String: Any]
            #expect(line?["text"] as? String == Self.expected)
            let word = try DocxPackage.make(body: "<w:p><w:r><w:t>\(Self.note.dropLast())</w:t></w:r></w:p>")
            #expect(try await Self.masked(client, F.docxType, ByteBuffer(bytes: word)) == Self.expected)
            let check = try await client.executeRequest(uri: "/v1/check", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "Petra Sommer rief an."))
            #expect(((F.object(check)["findings"] as? [[String: Any]])?.first?["rule"] as? String) == "site.always-mask.person")
            // The registry the configuration names, relative to its folder.
            let grant = F.json(["subject": "K-1/KM", "purpose": "p", "recipients": ["A"], "categories": ["person"]])
            #expect(try await client.executeRequest(uri: "/v1/consents", method: .post, headers: F.jsonAuthorized(), body: grant).status == .created)
        }
        #expect(FileManager.default.fileExists(atPath: registry))
    }

    @Test func theConfigurationIsFoundByTheEnvironment() async throws {
        let (text, _) = try await F.withService(environment: ["DISKRET_CONFIG": config]) { client in
            try await Self.masked(client, "text/plain", ByteBuffer(string: Self.note))
        }
        #expect(text == Self.expected)
    }

    /// An operator the service cannot apply, or a broken file, stops the start (78) before anything listens.
    @Test func aPolicyTheServiceCannotApplyStopsTheStart() throws {
        for (yaml, message) in [("policy:\n  person: pseudonym\n", "masks person with 'pseudonym'"), ("never-mask: [Soest]\nnevermask: [x]\n", ":2: unknown key")] {
            try yaml.write(toFile: config, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = F.binary
            process.arguments = ["serve", "--port", "0", "--config", config]
            process.environment = F.isolated(ProcessInfo.processInfo.environment, in: directory)
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 78 && stderr.contains(message), "\(stderr)")
        }
    }
}
