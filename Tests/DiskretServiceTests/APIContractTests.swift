import DiskretConsent
import DiskretDocx
import DiskretService
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Every route and every documented status, against a live service on a loopback port; every answer must be
/// one `openapi.yaml` names, every status it names must occur, and the log must hold none of the note's
/// names, the roster's names or the token.
@Suite struct APIContractTests {
    typealias F = ServiceFixture

    @Test func everyRouteAndStatusAsDocumentedAndNothingPersonalInTheLog() async throws {
        let recorder = ContractRecorder()
        let (_, log) = try await F.withService(["--max-bytes", "65536"]) { client in
            try await Self.pageAndHealth(client, recorder)
            try await Self.filterAndCheck(client, recorder)
            try await Self.wordDocuments(client, recorder)
            try await Self.consents(client, recorder)
        }
        // A registry that cannot be opened: every route that needs it answers 503 and nothing is revealed.
        let (_, brokenLog) = try await F.withService(registry: "/proc/no-such-dir/registry.sqlite") { client in
            try await Self.registryUnavailable(client, recorder)
        }
        // Work beyond the handler timeout: 503 for a text and a Word document alike, nothing of either returned.
        let (_, slowLog) = try await F.withService(["--handler-timeout", "0.000001"]) { client in
            try await Self.handlerTimeout(client, recorder)
        }
        #expect(recorder.undocumentedAnswers == [])
        #expect(recorder.unexercised == [])

        let text = log + brokenLog + slowLog
        for secret in ["Fischer", "Yılmaz", "Yilmaz", "Brückner", "Sarah Koch", "0170 1234567", "Lindenstraße", "Kowalczyk", F.token, "Bearer"] + F.docxSecrets {
            #expect(!text.contains(secret), "the log holds \(secret)")
        }
        let requests = text.split(separator: "\n").filter { $0.hasSuffix("request") && $0.contains(" info ") }
        #expect(requests.count >= 40)
        #expect(requests.contains { $0.contains("method=POST") && $0.contains("route=/v1/consents/{id}/withdraw") && $0.contains("status=409") })
        #expect(requests.allSatisfy { $0.contains("bytes=") && $0.contains("ms=") && $0.contains("status=") && $0.contains("route=") })
    }

    static func pageAndHealth(_ client: ServiceClient, _ r: ContractRecorder) async throws {
        let health = try await r.send(client, .get, "/healthz")
        #expect(health.status == .ok && F.object(health)["status"] as? String == "ok")
        let page = try await r.send(client, .get, "/")
        #expect(page.status == .ok)
        #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        #expect(String(buffer: page.body).contains("Notiz prüfen"))
        for asset in ["/review.js", "/review.css", "/favicon.svg"] {
            #expect(try await r.send(client, .get, asset).status == .ok)
        }
        #expect(try await client.executeRequest(uri: "/nowhere", method: .get, headers: [:], body: nil).status == .notFound)
    }

