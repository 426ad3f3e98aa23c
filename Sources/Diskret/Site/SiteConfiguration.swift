import Foundation
import Yams

/// The site configuration `diskret.yaml`: the registry, the default masking policy and the site's word
/// lists, shared by every front end. Every mistake is reported as `file:line` (`DiskretError.invalidConfiguration`).
public struct SiteConfiguration: Sendable, Equatable {
    /// The consent registry file (a relative path in the file is taken from the file's folder).
    public var registry: String?
    /// The default operators per category or finding type; a policy file and `--mask` go on top.
    public var policy: MaskingPolicy
    /// The always-mask and never-mask lists.
    public var words: SiteWords

    /// A configuration; the empty one changes nothing.
    public init(registry: String? = nil, policy: MaskingPolicy = .default, words: SiteWords = SiteWords()) {
        self.registry = registry; self.policy = policy; self.words = words
    }

    /// The largest configuration file read.
    public static let maxBytes = 1 << 20

    /// Where the configuration comes from: `explicit` (`--config`), else `$DISKRET_CONFIG`, else
    /// `$XDG_CONFIG_HOME/diskret/diskret.yaml` (`~/.config` without it) if that file exists. A path named
    /// explicitly or by the variable is returned whether it exists or not: the caller reports a missing one.
    public static func locate(explicit: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        if let named = environment["DISKRET_CONFIG"], !named.isEmpty { return named }
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { base = xdg }
        else if let home = environment["HOME"], !home.isEmpty { base = home + "/.config" }
        else { return nil }
        let path = base + "/diskret/diskret.yaml"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Reads and validates the file at `path` (at most `maxBytes`).
    public static func load(path: String) throws(DiskretError) -> SiteConfiguration {
        let bytes: [UInt8]
        switch BoundedFile.read(path, limit: maxBytes) {
        case let .bytes(read): bytes = read
        case .missing: throw DiskretError.invalidConfiguration(file: path, line: 0, message: "file not found")
        case .unreadable: throw DiskretError.invalidConfiguration(file: path, line: 0, message: "not readable")
        case .tooLarge: throw DiskretError.invalidConfiguration(file: path, line: 0, message: "larger than \(maxBytes) bytes")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiskretError.invalidConfiguration(file: path, line: 0, message: "not UTF-8")
        }
        var configuration = try parse(text, file: path)
        if let registry = configuration.registry, !registry.hasPrefix("/") {
            configuration.registry = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(registry)
        }
        return configuration
    }

    /// Parses the text of a configuration file; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(DiskretError) -> SiteConfiguration {
        do {
            return try read(text, file: file)
        } catch let .invalidRules(file, line, message) {
            throw DiskretError.invalidConfiguration(file: file, line: line, message: message)
        }
    }

    private static func read(_ text: String, file: String) throws(DiskretError) -> SiteConfiguration {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            // libyaml's problem texts hold no content of the file; the snippet is left out.
            switch error as? YamlError {
            case let .scanner(_, problem, mark, _)?, let .parser(_, problem, mark, _)?, let .composer(_, problem, mark, _)?:
                throw DiskretError.invalidRules(file: file, line: mark.line, message: "not valid YAML: \(problem)")
            case let .duplicatedKeysInMapping(_, context)?:
                throw DiskretError.invalidRules(file: file, line: context.mark.line, message: "a key appears twice in one mapping")
            default:
                throw DiskretError.invalidRules(file: file, line: 0, message: "not valid YAML")
            }
        }
        guard let root else { return SiteConfiguration() }  // an empty file changes nothing
        guard case .mapping = root else {
            throw DiskretError.invalidRules(file: file, line: root.mark?.line ?? 0, message: "the configuration must be a mapping of keys")
        }
        var reader = YAMLReader(file: file, node: root)
        var configuration = SiteConfiguration()
        configuration.registry = try reader.string("registry")
        if configuration.registry?.isEmpty == true { throw reader.error("'registry' must not be empty", at: root.mapping?["registry"]) }
        for (category, value, line) in try reader.stringMap("policy") {
            do {
                configuration.policy = configuration.policy.merging(try MaskingPolicy(parsing: "\(category)=\(value)"))
            } catch {
                throw DiskretError.invalidRules(file: file, line: line, message: "policy: \(error.message)")
            }
        }
        if let always = try reader.nested("always-mask") {
            for (key, _) in always.node.mapping ?? [:] {
                guard let name = key.string, let category = Category(rawValue: name) else {
                    let known = Category.allCases.map(\.rawValue).joined(separator: ", ")
                    throw DiskretError.invalidRules(file: file, line: key.mark?.line ?? 0,
                                                    message: "always-mask: unknown category (one of \(known))")
                }
                var list = always
                for (phrase, line) in try list.strings(name) {
                    try check(phrase, line: line, file: file, list: "always-mask")
                    configuration.words.alwaysMask.append(.init(phrase: phrase, category: category))
                }
            }
        }
        var neverLines: [String: Int] = [:]
        for (phrase, line) in try reader.strings("never-mask") {
            try check(phrase, line: line, file: file, list: "never-mask")
            configuration.words.neverMask.append(phrase)
            neverLines[phrase.lowercased()] = line
        }
        try reader.rejectUnknownKeys()
        // A word on both lists is a mistake either way; masking is the safe reading, but say so.
        for entry in configuration.words.alwaysMask {
            if let line = neverLines[entry.phrase.lowercased()] {
                throw DiskretError.invalidRules(file: file, line: line, message: "never-mask: an entry is also on the always-mask list")
            }
        }
        return configuration
    }

    /// An entry is one line of words: no empty entry, no line break.
    private static func check(_ phrase: String, line: Int, file: String, list: String) throws(DiskretError) {
        if phrase.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DiskretError.invalidRules(file: file, line: line, message: "\(list): empty entry")
        }
        if phrase.contains(where: \.isNewline) {
            throw DiskretError.invalidRules(file: file, line: line, message: "\(list): an entry must be one line")
        }
        if !phrase.contains(where: { $0.isLetter || $0.isNumber }) {
            throw DiskretError.invalidRules(file: file, line: line, message: "\(list): an entry needs a letter or digit")
        }
    }
}
