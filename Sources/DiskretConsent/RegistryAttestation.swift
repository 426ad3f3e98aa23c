import Foundation
import GRDB

/// The one-time attestation of rows recorded before registry schema v3, whose audit entries carry no row
/// hash: run by the v3 migration only (frozen with it), never at any later open — later, a row the chain
/// does not vouch for is refused, not attested.
enum RegistryAttestation {
    static func attestUnhashedRows(_ db: Database) throws {
        let at = ConsentRegistry.timestamp(Date())
        for consent in try ConsentRecord.order(ConsentRecord.Columns.id).fetchAll(db) {
            try AuditChain.append(db, at: at, actor: "diskret-upgrade", action: "attest", subject: consent.subject, consentID: consent.id,
                                  detail: "consent recorded before schema v3", rowHash: RowHash.of(consent))
        }
        for withdrawal in try WithdrawalRecord.order(WithdrawalRecord.Columns.consentID).fetchAll(db) {
            let subject = try String.fetchOne(db, sql: "SELECT subject FROM consent WHERE id = ?", arguments: [withdrawal.consentID])
            try AuditChain.append(db, at: at, actor: "diskret-upgrade", action: "attest", subject: subject, consentID: withdrawal.consentID,
                                  detail: "withdrawal recorded before schema v3", rowHash: RowHash.of(withdrawal))
        }
    }
}
