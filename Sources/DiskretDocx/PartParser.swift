import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The common ground of the part parsers: namespaces on, no external entities, no DTD, and the first error of
/// the XML parser (which on Linux may report one and still answer success) stops it and refuses the part.
class PartParser: NSObject, XMLParserDelegate {
    private var failed = false

    /// Streams `data` through `self`; throws `malformedPart(name)` on any XML error or a DTD.
    func run(_ data: Data, name: String) throws(DocxError) {
        // Word never writes a DTD; one in a part could only serve entity expansion. Nor anything but UTF-8:
        // FoundationXML traps on an element name that is not (fuzzing found it).
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil
            || String(validating: data, as: UTF8.self) == nil {
            throw DocxError.malformedPart(name)
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        guard parser.parse(), !failed else { throw DocxError.malformedPart(name) }
    }

    // Subclasses override these three: on Linux the protocol's witnesses are fixed where the conformance is
    // declared, so a method only a subclass declares would never be called.
    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {}
    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {}
    func parser(_ parser: XMLParser, foundCharacters string: String) {}

    // FoundationXML parses in libxml2's recover mode, reporting error after error in a damaged part, and leaks
    // each report (a 72-byte message string): stopping at the first bounds that to one per refused document
    // (scripts/docx-xml-leak.sh measures it; docs/files.md).
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { refuse(parser) }
    func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) { refuse(parser) }

    private func refuse(_ parser: XMLParser) {
        failed = true
        parser.abortParsing()
    }
}
