package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditPage;
import no.kjernebro.api.audit.AuditQuery;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * Turns an {@link AuditQuery} into one SELECT. Only fixed SQL fragments are concatenated; every value
 * the caller gave is a bound parameter, so no filter can change the statement. Paging is by global
 * seq (a cursor, not an offset), so a page is cheap however deep it is and stable while records
 * are appended.
 */
final class AuditSearch {

    private static final Pattern REFERENCE = Pattern.compile("KJB-\\d{12}");

    private AuditSearch() {
    }

    /** A value bound to a {@code ?}. */
    private interface Parameter {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    static AuditPage search(Connection con, AuditQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(AuditRecordColumns.LIST)
                .append(" FROM kjb_audit_record WHERE 1 = 1");
        List<Parameter> parameters = new ArrayList<>();
        text(sql, parameters, "chain", q.chain());
        text(sql, parameters, "patient_id", q.patientId());
        text(sql, parameters, "actor_id", q.actorId());
        text(sql, parameters, "adapter_id", q.adapterId());
        text(sql, parameters, "access_basis", q.accessBasis());
        text(sql, parameters, "service_context", q.serviceContext());
        text(sql, parameters, "outcome", q.outcome() == null ? null : q.outcome().name());
        time(sql, parameters, " AND recorded_at >= ?", q.from());
        time(sql, parameters, " AND recorded_at < ?", q.to());
        if (!q.types().isEmpty()) {
            sql.append(" AND event_type IN (");
            String separator = "";
            for (AuditEntry.EventType type : q.types()) {
                sql.append(separator).append('?');
                separator = ", ";
                parameters.add((ps, i) -> ps.setString(i, type.name()));
            }
            sql.append(')');
        }
        if (q.after() > 0) {
            sql.append(q.newestFirst() ? " AND seq < ?" : " AND seq > ?");
            parameters.add((ps, i) -> ps.setLong(i, q.after()));
        }
        sql.append(q.newestFirst() ? " ORDER BY seq DESC" : " ORDER BY seq").append(" LIMIT ?");
        // one more than asked tells whether there is a next page
        parameters.add((ps, i) -> ps.setInt(i, q.limit() + 1));

        List<StoredAuditRecord> records = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).bind(ps, i + 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (records.size() == q.limit()) {
                        more = true;
                        break;
                    }
                    records.add(AuditRecordColumns.read(rs).toStored());
                }
            }
        }
        long next = more ? records.get(records.size() - 1).seq() : 0;
        return new AuditPage(records, next);
    }

    static Optional<StoredAuditRecord> find(Connection con, String reference) throws SQLException {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = con.prepareStatement("SELECT " + AuditRecordColumns.LIST
                + " FROM kjb_audit_record WHERE reference = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(AuditRecordColumns.read(rs).toStored()) : Optional.empty();
            }
        }
    }

    private static void text(StringBuilder sql, List<Parameter> parameters, String column, String value) {
        if (value != null && !value.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add((ps, i) -> ps.setString(i, value));
        }
    }

    private static void time(StringBuilder sql, List<Parameter> parameters, String condition, Instant value) {
        if (value != null) {
            sql.append(condition);
            parameters.add((ps, i) -> ps.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC)));
        }
    }
}
