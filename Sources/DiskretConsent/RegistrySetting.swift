import GRDB

/// A setting kept in the registry itself (not in the caller's environment), changed only through
/// `ConsentRegistry.configure`, which records it in the audit chain.
public struct RegistrySetting: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table of settings.
    public static let databaseTableName = "setting"

    /// The setting's name; "time-zone" is the only one.
    public var name: String
    /// Its value.
    public var value: String

    /// A setting; see the properties.
    public init(name: String, value: String) { self.name = name; self.value = value }

    /// The time zone in which consent validity is decided (an IANA identifier).
    public static let timeZone = "time-zone"
    /// The time zone when the registry names none.
    public static let defaultTimeZone = "Europe/Berlin"

    /// The hash of a setting row, recorded by the 'configure' entry that set it.
    static func rowHash(name: String, value: String) -> String { RowHash.digest(["setting", name, value]) }
}
