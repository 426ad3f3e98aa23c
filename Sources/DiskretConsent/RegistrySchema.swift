import GRDB

/// Whether a registry's schema is the one this binary writes, older (migrations to run), or newer — written
/// by a later Diskret. A newer registry is refused before anything is written to it: a table, column or
/// rule this binary does not read (a restriction, say) could be exactly what forbids a reveal.
enum RegistrySchema {
    enum Status: Equatable { case current, older }

    /// Reads the schema of the registry behind `reader`; throws `ConsentError.newerSchema` for a newer one.
    static func status(of reader: any DatabaseReader, path: String) throws -> Status {
        // Asked of a pool, through its writer: a reader connection opened before the migrations kept a stale
        // view of the rebuilt audit table (its entries read without their row hashes).
        if let writer = reader as? any DatabaseWriter { return try writer.writeWithoutTransaction { db in try status(of: db, path: path) } }
        return try reader.read { db in try status(of: db, path: path) }
    }

    private static func status(of db: Database, path: String) throws -> Status {
        do {
            return try { () throws -> Status in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > RegistryMigrations.userVersion {
                    throw ConsentError.newerSchema(path, reason: "schema version \(version)")
                }
                let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                if !tables.isSubset(of: RegistryMigrations.knownTables) {
                    // The name is not echoed: it is not ours, so it could be anything.
                    throw ConsentError.newerSchema(path, reason: "a table this version does not know")
                }
                let known = Set(RegistryMigrations.migrator.migrations)
                let applied = tables.contains("grdb_migrations")
                    ? try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
                if !applied.isSubset(of: known) { throw ConsentError.newerSchema(path, reason: "a migration this version does not know") }
                return applied == known ? .current : .older
            }()
        } catch let error as DatabaseError {
            throw ConsentError.database(error.message ?? "cannot read the registry's schema")
        }
    }
}
