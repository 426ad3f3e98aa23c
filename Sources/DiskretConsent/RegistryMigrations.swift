import GRDB

/// The registry's schema. Shipped migrations are never edited: a change is a new migration.
enum RegistryMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE consent (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
                    purpose TEXT NOT NULL CHECK (length(purpose) > 0),
                    recipients TEXT NOT NULL CHECK (length(recipients) > 0),
                    categories TEXT NOT NULL CHECK (length(categories) > 0),
                    valid_from TEXT NOT NULL CHECK (date(valid_from) IS NOT NULL),
                    valid_until TEXT CHECK (valid_until IS NULL OR (date(valid_until) IS NOT NULL AND valid_until >= valid_from)),
                    granted_at TEXT NOT NULL,
                    recorded_by TEXT NOT NULL CHECK (length(recorded_by) > 0),
                    evidence TEXT
                );
                CREATE INDEX consent_subject ON consent(subject);
                CREATE TRIGGER consent_no_update BEFORE UPDATE ON consent
                    BEGIN SELECT RAISE(ABORT, 'consents are never edited; record a new one'); END;
                CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
                    BEGIN SELECT RAISE(ABORT, 'consents are never deleted; withdraw them'); END;

                CREATE TABLE withdrawal (
                    consent_id INTEGER PRIMARY KEY REFERENCES consent(id),
                    withdrawn_at TEXT NOT NULL,
                    withdrawn_by TEXT NOT NULL CHECK (length(withdrawn_by) > 0),
                    reason TEXT
                );
                CREATE TRIGGER withdrawal_no_update BEFORE UPDATE ON withdrawal
                    BEGIN SELECT RAISE(ABORT, 'withdrawals are final'); END;
                CREATE TRIGGER withdrawal_no_delete BEFORE DELETE ON withdrawal
                    BEGIN SELECT RAISE(ABORT, 'withdrawals are final'); END;

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL CHECK (length(actor) > 0),
                    action TEXT NOT NULL CHECK (action IN ('grant', 'withdraw', 'reveal-allowed', 'reveal-denied', 'export', 'import')),
                    subject TEXT,
                    consent_id INTEGER REFERENCES consent(id),
                    detail TEXT NOT NULL,
                    previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
                    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
                );
                CREATE INDEX audit_subject ON audit(subject);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        // INSERT OR REPLACE deletes the old row without firing DELETE triggers (recursive_triggers is off by
        // default), which would let the sqlite3 shell overwrite a consent, a withdrawal or an audit entry.
        migrator.registerMigration("v2-no-replace") { db in
            try db.execute(sql: """
                CREATE TRIGGER consent_no_replace BEFORE INSERT ON consent
                    WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM consent WHERE id = NEW.id)
                    BEGIN SELECT RAISE(ABORT, 'consents are never replaced; record a new one'); END;
                CREATE TRIGGER withdrawal_no_replace BEFORE INSERT ON withdrawal
                    WHEN EXISTS (SELECT 1 FROM withdrawal WHERE consent_id = NEW.consent_id)
                    BEGIN SELECT RAISE(ABORT, 'withdrawals are final'); END;
                CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
                    WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id OR hash = NEW.hash)
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        // v3: the chain vouches for what decides a reveal. An audit entry that records a consent, an import
        // or a withdrawal carries the SHA-256 of that row (row_hash, inside the entry's hash); new actions
        // 'reveal-aborted', 'attest' and 'configure'; the registry's own settings (the time zone validity is
        // decided in). SQLite cannot change a CHECK constraint, so the audit table is rebuilt (DROP TABLE
        // fires no DELETE trigger) and its AUTOINCREMENT counter carried over. Rows recorded before v3 are
        // attested once, here, by appended 'attest' entries: from now on they are vouched for as they are.
        migrator.registerMigration("v3-row-hashes") { db in
            let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit'") ?? 0
            try db.execute(sql: """
                CREATE TABLE audit_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL CHECK (length(actor) > 0),
                    action TEXT NOT NULL CHECK (action IN ('grant', 'withdraw', 'reveal-allowed', 'reveal-denied', 'reveal-aborted',
                                                           'export', 'import', 'attest', 'configure')),
                    subject TEXT,
                    consent_id INTEGER REFERENCES consent(id),
                    detail TEXT NOT NULL,
                    previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
                    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
                    row_hash TEXT CHECK (row_hash IS NULL OR length(row_hash) = 64)
                );
                INSERT INTO audit_v3 (id, at, actor, action, subject, consent_id, detail, previous_hash, hash)
                    SELECT id, at, actor, action, subject, consent_id, detail, previous_hash, hash FROM audit ORDER BY id;
                DROP TABLE audit;
                ALTER TABLE audit_v3 RENAME TO audit;
                CREATE INDEX audit_subject ON audit(subject);
                CREATE INDEX audit_consent ON audit(consent_id);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
                    WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id OR hash = NEW.hash)
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

                CREATE TABLE setting (
                    name TEXT PRIMARY KEY CHECK (name IN ('time-zone')),
                    value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64)
                );
                CREATE TRIGGER setting_no_delete BEFORE DELETE ON setting
                    BEGIN SELECT RAISE(ABORT, 'settings are changed, not deleted'); END;
                PRAGMA user_version = 3;
                """)
            if sequence > 0 {
                try db.execute(sql: "INSERT OR REPLACE INTO sqlite_sequence (name, seq) SELECT 'audit', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'audit')", arguments: [sequence])
                try db.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'audit'", arguments: [sequence])
            }
            try RegistryAttestation.attestUnhashedRows(db)
        }
        return migrator
    }

    /// The schema version this binary writes (PRAGMA user_version); a registry with a higher one is refused.
    static let userVersion = 3

    /// The tables this binary knows; a registry with any other table is from a newer Diskret and is refused,
    /// since a table this binary does not read (a restriction, say) could be what forbids a reveal.
    static let knownTables: Set<String> = ["consent", "withdrawal", "audit", "setting", "grdb_migrations", "sqlite_sequence"]
}
