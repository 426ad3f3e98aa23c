#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parsed form of a rule pack (definitions, context keys, keys of inline words), cached so that a start
/// does not parse YAML or fold words, together a large part of `diskret filter`'s start-up.
///
/// One file per rule directory: magic, fingerprint, length and checksum of the body, body, then the
/// prefilters' DFA states with a checksum of their own. It is valid only for the exact rule-file texts and
/// paths it was made from and for the executable that made it (its size and time), so editing a rule or
/// rebuilding invalidates it; a damaged file fails its checksum and is rewritten. The states come last and
/// apart because they change after the pack was compiled (`writeStates`): the body is copied as it is.
struct PackCache {
    /// The parsed pack.
    struct Contents {
        var definitions: [RuleDefinition]
        var contextKeys: [String: ContextKeys]
        /// The folded keys of each rule's inline `words`, by rule id.
        var wordKeys: [String: [(key: [UInt8], tokens: Int)]]
        /// The pattern rules' prefilters (nil until the pack has been compiled once).
        var prefilters: [PatternPrefilter]? = nil
        /// Per prefilter, the DFA states an earlier run built (nil: none kept, or not for these prefilters).
        var prefilterStates: [PrefilterStates?]? = nil
    }

    static let formatVersion: UInt64 = 11
    /// The bytes before the body: magic, fingerprint, body length, body checksum.
    private static let headerSize = 32
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
        guard let data = FileBytes.read(path), let body = body(of: data) else { return nil }
        // A damaged file must never become a different pack: the body's checksum is tested before it is read.
        var input = ByteReader(data, range: body)
        do {
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
                // States that do not read back are only a slower start: the pack is good without them.
                contents.prefilterStates = Self.states(in: data, after: body.upperBound, for: prefilters)
            }
            return input.isAtEnd ? contents : nil
        } catch {
            return nil
        }
    }

    /// The range of the body in `data`, if `data` is a cache file for these sources with an intact body.
    private func body(of data: [UInt8]) -> Range<Int>? {
        guard data.count >= Self.headerSize else { return nil }
        var header = ByteReader(data, range: 0..<Self.headerSize)
        guard let magic = try? header.uint64(), magic == Self.magic, let print = try? header.uint64(), print == fingerprint,
              let length = try? header.int(), length >= 0, length <= data.count - Self.headerSize,
              let checksum = try? header.uint64() else { return nil }
        let body = Self.headerSize..<(Self.headerSize + length)
        return checksum == Self.checksum(data[body]) ? body : nil
    }

    /// The states section after the body: its checksum, then per prefilter whether it has states and
    /// those states. Nil if it is missing, damaged or not for `prefilters`.
    private static func states(in data: [UInt8], after start: Int, for prefilters: [PatternPrefilter]) -> [PrefilterStates?]? {
        guard data.count - start > 8 else { return nil }
        var header = ByteReader(data, range: start..<start + 8)
        guard let checksum = try? header.uint64(), checksum == Self.checksum(data[(start + 8)...]) else { return nil }
        var input = ByteReader(data, range: (start + 8)..<data.count)
        do {
            guard try input.count() == prefilters.count else { return nil }
            var result: [PrefilterStates?] = []
            for prefilter in prefilters {
                result.append(try input.bool()
                    ? try PrefilterStates(from: &input, for: prefilter, maxStates: PrefilterScanner.defaultMaxStates) : nil)
            }
            return input.isAtEnd ? result : nil
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
        write(body: body.bytes[...], states: contents.prefilters != nil ? contents.prefilterStates : nil)
    }

    /// Replaces the prefilters' DFA states of the cache file, if it holds a pack for these sources (one state
    /// set per prefilter it holds); failures are ignored. The body is copied unparsed: this runs at the end
    /// of a run that built new states, and must cost far less than the states it spares the next run.
    func writeStates(_ states: [PrefilterStates?]) {
        guard let data = FileBytes.read(path), let body = body(of: data) else { return }
        write(body: data[body], states: states)
    }

    private func write(body: ArraySlice<UInt8>, states: [PrefilterStates?]?) {
        var out = ByteWriter()
        out.uint64(Self.magic)
        out.uint64(fingerprint)
        out.int(body.count)
        out.uint64(Self.checksum(body))
        var bytes = out.bytes
        bytes.append(contentsOf: body)
        if let states {
            var section = ByteWriter()
            section.int(states.count)
            for state in states {
                section.bool(state != nil)
                state?.write(to: &section)
            }
            var checksum = ByteWriter()
            checksum.uint64(Self.checksum(section.bytes[...]))
            bytes.append(contentsOf: checksum.bytes)
            bytes.append(contentsOf: section.bytes)
        }
        FileBytes.writeAtomically(bytes, to: path)
    }
}
