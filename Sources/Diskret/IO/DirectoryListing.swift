import Foundation

/// The entries below a directory, read with opendir(3): Foundation's enumerator made a URL of every entry, a
/// sixtieth of a warm start for a pack of a few dozen files.
enum DirectoryListing {
    /// The paths, relative to `directory`, of every entry in it and in its subdirectories, hidden ones
    /// included, as `FileManager.enumerator(atPath:)` lists them: a symbolic link is listed but not followed,
    /// and a directory on another file system is listed but not entered. Unreadable directories are skipped.
    static func relativePaths(below directory: String) -> [String] {
        var root = stat()
        guard lstat(directory, &root) == 0, (root.st_mode & S_IFMT) == S_IFDIR else { return [] }
        var result: [String] = []
        walk(directory, prefix: "", device: root.st_dev, into: &result)
        return result
    }

    private static func walk(_ path: String, prefix: String, device: dev_t, into result: inout [String]) {
        guard let stream = opendir(path) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            result.append(prefix + name)
            let type = entry.pointee.d_type
            guard type == DT_DIR || type == DT_UNKNOWN else { continue }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_dev == device else { continue }
            walk(child, prefix: prefix + name + "/", device: device, into: &result)
        }
    }
}
