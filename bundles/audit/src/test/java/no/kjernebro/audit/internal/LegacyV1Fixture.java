package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;

/**
 * A schema-1 database as the walking skeleton left it (the demo's H2 files): the version-1 tables,
 * records in one global chain hashed with canonical form v1, and the head in row 1.
 */
final class LegacyV1Fixture {

    private static final String V1_COLUMNS = "seq, reference, event_type, recorded_at, correlation_id, kommunenummer,"
            + " orgnr, adapter_id, source_system, actor_type, actor_id, actor_name, profession_or_role, service_context,"
            + " access_basis, patient_id, sections, outcome, reason_code, reason, marked_for_review, prev_hash, hash";

    private LegacyV1Fixture() {
    }

    /** Creates schema 1 and writes the entries as its records 1..n; returns their last hash. */
    static String write(DataSource dataSource, List<AuditEntry> entries) throws SQLException {
        AuditSchema.migrate(dataSource, List.of(AuditMigrations.V1));
        String prev = HashChain.GENESIS;
        try (Connection con = dataSource.getConnection();
             PreparedStatement insert = con.prepareStatement("INSERT INTO kjb_audit_record (" + V1_COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement outbox = con.prepareStatement("INSERT INTO kjb_audit_outbox"
                     + " (seq, attempts, next_attempt_at, last_error) VALUES (?, 0, ?, NULL)");
             PreparedStatement head = con.prepareStatement(
                     "UPDATE kjb_audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            long seq = 0;
            for (AuditEntry entry : entries) {
                AuditRecord r = v1(entry, ++seq, prev);
                int i = 1;
                insert.setLong(i++, r.seq());
                insert.setString(i++, r.reference());
                insert.setString(i++, r.eventType());
                insert.setObject(i++, OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
                for (String value : new String[] {r.correlationId(), r.kommunenummer(), r.orgnr(), r.adapterId(),
                        r.sourceSystem(), r.actorType(), r.actorId(), r.actorName(), r.professionOrRole(),
                        r.serviceContext(), r.accessBasis(), r.patientId(), r.sections(), r.outcome(), r.reasonCode(),
                        r.reason()}) {
                    insert.setString(i++, value);
                }
                insert.setBoolean(i++, r.markedForReview());
                insert.setString(i++, r.prevHash());
                insert.setString(i, r.hash());
                insert.executeUpdate();
                outbox.setLong(1, seq);
                outbox.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                outbox.executeUpdate();
                prev = r.hash();
            }
            head.setLong(1, seq);
            head.setString(2, prev);
            head.executeUpdate();
        }
        return prev;
    }

    /** What schema 1's store computed: canonical form v1 (no chain fields, no unit/name/purpose). */
    static AuditRecord v1(AuditEntry entry, long seq, String prevHash) {
        AuditRecord v2 = AuditRecord.chained(entry.with(null, null, null), seq, AuditRecord.LEGACY_CHAIN, seq, prevHash);
        AuditRecord unhashed = new AuditRecord(v2.seq(), v2.reference(), AuditRecord.LEGACY_CHAIN, seq, 1,
                v2.eventType(), v2.recordedAt(), v2.correlationId(), v2.kommunenummer(), v2.orgnr(), v2.adapterId(),
                v2.sourceSystem(), v2.actorType(), v2.actorId(), v2.actorName(), v2.professionOrRole(),
                v2.serviceContext(), v2.accessBasis(), v2.patientId(), v2.sections(), v2.outcome(), v2.reasonCode(),
                v2.reason(), v2.markedForReview(), null, null, null, prevHash, null);
        return unhashed.withHash(HashChain.hash(unhashed));
    }
}
