import Foundation
import ZIPFoundation

/// The text of a Word document (`.docx`) as plain text for masking: body paragraphs and tables (cells separated
/// by " | ", rows by line breaks), headers, footers, footnotes, endnotes, comments, text deleted under tracked
/// changes and the text-valued document properties — every part that holds text a reader of the file could
/// see, so that none of it leaves unmasked. Inserted tracked changes read as the body does. Not extracted, and
/// so never written out: field codes, images and their alternative text, embedded objects, the glossary.
public enum DocxText {
    /// The headings that introduce the parts besides the body, in output order.
    public static let headings = (header: "=== Kopfzeile ===", footer: "=== Fußzeile ===", footnotes: "=== Fußnoten ===",
                                  endnotes: "=== Endnoten ===", comments: "=== Kommentare ===",
                                  deleted: "=== Gelöschter Text (Änderungsverfolgung) ===", properties: "=== Dokumenteigenschaften ===")

    /// Extracts the text of the `.docx` in `data`. `limit` bounds what is unpacked (all parts together, each
    /// counted as it streams, so a ZIP bomb stops at the limit whatever its directory claims).
    public static func extract(from data: Data, limit: Int) throws(DocxError) -> String {
        let archive: Archive
        guard ZipBounds.areSound(data) else { throw DocxError.notADocx }
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw DocxError.notADocx }
        guard let body = archive["word/document.xml"] else { throw DocxError.notADocx }
        var budget = limit
        func read(_ entry: Entry) throws(DocxError) -> Data {
            guard entry.type == .file, entry.uncompressedSize <= UInt64(budget) else { throw DocxError.tooLarge(limit: limit) }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard chunk.count <= budget - bytes.count else { throw DocxError.tooLarge(limit: limit) }
                    bytes.append(chunk)
                }
            } catch let error as DocxError { throw error } catch { throw DocxError.notADocx }
            budget -= bytes.count
            return bytes
        }
        func parts(_ prefix: String) -> [Entry] {
            archive.filter { entry in
                let path = entry.path
                guard path.hasPrefix("word/\(prefix)"), path.hasSuffix(".xml"), !path.dropFirst(5).contains("/") else { return false }
                return path.dropFirst(5 + prefix.count).dropLast(4).allSatisfy(\.isNumber)
            }.sorted { $0.path.count != $1.path.count ? $0.path.count < $1.path.count : $0.path < $1.path }
        }
        var deleted: [String] = []
        func text(of entry: Entry) throws(DocxError) -> String {
            let part = try WordPartParser.parse(try read(entry), name: entry.path)
            deleted += part.deleted
            return part.text
        }
        var sections: [String] = []
        func section(_ heading: String, _ entries: [Entry]) throws(DocxError) {
            var seen: Set<String> = []
            // Word writes up to three headers (first page, even, default), often the same: each text once.
            let texts = try entries.map { (entry) throws(DocxError) in try text(of: entry) }.filter { !$0.isEmpty && seen.insert($0).inserted }
            if !texts.isEmpty { sections.append(heading + "\n" + texts.joined(separator: "\n")) }
        }
        try section(headings.header, parts("header"))
        sections.append(try text(of: body))
        try section(headings.footer, parts("footer"))
        try section(headings.footnotes, parts("footnotes"))
        try section(headings.endnotes, parts("endnotes"))
        try section(headings.comments, parts("comments"))
        if !deleted.isEmpty { sections.append(headings.deleted + "\n" + deleted.joined(separator: "\n")) }
        var properties: [String] = []
        for name in ["docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"] {
            guard let entry = archive[name] else { continue }
            properties += try PropertiesParser.parse(try read(entry), name: name)
        }
        if !properties.isEmpty { sections.append(headings.properties + "\n" + properties.joined(separator: "\n")) }
        return sections.joined(separator: "\n\n") + "\n"
    }
}
