package no.kjernebro.auditreview.internal.rules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * Findings in the audit DataSource. {@link #merge} is where idempotence lives: records already linked
 * under a candidate's group key are dropped; the rest extend the open finding of that group, or start
 * a new one when the group has none open (a health worker who goes on after a finding was reviewed
 * gets a new finding with only the new records).
 */
final class FindingStore {

    private static final String COLUMNS = "id, kommunenummer, rule_id, actor_id, patient_id, detected_at, description,"
            + " status, reviewed_by, reviewed_at, review_comment";

    private final DataSource dataSource;
    private final Clock clock;

    FindingStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void migrate() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ReviewSchema.migrate(c);
        }
    }

    /** Stores what is new in the candidates, in one transaction; returns the findings created or extended. */
    List<Finding> merge(String kommunenummer, List<Candidate> candidates) throws SQLException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> touched = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Candidate candidate : candidates) {
                    long id = merge(c, kommunenummer, candidate);
                    if (id > 0) {
                        touched.add(id);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            List<Finding> result = new ArrayList<>();
            for (long id : touched) {
                find(c, id).ifPresent(result::add);
            }
            return result;
        }
    }

    private long merge(Connection c, String kommunenummer, Candidate candidate) throws SQLException {
        Set<String> linked = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT record_reference FROM kjb_review_finding_record WHERE kommunenummer = ? AND group_key = ?")) {
            p.setString(1, kommunenummer);
            p.setString(2, candidate.groupKey());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    linked.add(rs.getString(1));
                }
            }
        }
        List<StoredAuditRecord> fresh = candidate.records().stream().filter(r -> !linked.contains(r.reference())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        long id = openFinding(c, kommunenummer, candidate.groupKey());
        if (id > 0) {
            try (PreparedStatement p = c.prepareStatement("UPDATE kjb_review_finding SET description = ? WHERE id = ?")) {
                p.setString(1, bounded(candidate.description()));
                p.setLong(2, id);
                p.executeUpdate();
            }
        } else {
            id = insert(c, kommunenummer, candidate);
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO kjb_review_finding_record"
                + " (finding_id, kommunenummer, group_key, record_reference, record_seq) VALUES (?, ?, ?, ?, ?)")) {
            for (StoredAuditRecord r : fresh) {
                p.setLong(1, id);
                p.setString(2, kommunenummer);
                p.setString(3, candidate.groupKey());
                p.setString(4, r.reference());
                p.setLong(5, r.seq());
                p.addBatch();
            }
            p.executeBatch();
        }
        return id;
    }

    private long openFinding(Connection c, String kommunenummer, String groupKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM kjb_review_finding"
                + " WHERE kommunenummer = ? AND group_key = ? AND status = 'OPEN' ORDER BY id DESC")) {
            p.setString(1, kommunenummer);
            p.setString(2, groupKey);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private long insert(Connection c, String kommunenummer, Candidate candidate) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO kjb_review_finding (kommunenummer, rule_id, group_key,"
                + " actor_id, patient_id, detected_at, description, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, kommunenummer);
            p.setString(2, candidate.rule());
            p.setString(3, candidate.groupKey());
            p.setString(4, candidate.actorId());
            p.setString(5, candidate.patientId());
            p.setObject(6, utc(clock.instant()));
            p.setString(7, bounded(candidate.description()));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for a new finding");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Newest first; afterId &gt; 0 continues below that id. */
    List<Finding> list(String kommunenummer, Finding.Status status, String rule, long afterId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM kjb_review_finding WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (kommunenummer != null) {
            sql.append(" AND kommunenummer = ?");
            args.add(kommunenummer);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (rule != null) {
            sql.append(" AND rule_id = ?");
            args.add(rule);
        }
        if (afterId > 0) {
            sql.append(" AND id < ?");
            args.add(afterId);
        }
        sql.append(" ORDER BY id DESC");
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                p.setObject(i + 1, args.get(i));
            }
            p.setMaxRows(limit);
            Map<Long, Finding> rows = new LinkedHashMap<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next() && rows.size() < limit) {
                    Finding f = row(rs, List.of());
                    rows.put(f.id(), f);
                }
            }
            Map<Long, List<String>> refs = references(c, rows.keySet());
            return rows.values().stream().map(f -> withReferences(f, refs.getOrDefault(f.id(), List.of()))).toList();
        }
    }

    Optional<Finding> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        }
    }

    /** Sets the review; false when the finding is not open (any more). */
    boolean markReviewed(long id, String auditor, Instant at, String comment) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("UPDATE kjb_review_finding"
                + " SET status = 'REVIEWED', reviewed_by = ?, reviewed_at = ?, review_comment = ? WHERE id = ? AND status = 'OPEN'")) {
            p.setString(1, auditor);
            p.setObject(2, utc(at));
            p.setString(3, comment);
            p.setLong(4, id);
            return p.executeUpdate() == 1;
        }
    }

    /** The last audit sequence number evaluated for the tenant, 0 before the first evaluation. */
    long watermark(String kommunenummer) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT last_seq FROM kjb_review_watermark WHERE kommunenummer = ?")) {
            p.setString(1, kommunenummer);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    void advanceWatermark(String kommunenummer, long seq) throws SQLException {
        OffsetDateTime now = utc(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement p = c.prepareStatement("UPDATE kjb_review_watermark SET last_seq = ?, evaluated_at = ?"
                    + " WHERE kommunenummer = ? AND last_seq < ?")) {
                p.setLong(1, seq);
                p.setObject(2, now);
                p.setString(3, kommunenummer);
                p.setLong(4, seq);
                updated = p.executeUpdate();
            }
            if (updated == 0 && watermark(kommunenummer) == 0) {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO kjb_review_watermark (kommunenummer, last_seq, evaluated_at) VALUES (?, ?, ?)")) {
                    p.setString(1, kommunenummer);
                    p.setLong(2, seq);
                    p.setObject(3, now);
                    p.executeUpdate();
                }
            }
        }
    }

    private Optional<Finding> find(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM kjb_review_finding WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Finding f = row(rs, List.of());
                return Optional.of(withReferences(f, references(c, Set.of(id)).getOrDefault(id, List.of())));
            }
        }
    }

    private static Map<Long, List<String>> references(Connection c, Set<Long> ids) throws SQLException {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        String marks = String.join(", ", ids.stream().map(i -> "?").toList());
        try (PreparedStatement p = c.prepareStatement("SELECT finding_id, record_reference FROM kjb_review_finding_record"
                + " WHERE finding_id IN (" + marks + ") ORDER BY finding_id, record_seq")) {
            int i = 1;
            for (long id : ids) {
                p.setLong(i++, id);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return result;
    }

    private static Finding row(ResultSet rs, List<String> references) throws SQLException {
        OffsetDateTime reviewedAt = rs.getObject("reviewed_at", OffsetDateTime.class);
        return new Finding(rs.getLong("id"), rs.getString("kommunenummer"), rs.getString("rule_id"),
                rs.getString("actor_id"), rs.getString("patient_id"), references,
                rs.getObject("detected_at", OffsetDateTime.class).toInstant(), rs.getString("description"),
                Finding.Status.valueOf(rs.getString("status")), rs.getString("reviewed_by"),
                reviewedAt == null ? null : reviewedAt.toInstant(), rs.getString("review_comment"));
    }

    private static Finding withReferences(Finding f, List<String> references) {
        return new Finding(f.id(), f.kommunenummer(), f.rule(), f.actorId(), f.patientId(), references, f.detectedAt(),
                f.description(), f.status(), f.reviewedBy(), f.reviewedAt(), f.comment());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String bounded(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
