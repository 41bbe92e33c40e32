package no.kjernebro.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps {@link AuditRecord} to and from the columns of {@code kjb_audit_record}, in one place. */
final class AuditRecordColumns {

    /** Every column, in the order {@link #bind} and {@link #read} use. */
    static final String LIST = "seq, reference, chain, chain_seq, canonical_version, event_type, recorded_at,"
            + " correlation_id, kommunenummer, orgnr, adapter_id, source_system, actor_type, actor_id, actor_name,"
            + " profession_or_role, service_context, access_basis, patient_id, sections, outcome, reason_code, reason,"
            + " marked_for_review, unit, patient_name, purpose, prev_hash, hash";

    /** The same columns qualified with alias {@code r}, for joins. */
    static final String QUALIFIED = "r." + LIST.replace(", ", ", r.");

    static final String INSERT = "INSERT INTO kjb_audit_record (" + LIST + ") VALUES ("
            + "?, ".repeat(LIST.split(",").length - 1) + "?)";

    private AuditRecordColumns() {
    }

    static void bind(PreparedStatement ps, AuditRecord r) throws SQLException {
        int i = 1;
        ps.setLong(i++, r.seq());
        ps.setString(i++, r.reference());
        ps.setString(i++, r.chain());
        ps.setLong(i++, r.chainSeq());
        ps.setInt(i++, r.canonicalVersion());
        ps.setString(i++, r.eventType());
        ps.setObject(i++, OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
        ps.setString(i++, r.correlationId());
        ps.setString(i++, r.kommunenummer());
        ps.setString(i++, r.orgnr());
        ps.setString(i++, r.adapterId());
        ps.setString(i++, r.sourceSystem());
        ps.setString(i++, r.actorType());
        ps.setString(i++, r.actorId());
        ps.setString(i++, r.actorName());
        ps.setString(i++, r.professionOrRole());
        ps.setString(i++, r.serviceContext());
        ps.setString(i++, r.accessBasis());
        ps.setString(i++, r.patientId());
        ps.setString(i++, r.sections());
        ps.setString(i++, r.outcome());
        ps.setString(i++, r.reasonCode());
        ps.setString(i++, r.reason());
        ps.setBoolean(i++, r.markedForReview());
        ps.setString(i++, r.unit());
        ps.setString(i++, r.patientName());
        ps.setString(i++, r.purpose());
        ps.setString(i++, r.prevHash());
        ps.setString(i, r.hash());
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getString("reference"),
                rs.getString("chain"),
                rs.getLong("chain_seq"),
                rs.getInt("canonical_version"),
                rs.getString("event_type"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("correlation_id"),
                rs.getString("kommunenummer"),
                rs.getString("orgnr"),
                rs.getString("adapter_id"),
                rs.getString("source_system"),
                rs.getString("actor_type"),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("profession_or_role"),
                rs.getString("service_context"),
                rs.getString("access_basis"),
                rs.getString("patient_id"),
                rs.getString("sections"),
                rs.getString("outcome"),
                rs.getString("reason_code"),
                rs.getString("reason"),
                rs.getBoolean("marked_for_review"),
                rs.getString("unit"),
                rs.getString("patient_name"),
                rs.getString("purpose"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
