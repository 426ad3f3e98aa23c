import Foundation
import GRDB
import Testing

/// Several processes writing one registry, and a writer killed mid-run.
@Suite(.serialized) struct RegistryCrashCLITests {
    /// A FHIR bundle of `count` consents for subjects with `prefix`, written into `directory` (made if missing).
    private func bundle(_ count: Int, prefix: String, in directory: String) throws -> String {
        let entries = (0..<count).map { index -> [String: Any] in
            ["resource": ["resourceType": "Consent", "status": "active",
                          "scope": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"]]],
                          "category": [["coding": [["system": "http://loinc.org", "code": "59284-0"]]]],
                          "patient": ["identifier": ["system": "https://diskret.invalid/fhir/NamingSystem/subject-key", "value": "\(prefix)-\(index)/KM"]],
                          "dateTime": "2026-11-24T10:00:00Z",
                          "policyRule": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"]]],
                          "provision": ["type": "permit", "period": ["start": "2026-11-24"],
                                        "actor": [["role": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP"]]],
                                                   "reference": ["display": "Jugendamt"]]],
                                        "purpose": [["system": "https://diskret.invalid/fhir/CodeSystem/purpose", "code": "schutzplan"]],
                                        "class": [["system": "https://diskret.invalid/fhir/CodeSystem/data-category", "code": "person"]]]] as [String: Any]]
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = "\(directory)/bundle-\(prefix).json"
        try JSONSerialization.data(withJSONObject: ["resourceType": "Bundle", "type": "collection", "entry": entries]).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func process(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func twoWriterProcessesLoseNothing() throws {
        // The registry, its WAL files and the bundles share one directory, removed with all of them.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("concurrent-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let registry = directory + "/registry.sqlite"
        _ = try BinaryRunner.run(["consent", "list", "--registry", registry])
        let writers = try (0..<2).map { writer -> Process in
            let file = try bundle(300, prefix: "W-\(writer)", in: directory)
            return try process(["consent", "import", "--fhir", file, "--registry", registry, "--actor", "w\(writer)"])
        }
        // Meanwhile, single grants from a third process.
        for index in 0..<20 {
            _ = try BinaryRunner.run(["consent", "grant", "--subject", "G-\(index)/KM", "--purpose", "p", "--recipient", "A",
                                      "--categories", "person", "--registry", registry])
        }
        writers.forEach { $0.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let count = try DatabaseQueue(path: registry).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM consent") }
        #expect(count == 620)
        let verify = try BinaryRunner.run(["audit", "verify", "--registry", registry])
        #expect(verify.status == 0 && verify.stdout == "audit chain intact: 620 entries\n")
    }

    @Test func aWriterKilledMidRunLeavesAConsistentDatabaseAndChain() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("killed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let registry = directory + "/registry.sqlite"
        _ = try BinaryRunner.run(["consent", "grant", "--subject", "K-0/KM", "--purpose", "p", "--recipient", "A", "--categories", "person", "--registry", registry])
        let writer = try process(["consent", "import", "--fhir", try bundle(20000, prefix: "K", in: directory), "--registry", registry])
        usleep(400_000)
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        let queue = try DatabaseQueue(path: registry)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        let consents = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM consent") } ?? -1
        #expect(consents == 1 || consents == 20001, "the import is one transaction: all or nothing, got \(consents)")
        let verify = try BinaryRunner.run(["audit", "verify", "--registry", registry])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
