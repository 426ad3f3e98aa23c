import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the text-valued document properties (core, app and custom) as "Label: value" lines. Dates, counts
/// and template names are left out; everything a person typed in is kept, to be masked with the body.
final class PropertiesParser: PartParser {
    private static let labels: [String: String] = [
        "title": "Titel", "subject": "Thema", "creator": "Autor", "keywords": "Stichwörter", "description": "Kommentar",
        "lastModifiedBy": "Zuletzt geändert von", "category": "Kategorie", "contentStatus": "Status",
        "Company": "Firma", "Manager": "Manager", "HyperlinkBase": "Hyperlinkbasis",
    ]

    private var lines: [String] = []
    private var current: (label: String, text: String)?
    private var customName: String?

    /// The part's properties with a value, one line each.
    static func parse(_ data: Data, name: String) throws(DocxError) -> [String] {
        let handler = PropertiesParser()
        try handler.run(data, name: name)
        return handler.lines
    }

    override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if element == "property" { customName = attributes["name"] ?? ""; return }
        if let customName { current = (customName, ""); return }  // the value element of a custom property
        if let label = Self.labels[element] { current = (label, "") }
    }

    override func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "property" { customName = nil; return }
        guard let finished = current else { return }
        current = nil
        let value = finished.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !value.isEmpty { lines.append("\(finished.label): \(value)") }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        current?.text += string
    }
}
