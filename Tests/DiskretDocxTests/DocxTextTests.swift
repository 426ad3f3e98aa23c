import Foundation
import Testing
@testable import DiskretDocx

/// Text out of small `.docx` files built here: body, table, header and footer, comment, tracked changes,
/// properties — nothing that a reader of the file could see is left out — and the refusals.
@Suite struct DocxTextTests {
    private func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }
    private func paragraph(_ runs: String...) -> String { "<w:p>\(runs.joined())</w:p>" }

    @Test func bodyParagraphsWithTabsAndBreaks() throws {
        let body = paragraph(run("Gespräch mit "), run("Frau Anna Kowalczyk"), "<w:r><w:tab/></w:r>", run("am 12.03.2024")) +
            paragraph() + paragraph(run("Zeile 1"), "<w:r><w:br/></w:r>", run("Zeile 2"))
        let text = try DocxText.extract(from: try DocxPackage.make(body: body), limit: 1 << 20)
        #expect(text == "Gespräch mit Frau Anna Kowalczyk\tam 12.03.2024\n\nZeile 1\nZeile 2\n")
    }

    @Test func tablesBecomeRowsWithCellsSeparatedByBars() throws {
        func cell(_ paragraphs: String...) -> String { "<w:tc>\(paragraphs.joined())</w:tc>" }
        let table = "<w:tbl><w:tr>\(cell(paragraph(run("Name")))) \(cell(paragraph(run("Geburtsdatum"))))</w:tr>" +
            "<w:tr>\(cell(paragraph(run("Anna")), paragraph(run("Kowalczyk"))))\(cell(paragraph(run("12.03.1988"))))</w:tr></w:tbl>"
        let text = try DocxText.extract(from: try DocxPackage.make(body: paragraph(run("Beteiligte:")) + table), limit: 1 << 20)
        #expect(text == "Beteiligte:\nName | Geburtsdatum\nAnna Kowalczyk | 12.03.1988\n")
    }

    @Test func headersFootersNotesAndCommentsAreKeptInTheirOwnSections() throws {
        let data = try DocxPackage.make(body: paragraph(run("Bericht")), parts: [
            "word/header1.xml": DocxPackage.part("w:hdr", paragraph(run("Frauenhaus Lindenhof, Az. 17/2024"))),
            "word/header2.xml": DocxPackage.part("w:hdr", paragraph(run("Frauenhaus Lindenhof, Az. 17/2024"))),
            "word/footer1.xml": DocxPackage.part("w:ftr", paragraph(run("Petra Sommer, Tel. 02921 12345"))),
            "word/footnotes.xml": DocxPackage.part("w:footnotes", "<w:footnote w:id=\"1\">\(paragraph(run("Laut KV Piotr K.")))</w:footnote>"),
            "word/comments.xml": DocxPackage.part("w:comments", "<w:comment w:id=\"0\" w:author=\"Petra Sommer\">\(paragraph(run("Mutter heißt Anna")))</w:comment>"),
        ])
        let text = try DocxText.extract(from: data, limit: 1 << 20)
        #expect(text == """
            === Kopfzeile ===
            Frauenhaus Lindenhof, Az. 17/2024

            Bericht

            === Fußzeile ===
            Petra Sommer, Tel. 02921 12345

            === Fußnoten ===
            Laut KV Piotr K.

            === Kommentare ===
            Mutter heißt Anna

            """)
    }

    @Test func trackedChangesInsertedTextReadsAsBodyDeletedTextIsKeptApart() throws {
        let body = paragraph(run("Die Mutter "), "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>Anna Kowalczyk</w:delText></w:r></w:del>",
                             "<w:ins w:id=\"2\" w:author=\"x\">\(run("KM"))</w:ins>", run(" kam."))
        let text = try DocxText.extract(from: try DocxPackage.make(body: body), limit: 1 << 20)
        #expect(text == "Die Mutter KM kam.\n\n=== Gelöschter Text (Änderungsverfolgung) ===\nAnna Kowalczyk\n")
    }

    @Test func textPropertiesAreKeptFieldCodesAndFallbacksAreNot() throws {
        let core = #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Fall Kowalczyk</dc:title><dc:creator>Petra Sommer</dc:creator><dcterms:created>2024-03-12T10:00:00Z</dcterms:created></cp:coreProperties>"#
        let custom = #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Klientin"><vt:lpwstr>Anna K.</vt:lpwstr></property></Properties>"#
        let body = paragraph("<w:r><w:instrText>HYPERLINK \"mailto:anna@example.org\"</w:instrText></w:r>", run("Mail")) +
            paragraph("<mc:AlternateContent><mc:Choice Requires=\"wps\">\(run("Textfeld"))</mc:Choice><mc:Fallback>\(run("Textfeld"))</mc:Fallback></mc:AlternateContent>")
        let data = try DocxPackage.make(body: body, parts: ["docProps/core.xml": core, "docProps/custom.xml": custom])
        let text = try DocxText.extract(from: data, limit: 1 << 20)
        #expect(text == "Mail\nTextfeld\n\n=== Dokumenteigenschaften ===\nTitel: Fall Kowalczyk\nAutor: Petra Sommer\nKlientin: Anna K.\n")
    }

    @Test func refusals() throws {
        #expect(throws: DocxError.notADocx) { try DocxText.extract(from: Data("Nur Text".utf8), limit: 1 << 20) }
        #expect(throws: DocxError.notADocx) { try DocxText.extract(from: try DocxPackage.archive(["a.xml": "<a/>"]), limit: 1 << 20) }
        // 4 MB of one letter packs into a few KB: the limit stops it while it unpacks.
        let bomb = try DocxPackage.make(body: paragraph(run(String(repeating: "A", count: 4 << 20))))
        #expect(bomb.count < 64 << 10)
        #expect(throws: DocxError.tooLarge(limit: 1 << 20)) { try DocxText.extract(from: bomb, limit: 1 << 20) }
        let entity = try DocxPackage.archive(["word/document.xml": #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document \#(DocxPackage.namespaces)><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"#])
        #expect(throws: DocxError.malformedPart("word/document.xml")) { try DocxText.extract(from: entity, limit: 1 << 20) }
        let broken = try DocxPackage.make(body: "<w:p><w:r><w:t>offen</w:r></w:p>")
        #expect(throws: DocxError.malformedPart("word/document.xml")) { try DocxText.extract(from: broken, limit: 1 << 20) }
        // A directory pointing past the end is refused, not read (ZIPFoundation's in-memory reader would trap).
        var pastTheEnd = [UInt8](try DocxPackage.make(body: paragraph(run("Text"))))
        let end = pastTheEnd.count - 22
        #expect(pastTheEnd[end..<end + 4] == [0x50, 0x4B, 0x05, 0x06])
        pastTheEnd.replaceSubrange(end + 16..<end + 20, with: [0xF0, 0xFF, 0xFF, 0x7F])
        #expect(throws: DocxError.notADocx) { try DocxText.extract(from: Data(pastTheEnd), limit: 1 << 20) }
        // Messages carry no document text.
        #expect(!DocxError.malformedPart("word/document.xml").description.contains("offen"))
    }
}
