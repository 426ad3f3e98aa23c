/// Why a `.docx` file was refused. No case carries text of the document; part names are the file's structure.
public enum DocxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not a ZIP archive with a Word body (`word/document.xml`): another format, encrypted or damaged.
    case notADocx
    /// A part unpacks to more than the limit (a ZIP bomb, or a document beyond `--max-bytes`).
    case tooLarge(limit: Int)
    /// A part is not well-formed XML in UTF-8, or declares a DTD (Word writes neither).
    case malformedPart(String)

    /// A one-line description without document text.
    public var description: String {
        switch self {
        case .notADocx: return "not a Word document (.docx): no ZIP archive with word/document.xml (encrypted, another format or damaged)"
        case let .tooLarge(limit): return "the .docx unpacks to more than \(limit) bytes, beyond the input limit; refused unread"
        case let .malformedPart(part): return "the .docx part \(part) is not well-formed UTF-8 XML or declares a DTD"
        }
    }
}
