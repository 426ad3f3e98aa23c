#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parsed form of a rule pack (definitions, context keys, keys of inline words), cached so that a start
/// does not parse YAML or fold words, together a large part of `diskret filter`'s start-up.
///
/// One file per rule directory: magic, fingerprint, checksum of the body, body. It is valid only for the
/// exact rule-file texts and paths it was made from and for the executable that made it (its size and
/// time), so editing a rule or rebuilding invalidates it; a damaged file fails its checksum and is rewritten.
struct PackCache {
    /// The parsed pack.
    struct Contents {
        var definitions: [RuleDefinition]
        var contextKeys: [String: ContextKeys]
        /// The folded keys of each rule's inline `words`, by rule id.
        var wordKeys: [String: [(key: [UInt8], tokens: Int)]]
        /// The pattern rules' prefilters (nil until the pack has been compiled once).
        var prefilters: [PatternPrefilter]? = nil
    }

    static let formatVersion: UInt64 = 10
    private static let magic: UInt64 = 0x3150_524B_4944  // "DIKRP1"

    let path: String
    /// Hash of the format, the executable and every source's path and text.
    let fingerprint: UInt64

    init(cacheDirectory: String, ruleDirectory: String, sources: [(file: String, text: String)]) {
        path = "\(cacheDirectory)/pack-\(WordListLoader.cacheName(for: ruleDirectory)).dkrp"
        var hash = CacheHash()
        hash.add(Self.formatVersion)
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hash.add(UInt64(info.st_size))
            hash.add(UInt64(bitPattern: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)))
        }
        for (file, text) in sources {
            hash.add(file)
            hash.add(text)
        }
        fingerprint = hash.value
    }

    /// The cached contents, or nil when there is none for these sources (or it cannot be read).
    func read() -> Contents? {
        // A damaged file must never become a different pack: the body's checksum is tested before it is read.
        guard let data = FileBytes.read(path), data.count >= 24 else { return nil }
        var input = ByteReader(Array(data))
        do {
            guard try input.uint64() == Self.magic, try input.uint64() == fingerprint,
                  try input.uint64() == Self.checksum(data[24...]) else { return nil }
            var contents = Contents(definitions: [], contextKeys: [:], wordKeys: [:])
            for _ in 0..<(try input.count()) { contents.definitions.append(try RuleDefinition(from: &input)) }
            for _ in 0..<(try input.count()) { contents.contextKeys[try input.string()] = try ContextKeys(from: &input) }
            for _ in 0..<(try input.count()) {
                let id = try input.string()
                var keys: [(key: [UInt8], tokens: Int)] = []
                for _ in 0..<(try input.count()) { keys.append((try input.data(), try input.int())) }
                contents.wordKeys[id] = keys
            }
            if try input.bool() {
                var prefilters: [PatternPrefilter] = []
                for _ in 0..<(try input.count()) { prefilters.append(try PatternPrefilter(from: &input)) }
                contents.prefilters = prefilters
            }
            return input.isAtEnd ? contents : nil
        } catch {
            return nil
        }
    }

    /// The checksum of a body.
    static func checksum(_ body: ArraySlice<UInt8>) -> UInt64 {
        var hash = CacheHash()
        hash.add(body)
        return hash.value
    }

    /// Writes `contents` atomically with mode 0600; failures are ignored (the cache is optional).
    func write(_ contents: Contents) {
        var body = ByteWriter()
        body.int(contents.definitions.count)
        for definition in contents.definitions { definition.write(to: &body) }
        body.int(contents.contextKeys.count)
        for (id, keys) in contents.contextKeys.sorted(by: { $0.key < $1.key }) { body.string(id); keys.write(to: &body) }
        body.int(contents.wordKeys.count)
        for (id, keys) in contents.wordKeys.sorted(by: { $0.key < $1.key }) {
            body.string(id)
            body.int(keys.count)
            for (key, tokens) in keys { body.data(key); body.int(tokens) }
        }
        body.bool(contents.prefilters != nil)
        if let prefilters = contents.prefilters {
            body.int(prefilters.count)
            for prefilter in prefilters { prefilter.write(to: &body) }
        }
        var out = ByteWriter()
        out.uint64(Self.magic)
        out.uint64(fingerprint)
        out.uint64(Self.checksum(body.bytes[...]))
        FileBytes.writeAtomically(out.bytes + body.bytes, to: path)
    }
}
