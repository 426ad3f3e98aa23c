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

    /// Opens the registry (read commands with `.readOnly`); errors are reported and become exit codes: 66 for
    /// a missing registry to read, 74 for one that cannot be written, 78 for an unsafe or newer one.
    func open(access: RegistryAccess = .readWrite) throws -> ConsentRegistry {
        let path = try registryPath()
        do { return try ConsentRegistry.open(path: path, access: access) } catch let error as ConsentError {
            printError("error: \(error.description)")
            switch error {
            case .missingRegistry: throw ExitCodes.noInput
            case .readOnlyRegistry, .storage: throw ExitCodes.ioError
            default: throw ExitCodes.configError
            }
        }
    }

    /// --registry, then $DISKRET_REGISTRY, then the site configuration's, then the XDG default.
    private func registryPath() throws -> String {
        if let registry { return registry }
        if let named = ProcessInfo.processInfo.environment["DISKRET_REGISTRY"], !named.isEmpty { return named }
        return try site.load().registry ?? ConsentRegistry.defaultPath
    }
}

/// Runs a registry operation, turning its errors into messages and exit codes.
func withRegistryErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ConsentError {
        printError("error: \(error.description)")
        switch error {
        case .invalidRequest, .unknownConsent, .alreadyWithdrawn: throw ExitCode.validationFailure
        case .invalidRoster: throw ExitCodes.dataError
        case .readOnlyRegistry, .storage: throw ExitCodes.ioError
        case .missingRegistry: throw ExitCodes.noInput
        case .newerSchema, .unsafeRegistryPath: throw ExitCodes.configError
        default: throw ExitCodes.internalError
        }
    }
}
