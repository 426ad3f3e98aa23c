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
        return migrator
    }
}
