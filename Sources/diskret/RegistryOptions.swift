import ArgumentParser
import DiskretConsent
import Foundation

/// Options shared by the commands that use the consent registry.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: "The registry file. Defaults to $DISKRET_REGISTRY, then $XDG_DATA_HOME/diskret/registry.sqlite.")
    var registry: String?

    @Option(name: .long, help: "Who is acting, for the audit log. Defaults to $USER.")
    var actor: String?

    var actorName: String { actor ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown" }

    /// Opens the registry (read commands with `.readOnly`); an error is reported and becomes its exit code
    /// (`ExitStatus(ConsentError)`).
    func open(access: RegistryAccess = .readWrite) throws -> ConsentRegistry {
        try withRegistryErrors { try ConsentRegistry.open(path: registry ?? ConsentRegistry.defaultPath, access: access) }
    }
}

/// Runs a registry operation, turning its errors into messages and exit codes.
func withRegistryErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ConsentError { throw fail(error) }
}
