import Yams

/// Reads typed fields out of a YAML mapping node, reporting `file:line` for every mistake.
struct YAMLReader {
    let file: String
    let node: Node
    private(set) var used: Set<String> = []
    /// The keys this reader may be asked for (`RuleKeys`), nil for any: reading a key the table does not
    /// document is a programming mistake, caught by every test that loads a pack.
    var documented: Set<String>?

    init(file: String, node: Node) { self.file = file; self.node = node }

    /// The 1-based line of the node.
    var line: Int { node.mark?.line ?? 0 }

    func error(_ message: String, at node: Node? = nil) -> DiskretError {
        .invalidRules(file: file, line: (node ?? self.node).mark?.line ?? line, message: message)
    }

    mutating func value(_ key: String) -> Node? {
        assert(documented?.contains(key) ?? true, "rule key '\(key)' is read but missing from RuleKeys.all")
        used.insert(key)
        return node.mapping?[key]
    }

    mutating func string(_ key: String) throws(DiskretError) -> String? {
        guard let value = value(key) else { return nil }
        guard case let .scalar(scalar) = value else { throw error("'\(key)' must be a single value", at: value) }
        return scalar.string
    }

    mutating func requiredString(_ key: String) throws(DiskretError) -> String {
        guard let result = try string(key), !result.isEmpty else { throw error("missing '\(key)'") }
        return result
    }

    mutating func double(_ key: String) throws(DiskretError) -> Double? {
        guard let text = try string(key) else { return nil }
        guard let number = Double(text) else { throw error("'\(key)' must be a number, not '\(text)'", at: node.mapping?[key]) }
        return number
    }

    mutating func int(_ key: String) throws(DiskretError) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let number = Int(text) else { throw error("'\(key)' must be a whole number, not '\(text)'", at: node.mapping?[key]) }
        return number
    }

    mutating func bool(_ key: String) throws(DiskretError) -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nein": return false
        default: throw error("'\(key)' must be true or false, not '\(text)'", at: node.mapping?[key])
        }
    }

    /// A list of strings with the line of each item; a single value counts as a list of one.
    mutating func strings(_ key: String) throws(DiskretError) -> [(value: String, line: Int)] {
        guard let value = value(key) else { return [] }
        switch value {
        case let .scalar(scalar): return [(scalar.string, value.mark?.line ?? line)]
        case let .sequence(sequence):
            var result: [(String, Int)] = []
            for item in sequence {
                guard case let .scalar(scalar) = item else { throw error("items of '\(key)' must be single values", at: item) }
                result.append((scalar.string, item.mark?.line ?? line))
            }
            return result
        case .mapping, .alias:
            throw error("'\(key)' must be a list", at: value)
        }
    }

    /// A mapping of strings to strings, in file order.
    mutating func stringMap(_ key: String) throws(DiskretError) -> [(key: String, value: String, line: Int)] {
        guard let value = value(key) else { return [] }
        guard case let .mapping(mapping) = value else { throw error("'\(key)' must be a mapping of 'word: value'", at: value) }
        var result: [(String, String, Int)] = []
        for (itemKey, itemValue) in mapping {
            guard case let .scalar(k) = itemKey, case let .scalar(v) = itemValue else {
                throw error("entries of '\(key)' must be 'word: value'", at: itemKey)
            }
            result.append((k.string, v.string, itemKey.mark?.line ?? line))
        }
        return result
    }

    /// A nested mapping read with its own reader.
    mutating func nested(_ key: String) throws(DiskretError) -> YAMLReader? {
        guard let value = value(key) else { return nil }
        guard case .mapping = value else { throw error("'\(key)' must be a mapping", at: value) }
        var reader = YAMLReader(file: file, node: value)
        reader.documented = documented.map { Set($0.compactMap { $0.hasPrefix(key + ".") ? String($0.dropFirst(key.count + 1)) : nil }) }
        return reader
    }

    /// Refuses keys that were never asked for: a misspelt key must not silently disable a rule.
    func rejectUnknownKeys() throws(DiskretError) {
        guard let mapping = node.mapping else { return }
        for (key, _) in mapping {
            guard let name = key.string else { continue }
            if !used.contains(name) { throw error("unknown key '\(name)'", at: key) }
        }
    }
}
