/// A person of a case whose identifiers are known (from a case roster): they are always found, and the
/// person is masked by role, the same in every note of the case.
public struct KnownPerson: Sendable, Codable, Equatable {
    /// The pseudonymous subject key chosen by the case worker ("K-2024-017/KM").
    public var subject: String
    /// The role in the case ("Kindsmutter", "Kind"), used for placeholders.
    public var role: String?
    /// Names and name variants ("Anna Fischer-Yılmaz", "Anna Fischer").
    public var names: [String]
    /// Birth date as written in the roster (ISO "1988-03-12" or German "12.03.1988").
    public var birthdate: String?
    /// Addresses; each comma-separated part is searched on its own.
    public var addresses: [String]
    /// Phone numbers in any writing.
    public var phones: [String]
    /// The placeholder the roster fixes for this person ("[Kindsmutter]", "[Kind 2]").
    public var placeholder: String

    /// A person of the case as the roster lists them.
    public init(subject: String, role: String? = nil, names: [String] = [], birthdate: String? = nil,
                addresses: [String] = [], phones: [String] = [], placeholder: String) {
        self.subject = subject; self.role = role; self.names = names; self.birthdate = birthdate
        self.addresses = addresses; self.phones = phones; self.placeholder = placeholder
    }
}