    static func filterAndCheck(_ client: ServiceClient, _ r: ContractRecorder) async throws {
        let plain: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        let masked = try await r.send(client, .post, "/v1/filter", headers: plain, body: ByteBuffer(string: F.note))
        #expect(masked.status == .ok)
        let result = F.object(masked)
        let text = result["text"] as? String ?? ""
        #expect(text.contains("Mitteilerin: KM [") && !text.contains("Fischer") && !text.contains("Brückner"))
        #expect((result["findings"] as? [[String: Any]])?.count ?? 0 > 10)

        // JSON with a roster: its persons by role.
        let json = try await r.send(client, .post, "/v1/filter", headers: F.jsonType, body: F.json(["text": F.note, "roster": F.roster, "mask": "date=redact"]))
        #expect((F.object(json)["text"] as? String)?.contains("Mitteilerin: KM [Kindsmutter]") == true)

        // Malformed bodies: 400 without a byte of the note in the answer.
        let badUTF8 = try await r.send(client, .post, "/v1/filter", headers: plain, body: ByteBuffer(bytes: Array("Frau Kowalczyk ".utf8) + [0xFF, 0xFE]))
        #expect(badUTF8.status == .badRequest && !String(buffer: badUTF8.body).contains("Kowalczyk"))
        #expect(badUTF8.headers[.contentType] == "application/problem+json")
        let badJSON = try await r.send(client, .post, "/v1/filter", headers: F.jsonType, body: ByteBuffer(string: "{\"text\": \"Frau Kowalczyk\""))
        #expect(badJSON.status == .badRequest && !String(buffer: badJSON.body).contains("Kowalczyk"))
        let invalids: [[String: Any]] = [["txt": "Frau Kowalczyk"], ["text": 5], ["text": "x", "threshold": 2], ["text": "x", "mask": "person=pseudonym"],
                                         ["text": "x", "roster": "persons: [unclosed"], ["text": "x", "mask": "nonsense"]]
        for invalid in invalids {
            let answer = try await r.send(client, .post, "/v1/filter", headers: F.jsonType, body: F.json(invalid))
            #expect(answer.status == .unprocessableContent, "\(invalid.keys.sorted())")
            #expect(!String(buffer: answer.body).contains("Kowalczyk"))
        }
        let tooLarge = try await r.send(client, .post, "/v1/filter", headers: plain, body: ByteBuffer(string: String(repeating: "Frau Kowalczyk kam. ", count: 4000)))
        #expect(tooLarge.status == .contentTooLarge)
        #expect(try await r.send(client, .post, "/v1/filter", headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "a=b")).status == .unsupportedMediaType)

        // Reveals and `keep` need a token; without a consent the gate says which one is missing.
        let reveal: [String: Any] = ["text": F.note, "roster": F.roster, "reveal": ["K-2024-017/KM"], "purpose": "schutzplan", "recipient": "Jugendamt Soest"]
        #expect(try await r.send(client, .post, "/v1/filter", headers: F.jsonType, body: F.json(reveal)).status == .unauthorized)
        #expect(try await r.send(client, .post, "/v1/filter", headers: F.jsonType, body: F.json(["text": "x", "mask": "person=keep"])).status == .unauthorized)
        let denied = try await r.send(client, .post, "/v1/filter", headers: F.jsonAuthorized(), body: F.json(reveal))
        #expect(denied.status == .forbidden)
        let problem = F.object(denied)
        #expect(problem["subject"] as? String == "K-2024-017/KM" && problem["purpose"] as? String == "schutzplan")
        #expect(!String(buffer: denied.body).contains("Fischer"))

        // JSON lines: the --jsonl format; a bad line refuses the request, naming the line.
        let lines = "{\"id\":\"a\",\"text\":\"Frau Kowalczyk kam am 3.5.\"}\n{\"id\":\"b\",\"text\":\"Herr Nowak rief an.\"}\n"
        let ndjson = try await r.send(client, .post, "/v1/filter", headers: [.contentType: "application/x-ndjson"], body: ByteBuffer(string: lines))
        let out = String(buffer: ndjson.body).split(separator: "\n")
        #expect(ndjson.status == .ok && out.count == 2 && out[0].hasPrefix("{\"id\":\"a\",\"text\":\"Frau [Person 1] kam am [Datum 1]\""))
        let badLine = try await r.send(client, .post, "/v1/filter", headers: [.contentType: "application/x-ndjson"],
                                       body: ByteBuffer(string: "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"txt\":\"Frau Kowalczyk\"}\n"))
        #expect(badLine.status == .badRequest && String(buffer: badLine.body).contains("record 2") && !String(buffer: badLine.body).contains("Kowalczyk"))

        // check: positions and rules, never the text.
        let check = try await r.send(client, .post, "/v1/check", headers: plain, body: ByteBuffer(string: "Frau Kowalczyk kam."))
        #expect(check.status == .ok && F.object(check)["clean"] as? Bool == false && !String(buffer: check.body).contains("Kowalczyk"))
        let clean = try await r.send(client, .post, "/v1/check", headers: F.jsonType, body: F.json(["text": "Die Sonne schien."]))
        #expect(F.object(clean)["clean"] as? Bool == true)
        #expect(try await r.send(client, .post, "/v1/check", headers: plain, body: ByteBuffer(bytes: [0x41, 0xC3])).status == .badRequest)
        #expect(try await r.send(client, .post, "/v1/check", headers: F.jsonType, body: F.json(["text": "x", "mask": "y"])).status == .unprocessableContent)
        #expect(try await r.send(client, .post, "/v1/filter", headers: F.jsonType, body: F.json(["text": "x", "threshold": true])).status == .unprocessableContent)
        #expect(try await r.send(client, .post, "/v1/check", headers: [.contentType: "application/x-ndjson"], body: ByteBuffer(string: "{}")).status == .unsupportedMediaType)
        #expect(try await r.send(client, .post, "/v1/check", headers: plain, body: ByteBuffer(string: String(repeating: "x", count: 70_000))).status == .contentTooLarge)
    }

