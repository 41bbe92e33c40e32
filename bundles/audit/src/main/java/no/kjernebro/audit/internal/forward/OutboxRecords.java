package no.kjernebro.audit.internal.forward;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;

/**
 * Reads rows of {@code kjb_audit_record} into the API's {@link StoredAuditRecord}, by column name, so
 * that forwarding does not depend on the store's column order. Columns added by later schema
 * versions (chain, unit, patient name, purpose) are read when the table has them.
 */
final class OutboxRecords {

    private final Set<String> columns;

    private OutboxRecords(Set<String> columns) {
        this.columns = columns;
    }

    static OutboxRecords of(ResultSetMetaData meta) throws SQLException {
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        return new OutboxRecords(names);
    }

    StoredAuditRecord read(ResultSet rs) throws SQLException {
        AuditEntry entry = new AuditEntry(
                AuditEntry.EventType.valueOf(rs.getString("event_type")),
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
                sections(rs.getString("sections")),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reason_code"),
                rs.getString("reason"),
                rs.getBoolean("marked_for_review"),
                optional(rs, "unit"),
                optional(rs, "patient_name"),
                optional(rs, "purpose"));
        long seq = rs.getLong("seq");
        String chain = optional(rs, "chain");
        long chainSeq = columns.contains("chain_seq") ? rs.getLong("chain_seq") : 0;
        return new StoredAuditRecord(seq, chain == null ? entry.chain() : chain, chainSeq, rs.getString("reference"),
                entry, rs.getString("prev_hash"), rs.getString("hash"));
    }

    private String optional(ResultSet rs, String column) throws SQLException {
        return columns.contains(column) ? rs.getString(column) : null;
    }

    /** The stored comma list; a name this version does not know is left out rather than failing the row. */
    static Set<Section> sections(String list) {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        if (list == null || list.isBlank()) {
            return sections;
        }
        for (String name : list.split(",")) {
            try {
                sections.add(Section.valueOf(name.trim()));
            } catch (IllegalArgumentException unknown) {
                // written by a newer version; the record itself is still forwarded
            }
        }
        return sections;
    }
}
