import ArgumentParser
import Diskret
import Foundation

/// `diskret filter FILE…` and `diskret filter --out-dir DIR FILE|DIR…`: each file is one note, masked on its
/// own. Without --out-dir the masked texts go to standard output one after another (as `cat` would); with it,
/// each goes to a masked copy under its relative name (a `.docx` as `NAME.docx.txt`). A failing file does not
/// stop the others; the exit code is the first failure's. Messages and progress lines name files by their
/// number, never by name (a file name can hold a client's).
struct FileBatch {
    /// One file to mask, and where its masked copy goes (nil: standard output).
    struct Item {
        let source: String
        let target: String?
    }

    let items: [Item]
    /// Files in the folders that were left out: not `.txt`/`.docx`, or symbolic links.
    let skipped: Int

    /// Plans the run; refuses (before anything is read or written) a folder without --out-dir, an --out-dir
    /// inside a folder being masked, two inputs with one masked name, a copy that would replace an original,
    /// and, without `force`, copies that exist already (exit 73).
    init(arguments: [String], outDir: String?, force: Bool) throws {
        var items: [Item] = []
        var skipped = 0
        var folders: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                guard let outDir else { throw ValidationError("A folder can only be masked with --out-dir DIR.") }
                folders.append(Self.canonical(argument))
                let (files, left) = Self.noteFiles(in: argument)
                skipped += left
                items += files.map { Item(source: (argument as NSString).appendingPathComponent($0), target: Self.target(outDir, $0)) }
            } else {
                let name = (argument as NSString).lastPathComponent
                items.append(Item(source: argument, target: outDir.map { Self.target($0, name) }))
            }
        }
        if let outDir {
            let output = Self.canonical(outDir)
            if folders.contains(where: { output == $0 || output.hasPrefix($0 == "/" ? "/" : $0 + "/") }) {
                throw ValidationError("--out-dir must not be a folder being masked or inside one.")
            }
            let targets = items.compactMap(\.target).map(Self.canonical)
            if Set(targets).count != targets.count { throw ValidationError("Two inputs would have the same masked copy in --out-dir.") }
            let sources = Set(items.map { Self.canonical($0.source) })
            if targets.contains(where: sources.contains) { throw ValidationError("A masked copy would replace an original; choose another --out-dir.") }
            let existing = targets.filter { FileManager.default.fileExists(atPath: $0) }.count
            if existing > 0 && !force {
                printError("error: \(existing) of the masked copies exist already in --out-dir; pass --force to replace them (an original is never replaced)")
                throw ExitStatus.cannotCreate.code
            }
        }
        self.items = items
        self.skipped = skipped
    }

    /// Masks every file with `mask`; returns normally only if all were masked.
    func run(limit: Int, mask: (String) throws(DiskretError) -> String) throws {
        var firstFailure: Int32?
        var failures = 0
        for (index, item) in items.enumerated() {
            let outcome = NoteFile.text(of: item.source, limit: limit).flatMap { text -> Result<String, NoteFile.Failure> in
                do throws(DiskretError) { return .success(try mask(text)) } catch {
                    return .failure(.init(message: error.description, code: ExitStatus(error).code.rawValue))
                }
            }
            var failure: NoteFile.Failure?
            switch outcome {
            case let .success(masked):
                if let target = item.target { failure = Self.write(masked, to: target) } else { try OutputWriter.write(masked) }
            case let .failure(error): failure = error
            }
            if let failure {
                failures += 1
                firstFailure = firstFailure ?? failure.code
                report(index, "error: \(failure.message)")
            } else {
                report(index, item.target == nil ? "masked" : "masked copy written")
            }
        }
        if skipped > 0 { printError("skipped \(skipped) files in the folders that are not .txt or .docx or are links") }
        guard let firstFailure else { return }
        if items.count > 1 { printError("\(failures) of \(items.count) files failed; the others were masked") }
        throw ExitCode(firstFailure)
    }

    /// A progress line "[3/12] …" when there is more than one file; a single file's error as usual.
    private func report(_ index: Int, _ message: String) {
        if items.count > 1 { printRaw("[\(index + 1)/\(items.count)] \(message)") } else if message.hasPrefix("error: ") { printError(message) }
    }

    /// The masked copy of `relative` under `outDir`: a `.docx` becomes text, and says so in its name.
    private static func target(_ outDir: String, _ relative: String) -> String {
        (outDir as NSString).appendingPathComponent(NoteFile.isDocx(relative) ? relative + ".txt" : relative)
    }

    /// The `.txt` and `.docx` files below `folder` (relative paths, sorted), not following links, leaving out
    /// hidden files; and how many other files were left out.
    private static func noteFiles(in folder: String) -> (files: [String], skipped: Int) {
        let root = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                                          options: [.skipsHiddenFiles]) else { return ([], 0) }
        var files: [String] = [], skipped = 0
        let base = root.standardizedFileURL.path
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true { skipped += 1; continue }
            guard values?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : url.lastPathComponent
            let lower = relative.lowercased()
            if lower.hasSuffix(".txt") || lower.hasSuffix(".docx") { files.append(relative) } else { skipped += 1 }
        }
        return (files.sorted(), skipped)
    }

    /// The absolute path with links resolved as far as the path exists (an --out-dir may not exist yet).
    private static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { return url.resolvingSymlinksInPath().path }
        let parent = url.deletingLastPathComponent()
        if parent.path == url.path { return url.path }
        return (canonical(parent.path) as NSString).appendingPathComponent(url.lastPathComponent)
    }

    /// Writes `text` to `target` through a new file of mode 0600 renamed into place, so that a reader never
    /// sees half a copy and --force replaces a copy whole.
    private static func write(_ text: String, to target: String) -> NoteFile.Failure? {
        let folder = (target as NSString).deletingLastPathComponent
        let partial = (folder as NSString).appendingPathComponent(".diskret-\(getpid())-\(UUID().uuidString).partial")
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
            return NoteFile.Failure(message: "cannot create the folder of the masked copy", code: ExitStatus.ioError.code.rawValue)
        }
        guard FileManager.default.createFile(atPath: partial, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
              rename(partial, target) == 0 else {
            unlink(partial)
            return NoteFile.Failure(message: "cannot write the masked copy (disk full, or no permission)", code: ExitStatus.ioError.code.rawValue)
        }
        return nil
    }
}
