import Diskret
import DiskretConsent
import Foundation

/// What `diskret serve` is told: where to listen, the limits, the users and the registry.
public struct ServiceSettings: Sendable {
    /// The address to bind; anything but loopback needs tokens.
    public var host = "127.0.0.1"
    /// The port (0 picks a free one).
    public var port = 8080
    /// The largest request body accepted (413 beyond).
    public var maxBytes = 4 << 20
    /// How long a request body may take to arrive, and a connection may stay idle.
    public var readTimeout: Duration = .seconds(30)
    /// How long the engine or the registry may take for one request (503 beyond).
    public var handlerTimeout: Duration = .seconds(30)
    /// The users; without any, consent endpoints and reveals are refused.
    public var tokens: TokenTable = .empty
    /// Whether every API request needs a token even on loopback (behind a reverse proxy).
    public var requireTokens = false
    /// Opens the consent registry (called once, on the first request that needs it).
    public var openRegistry: @Sendable () throws -> ConsentRegistry
    /// The site's default policy (`policy` of `diskret.yaml`); a request's `policy` and `mask` go on top.
    public var defaultPolicy: MaskingPolicy = .default

    /// The operators the service applies: the pseudonymisation ones need a case key, which it does not hold,
    /// and `relative` an anchor date.
    public static let offeredOperators: Set<MaskingPolicy.Operator> = [.placeholder, .redact, .keep, .generalizeMonth, .generalizeYear, .ageBand]

    /// Settings with the defaults and the given registry.
    public init(openRegistry: @escaping @Sendable () throws -> ConsentRegistry) {
        self.openRegistry = openRegistry
    }

    /// Whether `host` names the loopback interface only.
    public var bindsLoopbackOnly: Bool { Self.isLoopback(host) }

    /// Whether every `/v1/` request needs a token: beyond loopback, or when told so.
    public var tokensRequiredForAPI: Bool { requireTokens || !bindsLoopbackOnly }

    /// Whether `host` is `localhost`, an address in 127.0.0.0/8, or `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Refuses settings that would expose the filter without authentication, or make no sense.
    public func validate() throws(ServiceSettingsError) {
        guard bindsLoopbackOnly || !tokens.isEmpty else {
            throw ServiceSettingsError("refusing to listen on \(host) without --tokens: beyond loopback every request must carry a token")
        }
        guard !requireTokens || !tokens.isEmpty else { throw ServiceSettingsError("--require-tokens needs --tokens") }
        guard (0...65535).contains(port) else { throw ServiceSettingsError("the port must be between 0 and 65535") }
        guard maxBytes > 0 else { throw ServiceSettingsError("--max-bytes must be positive") }
        guard readTimeout > .zero, handlerTimeout > .zero else { throw ServiceSettingsError("timeouts must be positive") }
        let named = defaultPolicy.operators.map { ($0.key.rawValue, $0.value) } + defaultPolicy.typeOperators.map { ($0.key, $0.value) }
        if let refused = named.sorted(by: { $0.0 < $1.0 }).first(where: { !Self.offeredOperators.contains($0.1) }) {
            throw ServiceSettingsError("the site configuration's policy masks \(refused.0) with '\(refused.1.rawValue)', which the service cannot apply "
                + "(it holds no case key or anchor date); use one of \(Self.offeredOperators.map(\.rawValue).sorted().joined(separator: ", "))", kind: .configuration)
        }
    }
}

/// Settings that cannot be served.
public struct ServiceSettingsError: Error, Sendable, CustomStringConvertible {
    /// Whose mistake: the command line's, or the site configuration's.
    public enum Kind: Sendable { case usage, configuration }
    /// What is wrong.
    public let description: String
    /// Whose mistake it is.
    public let kind: Kind
    init(_ description: String, kind: Kind = .usage) { self.description = description; self.kind = kind }
}

/// The registry, opened on first use and then shared (it is safe to use from many threads).
final class RegistryHandle: @unchecked Sendable {
    private let open: @Sendable () throws -> ConsentRegistry
    private var registry: ConsentRegistry?
    private let lock = NSLock()

    init(_ open: @escaping @Sendable () throws -> ConsentRegistry) { self.open = open }

    /// The registry; a failure to open is retried on the next request.
    func get() throws -> ConsentRegistry {
        try lock.withLock {
            if let registry { return registry }
            let opened = try open()
            registry = opened
            return opened
        }
    }
}
