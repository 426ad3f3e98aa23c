import Foundation
import ZIPFoundation

/// Writes a minimal `.docx` from WordprocessingML snippets, for the package's tests (library and CLI) and
/// fuzzing: each part's body is wrapped in its root element with the usual namespaces.
package enum DocxPackage {
    /// The WordprocessingML namespace declarations of a part's root element.
    package static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    /// A `.docx` whose `word/document.xml` body is `body` (elements inside `<w:body>`), with `parts` (path to
    /// the whole XML text) added as they are.
    package static func make(body: String, parts: [String: String] = [:]) throws -> Data {
        var all = parts
        all["word/document.xml"] = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(namespaces)><w:body>\#(body)</w:body></w:document>"#
        all["[Content_Types].xml"] = #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
        return try archive(all)
    }

    /// A part's XML with root element `root` (e.g. "w:hdr", "w:comments") around `content`.
    package static func part(_ root: String, _ content: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><\#(root) \#(namespaces)>\#(content)</\#(root)>"#
    }

    /// A ZIP archive (deflated) of `files`.
    package static func archive(_ files: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
