import ArgumentParser
import Diskret
import DiskretConsent
import Foundation

/// Options shared by the commands that use the consent registry.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: "The registry file. Defaults to $DISKRET_REGISTRY, then the site configuration's 'registry', then $XDG_DATA_HOME/diskret/registry.sqlite.")
    var registry: String?

    @OptionGroup var site: ConfigOptions

    @Option(name: .long, help: "Who is acting, for the audit log. Defaults to $USER.")
    var actor: String?

    var actorName: String { actor ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown" }

    /// Opens the registry (read commands with `.readOnly`); an error is reported and becomes its exit code
    /// (`ExitStatus(ConsentError)`).
    func open(access: RegistryAccess = .readWrite) throws -> ConsentRegistry {
        let path = try registryPath()
        return try withRegistryErrors { try ConsentRegistry.open(path: path, access: access) }
    }

    private func registryPath() throws -> String { try Self.path(explicit: registry) { try site.load() } }

    /// `explicit` (--registry), then $DISKRET_REGISTRY, then the site configuration's, then the XDG default.
    static func path(explicit: String?, site: () throws -> SiteConfiguration) throws -> String {
        if let explicit { return explicit }
        if let named = ProcessInfo.processInfo.environment["DISKRET_REGISTRY"], !named.isEmpty { return named }
        return try site().registry ?? ConsentRegistry.defaultPath
    }
}

/// Runs a registry operation, turning its errors into messages and exit codes.
func withRegistryErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ConsentError { throw fail(error) }
}
