import Foundation

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
        guard let archive = ZipDirectory(data), archive.contains("word/document.xml") else { throw DocxError.notADocx }
        var budget = limit
        func read(_ path: String) throws(DocxError) -> Data {
            let bytes = try archive.read(path, budget: budget, limit: limit)
            budget -= bytes.count
            return bytes
        }
        func parts(_ prefix: String) -> [String] {
            archive.paths.filter { path in
                guard path.hasPrefix("word/\(prefix)"), path.hasSuffix(".xml"), !path.dropFirst(5).contains("/") else { return false }
                return path.dropFirst(5 + prefix.count).dropLast(4).allSatisfy(\.isNumber)
            }.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        }
        var deleted: [String] = []
        func text(of path: String) throws(DocxError) -> String {
            let part = try WordPartParser.parse(try read(path), name: path)
            deleted += part.deleted
            return part.text
        }
        var sections: [String] = []
        func section(_ heading: String, _ paths: [String]) throws(DocxError) {
            var seen: Set<String> = []
            // Word writes up to three headers (first page, even, default), often the same: each text once.
            let texts = try paths.map { (path) throws(DocxError) in try text(of: path) }.filter { !$0.isEmpty && seen.insert($0).inserted }
            if !texts.isEmpty { sections.append(heading + "\n" + texts.joined(separator: "\n")) }
        }
        try section(headings.header, parts("header"))
        sections.append(try text(of: "word/document.xml"))
        try section(headings.footer, parts("footer"))
        try section(headings.footnotes, parts("footnotes"))
        try section(headings.endnotes, parts("endnotes"))
        try section(headings.comments, parts("comments"))
        if !deleted.isEmpty { sections.append(headings.deleted + "\n" + deleted.joined(separator: "\n")) }
        var properties: [String] = []
        for name in ["docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"] {
            guard archive.contains(name) else { continue }
            properties += try PropertiesParser.parse(try read(name), name: name)
        }
        if !properties.isEmpty { sections.append(headings.properties + "\n" + properties.joined(separator: "\n")) }
        return sections.joined(separator: "\n\n") + "\n"
    }
}
