import Crypto
import Foundation

/// The users of the service: SHA-256 hashes of bearer tokens with the actor each names in the audit log.
/// The file holds one `sha256-hex actor` line per user (`#` comments and blank lines allowed); the tokens
/// themselves are never stored.
public struct TokenTable: Sendable {
    private let entries: [(hash: [UInt8], actor: String)]

    /// No users: every request that needs a token is refused.
    public static let empty = TokenTable(entries: [])

    private init(entries: [(hash: [UInt8], actor: String)]) { self.entries = entries }

    /// Whether any token is known.
    public var isEmpty: Bool { entries.isEmpty }

    /// Parses a token file; errors name the line, never its content.
    public init(parsing text: String) throws(TokenFileError) {
        var entries: [(hash: [UInt8], actor: String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, let hash = Self.bytes(hex: parts[0]) else {
                throw TokenFileError(line: index + 1, message: "expected a 64-digit SHA-256 hex hash, a space and an actor name")
            }
            let actor = parts[1].trimmingCharacters(in: .whitespaces)
            guard !actor.isEmpty, actor.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) }) else {
                throw TokenFileError(line: index + 1, message: "the actor name is empty or holds control characters")
            }
            guard !entries.contains(where: { $0.hash == hash }) else {
                throw TokenFileError(line: index + 1, message: "the same token hash appears twice")
            }
            entries.append((hash, actor))
        }
        self.entries = entries
    }

    /// The actor of `token`, or nil. Every entry is compared in full, so the time taken says nothing about
    /// how close a guess came.
    public func actor(for token: String) -> String? {
        let digest = Array(SHA256.hash(data: Data(token.utf8)))
        var found: String?
        for entry in entries {
            var difference: UInt8 = 0
            for (a, b) in zip(entry.hash, digest) { difference |= a ^ b }
            if difference == 0 { found = entry.actor }
        }
        return found
    }

    private static func bytes(hex: Substring) -> [UInt8]? {
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

/// A token file that cannot be used; the message never quotes the file.
public struct TokenFileError: Error, Sendable, CustomStringConvertible {
    /// The 1-based line.
    public let line: Int
    /// What is wrong with it.
    public let message: String
    /// `tokens:N: message`.
    public var description: String { "tokens:\(line): \(message)" }
}
