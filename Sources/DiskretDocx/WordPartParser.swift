import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one WordprocessingML part (body, header, footer, notes, comments) into lines of text: a line per
/// paragraph, a line per table row with its cells joined by " | ", and apart from them the text deleted under
/// tracked changes.
final class WordPartParser: PartParser {
    private struct Table {
        var rows: [String] = []
        var cells: [String] = []
        var cellParagraphs: [String] = []
        var cellOpen = false
    }

    private static let wordNamespaces: Set<String> = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                                      "http://purl.oclc.org/ooxml/wordprocessingml/main"]
    private static let compatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    private var lines: [String] = []
    private var paragraphs: [String] = []
    private var tables: [Table] = []
    private var deletedLine = ""
    private var deleted: [String] = []
    private var capture: Capture = .none
    /// Depth inside an `mc:Fallback`, whose content repeats the `mc:Choice` before it (text boxes).
    private var fallbackDepth = 0

    private enum Capture { case none, text, deletedText }

    /// The part's text and the text deleted in it.
    static func parse(_ data: Data, name: String) throws(DocxError) -> (text: String, deleted: [String]) {
        let handler = WordPartParser()
        try handler.run(data, name: name)
        // Text outside any closed paragraph (not written by Word, but possible) still counts.
        while let open = handler.paragraphs.popLast() { handler.emit(open) }
        if !handler.deletedLine.isEmpty { handler.deleted.append(handler.deletedLine) }
        return (handler.lines.joined(separator: "\n"), handler.deleted)
    }

    override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if namespaceURI == Self.compatibilityNamespace && element == "Fallback" || fallbackDepth > 0 { fallbackDepth += 1; return }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        switch element {
        case "p": paragraphs.append("")
        case "t": capture = .text
        case "delText": capture = .deletedText
        case "tab": append("\t")
        case "br", "cr": append("\n")
        case "noBreakHyphen": append("-")
        case "tbl": tables.append(Table())
        case "tr": if !tables.isEmpty { tables[tables.count - 1].cells = [] }
        case "tc": if !tables.isEmpty { tables[tables.count - 1].cellParagraphs = []; tables[tables.count - 1].cellOpen = true }
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if fallbackDepth > 0 { fallbackDepth -= 1; return }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        switch element {
        case "t", "delText": capture = .none
        case "p":
            let text = paragraphs.popLast() ?? ""
            emit(text)
            if !deletedLine.isEmpty { deleted.append(deletedLine); deletedLine = "" }
        case "tc":
            guard !tables.isEmpty else { break }
            let cell = tables[tables.count - 1].cellParagraphs.filter { !$0.isEmpty }.joined(separator: " ")
            tables[tables.count - 1].cells.append(cell)
            tables[tables.count - 1].cellOpen = false
        case "tr":
            guard !tables.isEmpty else { break }
            tables[tables.count - 1].rows.append(tables[tables.count - 1].cells.joined(separator: " | "))
        case "tbl":
            guard let table = tables.popLast() else { break }
            // A table inside a cell stays on its cell's line.
            if tables.last?.cellOpen == true { tables[tables.count - 1].cellParagraphs.append(table.rows.joined(separator: " / ")) } else { lines += table.rows }
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard fallbackDepth == 0 else { return }
        switch capture {
        case .none: break
        case .text: append(string)
        case .deletedText: deletedLine += string
        }
    }

    private func append(_ text: String) {
        if paragraphs.isEmpty { paragraphs.append("") }
        paragraphs[paragraphs.count - 1] += text
    }

    /// A finished paragraph goes to its table cell, or becomes a line.
    private func emit(_ text: String) {
        if tables.last?.cellOpen == true {
            tables[tables.count - 1].cellParagraphs.append(text.replacingOccurrences(of: "\n", with: " "))
        } else {
            lines.append(text)
        }
    }
}