    /// A Word document through `/v1/filter` and `/v1/extract`: every part masked, the same answer as its text
    /// sent as JSON, and every way a document is refused — without a byte of it in the answer.
    static func wordDocuments(_ client: ServiceClient, _ r: ContractRecorder) async throws {
        let word: HTTPFields = [.contentType: F.docxType]
        let document = try F.docx()
        let masked = try await r.send(client, .post, "/v1/filter", headers: word, body: ByteBuffer(bytes: document))
        #expect(masked.status == .ok && masked.headers[.contentType] == "application/json")
        let text = F.object(masked)["text"] as? String ?? ""
        for secret in F.docxSecrets { #expect(!text.contains(secret), "\(secret) in the masked .docx") }
        for heading in ["=== Kopfzeile ===", "=== Kommentare ===", "=== Gelöschter Text (Änderungsverfolgung) ===", "=== Dokumenteigenschaften ==="] {
            #expect(text.contains(heading), "\(heading) missing")
        }
        #expect(text.contains("Frau [Person") && text.contains("Autor: [Person"))

        // The page's way: the document's text, then that text as a JSON note — the same masked text and findings.
        let extracted = try await r.send(client, .post, "/v1/extract", headers: word, body: ByteBuffer(bytes: document))
        let source = String(buffer: extracted.body)
        #expect(extracted.status == .ok && extracted.headers[.contentType] == "text/plain; charset=utf-8")
        #expect(F.docxSecrets.allSatisfy(source.contains) && source.contains("Kowalczyk | Lindenstraße 5"))
        let same = try await r.send(client, .post, "/v1/filter", headers: F.jsonType, body: F.json(["text": source]))
        #expect(String(buffer: same.body) == String(buffer: masked.body))

        // Refused: not a .docx, a damaged part, a ZIP bomb, a body beyond --max-bytes, the wrong type or token.
        let notWord = ByteBuffer(string: "Frau Kowalczyk kam am 3.5. in die Beratung.")
        let damaged = try DocxPackage.make(body: "<w:p><w:r><w:t>Frau Kowalczyk</w:t></w:r>")
        let bomb = try DocxPackage.make(body: String(repeating: "<w:p><w:r><w:t>Frau Kowalczyk kam.</w:t></w:r></w:p>", count: 2000))
        #expect(bomb.count < 65536)
        for route in ["/v1/filter", "/v1/extract"] {
            let refused = try await r.send(client, .post, route, headers: word, body: notWord)
            #expect(refused.status == .badRequest && F.object(refused)["type"] as? String == "urn:diskret:problem:not-a-docx", "\(route)")
            let broken = try await r.send(client, .post, route, headers: word, body: ByteBuffer(bytes: damaged))
            #expect(broken.status == .badRequest && F.object(broken)["type"] as? String == "urn:diskret:problem:docx-malformed", "\(route)")
            #expect((F.object(broken)["detail"] as? String)?.contains("word/document.xml") == true)
            let unpacked = try await r.send(client, .post, route, headers: word, body: ByteBuffer(bytes: bomb))
            #expect(unpacked.status == .contentTooLarge && (F.object(unpacked)["detail"] as? String)?.contains("unpacks to more than 65536") == true, "\(route)")
            let oversize = try await r.send(client, .post, route, headers: word, body: ByteBuffer(bytes: document + [UInt8](repeating: 0, count: 70_000)))
            #expect(oversize.status == .contentTooLarge)
            for answer in [refused, broken, unpacked, oversize] {
                #expect(answer.headers[.contentType] == "application/problem+json" && !String(buffer: answer.body).contains("Kowalczyk"))
            }
        }
        #expect(try await r.send(client, .post, "/v1/extract", headers: [.contentType: "text/plain"], body: ByteBuffer(string: "Frau Kowalczyk")).status == .unsupportedMediaType)
        var guessed = word
        guessed[.authorization] = "Bearer guessed"
        #expect(try await r.send(client, .post, "/v1/extract", headers: guessed, body: ByteBuffer(bytes: document)).status == .unauthorized)
        #expect(try await r.send(client, .post, "/v1/check", headers: word, body: ByteBuffer(bytes: document)).status == .unsupportedMediaType)
    }

    static func handlerTimeout(_ client: ServiceClient, _ r: ContractRecorder) async throws {
        let document = try F.docx()
        for route in ["/v1/filter", "/v1/extract"] {
            let answer = try await r.send(client, .post, route, headers: [.contentType: F.docxType], body: ByteBuffer(bytes: document))
            #expect(answer.status == .serviceUnavailable && !String(buffer: answer.body).contains("Kowalczyk"), "\(route)")
        }
    }

    static func consents(_ client: ServiceClient, _ r: ContractRecorder) async throws {
        let auth = F.authorization, jsonAuth = F.jsonAuthorized()
        let grant: [String: Any] = ["subject": "K-2024-017/KM", "purpose": "schutzplan", "recipients": ["Jugendamt Soest"], "categories": ["person", "address"]]
        // No token, or an unknown one: 401 on every consent route.
        for (method, uri, route) in [(HTTPRequest.Method.get, "/v1/consents", "/v1/consents"), (.post, "/v1/consents", "/v1/consents"),
                                     (.post, "/v1/consents/1/withdraw", "/v1/consents/{id}/withdraw"), (.get, "/v1/consents/export?format=fhir", "/v1/consents/export"),
                                     (.get, "/v1/audit", "/v1/audit"), (.get, "/v1/audit/verify", "/v1/audit/verify")] {
            #expect(try await r.send(client, method, uri, route: route, headers: F.jsonType, body: F.json(grant)).status == .unauthorized)
        }
        let wrong = try await r.send(client, .get, "/v1/consents", headers: [.authorization: "Bearer guessed"])
        #expect(wrong.status == .unauthorized && wrong.headers[.wwwAuthenticate] != nil)

        let granted = try await r.send(client, .post, "/v1/consents", headers: jsonAuth, body: F.json(grant))
        #expect(granted.status == .created)
        let consent = F.object(granted)
        #expect(consent["recorded_by"] as? String == "fachkraft-12" && consent["state"] as? String == "active")
        let id = consent["id"] as? Int ?? 0

        // With the consent, the reveal leaves the mother's name readable and is audited under the token's actor.
        let reveal: [String: Any] = ["text": F.note, "roster": F.roster, "reveal": ["K-2024-017/KM"], "purpose": "schutzplan", "recipient": "Jugendamt Soest"]
        let revealed = try await r.send(client, .post, "/v1/filter", headers: jsonAuth, body: F.json(reveal))
        #expect(revealed.status == .ok && (F.object(revealed)["text"] as? String)?.contains("Mitteilerin: KM Anna Fischer-Yılmaz") == true)

        #expect(try await r.send(client, .post, "/v1/consents", headers: [.authorization: auth[.authorization]!, .contentType: "text/plain"], body: ByteBuffer(string: "x")).status == .unsupportedMediaType)
        #expect(try await r.send(client, .post, "/v1/consents", headers: jsonAuth, body: ByteBuffer(string: "{")).status == .badRequest)
        #expect(try await r.send(client, .post, "/v1/consents", headers: jsonAuth, body: F.json(grant.merging(["categories": ["secrets"]]) { $1 })).status == .unprocessableContent)
        #expect(try await r.send(client, .post, "/v1/consents", headers: jsonAuth, body: F.json(grant.merging(["supersedes": 999]) { $1 })).status == .notFound)

        let list = try await r.send(client, .get, "/v1/consents?subject=K-2024-017/KM", headers: auth)
        #expect(list.status == .ok && (F.object(list)["consents"] as? [Any])?.count == 1)

        let withdrawn = try await r.send(client, .post, "/v1/consents/\(id)/withdraw", route: "/v1/consents/{id}/withdraw", headers: jsonAuth, body: F.json(["reason": "telefonisch widerrufen"]))
        #expect(withdrawn.status == .ok && F.object(withdrawn)["state"] as? String == "withdrawn")
        #expect(try await r.send(client, .post, "/v1/consents/\(id)/withdraw", route: "/v1/consents/{id}/withdraw", headers: auth).status == .conflict)
        #expect(try await r.send(client, .post, "/v1/consents", headers: jsonAuth, body: F.json(grant.merging(["supersedes": id]) { $1 })).status == .conflict)
        #expect(try await r.send(client, .post, "/v1/consents/999/withdraw", route: "/v1/consents/{id}/withdraw", headers: auth).status == .notFound)
        #expect(try await r.send(client, .post, "/v1/consents/\(id)/withdraw", route: "/v1/consents/{id}/withdraw", headers: jsonAuth, body: F.json(["reason": 5])).status == .unprocessableContent)

        // After the withdrawal the same reveal is refused again.
        #expect(try await r.send(client, .post, "/v1/filter", headers: jsonAuth, body: F.json(reveal)).status == .forbidden)

        #expect(try await r.send(client, .get, "/v1/consents/export", headers: auth).status == .badRequest)
        let export = try await r.send(client, .get, "/v1/consents/export?format=fhir", route: "/v1/consents/export", headers: auth)
        #expect(export.status == .ok && F.object(export)["resourceType"] as? String == "Bundle")

        let audit = try await r.send(client, .get, "/v1/audit", headers: auth)
        let actions = (F.object(audit)["entries"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
        #expect(audit.status == .ok && actions.contains("grant") && actions.contains("withdraw") && actions.contains("reveal-allowed"))
        #expect((F.object(audit)["entries"] as? [[String: Any]])?.allSatisfy { $0["actor"] as? String == "fachkraft-12" } == true)

        let verify = try await r.send(client, .get, "/v1/audit/verify", headers: auth)
        #expect(verify.status == .ok && F.object(verify)["intact"] as? Bool == true)
        #expect(try await r.send(client, .get, "/v1/audit/verify?expect=nonsense", route: "/v1/audit/verify", headers: auth).status == .unprocessableContent)
    }

    static func registryUnavailable(_ client: ServiceClient, _ r: ContractRecorder) async throws {
        let auth = F.authorization, jsonAuth = F.jsonAuthorized()
        let grant: [String: Any] = ["subject": "K-2024-017/KM", "purpose": "schutzplan", "recipients": ["Jugendamt Soest"], "categories": ["person"]]
        let reveal: [String: Any] = ["text": F.note, "roster": F.roster, "reveal": ["K-2024-017/KM"], "purpose": "schutzplan", "recipient": "Jugendamt Soest"]
        let filter = try await r.send(client, .post, "/v1/filter", headers: jsonAuth, body: F.json(reveal))
        #expect(filter.status == .serviceUnavailable && !String(buffer: filter.body).contains("Fischer") && !String(buffer: filter.body).contains("/proc"))
        for (method, uri, route) in [(HTTPRequest.Method.get, "/v1/consents", "/v1/consents"), (.post, "/v1/consents", "/v1/consents"),
                                     (.post, "/v1/consents/1/withdraw", "/v1/consents/{id}/withdraw"), (.get, "/v1/consents/export?format=fhir", "/v1/consents/export"),
                                     (.get, "/v1/audit", "/v1/audit"), (.get, "/v1/audit/verify", "/v1/audit/verify")] {
            let body = method == .post && route == "/v1/consents" ? F.json(grant) : nil
            #expect(try await r.send(client, method, uri, route: route, headers: body == nil ? auth : jsonAuth, body: body).status == .serviceUnavailable, "\(uri)")
        }
    }
}
