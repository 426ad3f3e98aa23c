import Foundation

/// Reads plain-text word lists (one entry a line, `#` comments, an optional TAB and attributes after the
/// entry) into compiled `WordList`s, through an on-disk cache so start-up does not re-fold big lists.
struct WordListLoader {
    /// Where compiled lists are cached; nil disables the cache.
    let cacheDirectory: String?
    /// Made on first need: a start with warm caches maps every list and folds nothing.
    let tokenizer: LazyTokenizer

    /// Loads the list at `path`; `reference` names the rule file line for errors.
    func load(path: String, file: String, line: Int) throws(DiskretError) -> WordList {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw DiskretError.invalidRules(file: file, line: line, message: "word list not found: \(path)")
        }
        let size = UInt64(info.st_size)
        let time = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let cachePath = cacheDirectory.map { "\($0)/\(Self.cacheName(for: path)).dkwl" }
        if let cachePath, let list = WordList.mapped(path: cachePath, sourceSize: size, sourceTime: time) { return list }
        guard let data = FileBytes.read(path) else {
            throw DiskretError.invalidRules(file: file, line: line, message: "word list not readable: \(path)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DiskretError.invalidRules(file: file, line: line, message: "word list is not UTF-8: \(path)")
        }
        let list = WordList(keys: try keys(ofLines: text), sourceSize: size, sourceTime: time)
        if let cachePath { list.write(to: cachePath) }
        return list
    }

    /// The keys of a rule file's inline words.
    func keys(of words: [String]) throws(DiskretError) -> [(key: [UInt8], tokens: Int)] {
        try words.map { (word) throws(DiskretError) in try key(of: word) }
    }

    /// The key of one entry: single words take the folder directly, phrases go through the tokenizer.
    func key(of entry: String) throws(DiskretError) -> (key: [UInt8], tokens: Int) {
        if !entry.isEmpty && entry.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
            return (try tokenizer.get().folder.key(of: entry), 1)
        }
        return try tokenizer.get().phraseKey(entry)
    }

    private func keys(ofLines text: String) throws(DiskretError) -> [(key: [UInt8], tokens: Int)] {
        var result: [(key: [UInt8], tokens: Int)] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = rawLine
            if let tab = line.firstIndex(of: "\t") { line = line[..<tab] }
            let entry = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            let key = try key(of: entry)
            if !key.key.isEmpty { result.append(key) }
        }
        return result
    }

    /// A file name for the cache entry of `path`: FNV-1a of the absolute path, so lists never collide.
    static func cacheName(for path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return String(fnv1a(absolute.utf8), radix: 16)
    }

    /// The per-user cache directory (`$XDG_CACHE_HOME/diskret` or `~/.cache/diskret`), created with mode 0700;
    /// nil when it cannot be created.
    static func defaultCacheDirectory() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { "\($0)/.cache" }
        guard let base else { return nil }
        return cacheDirectory(in: "\(base)/diskret")
    }

    /// The cache directory of this format version in `parent`, created with mode 0700 (nil when it cannot
    /// be). When it is new, the directories of other versions go: nothing reads them any more, and each
    /// holds tens of megabytes per rule pack.
    static func cacheDirectory(in parent: String) -> String? {
        let prefix = "wordlists-v", current = "\(prefix)\(WordList.formatVersion)"
        let directory = "\(parent)/\(current)"
        let manager = FileManager.default
        if manager.fileExists(atPath: directory) { return directory }
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch { return nil }
        for entry in (try? manager.contentsOfDirectory(atPath: parent)) ?? []
        where entry != current && entry.hasPrefix(prefix) && entry.dropFirst(prefix.count).allSatisfy(\.isNumber) {
            try? manager.removeItem(atPath: "\(parent)/\(entry)")
        }
        return directory
    }
}

/// A tokenizer opened on first use: ICU's break iterators take a millisecond to open.
final class LazyTokenizer {
    private var made: Tokenizer?

    init(_ tokenizer: Tokenizer? = nil) { made = tokenizer }

    func get() throws(DiskretError) -> Tokenizer {
        if let made { return made }
        let tokenizer = try Tokenizer()
        made = tokenizer
        return tokenizer
    }
}
