import ArgumentParser
import Diskret
import Foundation

/// `--config`: the site configuration (registry, default policy, always-mask and never-mask lists).
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The site configuration (diskret.yaml). Defaults to $DISKRET_CONFIG, then $XDG_CONFIG_HOME/diskret/diskret.yaml if it exists.")
    var config: String?

    /// The configuration, or the empty one when none is found. A file named by --config or $DISKRET_CONFIG
    /// that does not exist is a missing input (66); an invalid one a configuration error (78, with file:line).
    func load() throws -> SiteConfiguration {
        let environment = ProcessInfo.processInfo.environment
        guard let path = SiteConfiguration.locate(explicit: config, environment: environment) else { return SiteConfiguration() }
        guard FileManager.default.fileExists(atPath: path) else {
            printError(config != nil ? "error: the file given with --config does not exist" : "error: the file named by $DISKRET_CONFIG does not exist")
            throw ExitStatus.noInput.code
        }
        do { return try SiteConfiguration.load(path: path) } catch { throw fail(error) }
    }
}
