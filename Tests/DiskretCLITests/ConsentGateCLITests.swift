import Foundation
import GRDB
import Testing

/// Issue 19's "Why", case by case, as a user or a curious insider would try it: each fails closed with its
/// documented exit code. A class, so that `deinit` removes each test's directory however the test ends.
@Suite(.serialized) final class ConsentGateCLITests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-gate-\(UUID().uuidString)")
    var registry: String { directory.appendingPathComponent("registry.sqlite").path }

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
    deinit { try? FileManager.default.removeItem(at: directory) }

    private func write(_ text: String, to name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, input: Data(input.utf8), environment: environment)
    }

    private func grant(_ subject: String, purpose: String = "strafverfahren", recipient: String = "Anwalt KV",
                       _ extra: [String] = []) throws -> BinaryRunner.Result {
        try run(["consent", "grant", "--subject", subject, "--purpose", purpose, "--recipient", recipient, "--categories", "person",
                 "--registry", registry, "--actor", "fk"] + extra)
    }

    private func reveal(_ subject: String, roster: String, note: String, purpose: String = "strafverfahren",
                        recipient: String = "Anwalt KV", _ extra: [String] = []) throws -> BinaryRunner.Result {
        try run(["filter", "--roster", roster, "--reveal", subject, "--purpose", purpose, "--recipient", recipient,
                 "--registry", registry, "--actor", "fk"] + extra, input: note)
    }

    // MARK: Why 1: the father's consent reveals the mother

    @Test func why1TheFathersConsentNeverRevealsTheMotherOrNeighbours() throws {
        let roster = try write("""
            case: K-1
            persons:
              - {subject: K-1/KV, role: Kindsvater, names: [Piotr Kowalski]}
              - {subject: K-1/KM, role: Kindsmutter, names: [Anna Kowalska]}
            """, to: "r.yaml")
        #expect(try grant("K-1/KV").status == 0)
        let mother = try reveal("K-1/KV", roster: roster, note: "KM Anna Kowalska lebt im Frauenhaus.\n")
        #expect(mother.status == 0 && mother.stdout == "KM [Kindsmutter] lebt im Frauenhaus.\n", "\(mother.stdout)")
        let father = try reveal("K-1/KV", roster: roster, note: "KV Piotr Kowalski kam.\n")
        #expect(father.stdout == "KV Piotr Kowalski kam.\n")

        let maier = try write("case: K-2\npersons:\n  - {subject: K-2/KM, role: Kindsmutter, names: [Eva Maier]}\n", to: "m.yaml")
        #expect(try grant("K-2/KM").status == 0)
        let neighbours = try reveal("K-2/KM", roster: maier, note: "Frau Maier kam. Herr Meier kam. Frau Mayer kam. Herr Maler kam.\n")
        #expect(neighbours.status == 0 && neighbours.stdout.hasPrefix("Frau Maier kam. Herr "), "\(neighbours.stdout)")
        for name in ["Meier", "Mayer", "Maler"] { #expect(!neighbours.stdout.contains(name)) }
    }
}
