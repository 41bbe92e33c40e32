package no.kjernebro.medicationsweep.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * A municipality's patient list. An upload is streamed into a staging table in chunks (never held in
 * memory) and then merged into {@code kjb_sweep_patient} in one transaction that keeps the last-check
 * timestamps of the patients who stay.
 */
final class PatientListStore {

    /** Rows per JDBC batch and per staging commit. */
    private static final int CHUNK = 2000;
    private static final int MAX_POSITIONS = 20;

    private final DataSource dataSource;

    PatientListStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the staging table holds for one upload; {@code valid} counts duplicates too. */
    record Staged(String uploadId, long valid, long invalid, List<Long> invalidPositions) {
    }

    /** The list as registered. */
    record ListInfo(String kommunenummer, String listId, String adapterId, String registeredBy, Instant registeredAt,
                    long patients, String fingerprint) {
    }

    /** What a merge changed; computed inside the merge transaction. */
    record Merge(long patients, long added, long removed, long duplicates, String fingerprint) {
    }

    /** Thrown when an upload has more valid entries than allowed; nothing stays staged. */
    static final class TooManyPatients extends Exception {
        private static final long serialVersionUID = 1L;

        TooManyPatients(long max) {
            super("the patient list has more than " + max + " patients");
        }
    }

    /**
     * Streams the identity numbers into the staging table. Invalid numbers are counted, never stored.
     * On any failure, the iterator's own exceptions included, the staged rows are removed and the
     * failure is rethrown.
     */
    Staged stage(Iterator<String> patientIds, long maxPatients) throws SQLException, TooManyPatients {
        String uploadId = UUID.randomUUID().toString();
        long valid = 0;
        long invalid = 0;
        long position = 0;
        List<Long> invalidPositions = new ArrayList<>();
        boolean staged = false;
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try (PreparedStatement ins = con.prepareStatement(
                    "INSERT INTO kjb_sweep_incoming (upload_id, fnr) VALUES (?, ?)")) {
                int pending = 0;
                while (patientIds.hasNext()) {
                    String fnr = patientIds.next();
                    if (fnr != null && NationalIdentityNumber.isValid(fnr)) {
                        if (++valid > maxPatients) {
                            throw new TooManyPatients(maxPatients);
                        }
                        ins.setString(1, uploadId);
                        ins.setString(2, fnr);
                        ins.addBatch();
                        if (++pending == CHUNK) {
                            ins.executeBatch();
                            con.commit();
                            pending = 0;
                        }
                    } else {
                        invalid++;
                        if (invalidPositions.size() < MAX_POSITIONS) {
                            invalidPositions.add(position);
                        }
                    }
                    position++;
                }
                if (pending > 0) {
                    ins.executeBatch();
                }
                con.commit();
                staged = true;
            } finally {
                if (!staged) {
                    con.rollback();
                }
            }
        } finally {
            if (!staged) {
                discard(uploadId);
            }
        }
        return new Staged(uploadId, valid, invalid, invalidPositions);
    }

    /**
     * Makes the staged upload the municipality's list, in the caller's transaction: removes patients
     * not on it, adds new ones (with no last check), keeps the rest untouched.
     */
    Merge merge(Connection con, String kommunenummer, Staged staged, String listId, String adapterId,
                String registeredBy, Instant now) throws SQLException {
        Fingerprint fp = fingerprint(con, staged.uploadId());
        long removed;
        try (PreparedStatement del = con.prepareStatement("DELETE FROM kjb_sweep_patient WHERE kommunenummer = ?"
                + " AND NOT EXISTS (SELECT 1 FROM kjb_sweep_incoming WHERE kjb_sweep_incoming.upload_id = ?"
                + " AND kjb_sweep_incoming.fnr = kjb_sweep_patient.fnr)")) {
            del.setString(1, kommunenummer);
            del.setString(2, staged.uploadId());
            removed = del.executeUpdate();
        }
        long added;
        try (PreparedStatement ins = con.prepareStatement("INSERT INTO kjb_sweep_patient (kommunenummer, fnr, added_at)"
                + " SELECT CAST(? AS VARCHAR(8)), d.fnr, CAST(? AS TIMESTAMP WITH TIME ZONE)"
                + " FROM (SELECT DISTINCT fnr FROM kjb_sweep_incoming WHERE upload_id = ?) d"
                + " WHERE NOT EXISTS (SELECT 1 FROM kjb_sweep_patient p WHERE p.kommunenummer = ? AND p.fnr = d.fnr)")) {
            ins.setString(1, kommunenummer);
            Sql.setTime(ins, 2, now);
            ins.setString(3, staged.uploadId());
            ins.setString(4, kommunenummer);
            added = ins.executeUpdate();
        }
        upsertList(con, new ListInfo(kommunenummer, listId, adapterId, registeredBy, now, fp.count(), fp.hex()));
        return new Merge(fp.count(), added, removed, staged.valid() - fp.count(), fp.hex());
    }

    Optional<ListInfo> list(String kommunenummer) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT * FROM kjb_sweep_list WHERE kommunenummer = ?")) {
            ps.setString(1, kommunenummer);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ListInfo(rs.getString("kommunenummer"), rs.getString("list_id"),
                        rs.getString("adapter_id"), rs.getString("registered_by"), Sql.instant(rs, "registered_at"),
                        rs.getLong("patient_count"), rs.getString("fingerprint")));
            }
        }
    }

    void discard(String uploadId) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("DELETE FROM kjb_sweep_incoming WHERE upload_id = ?")) {
            con.setAutoCommit(true);
            ps.setString(1, uploadId);
            ps.executeUpdate();
        }
    }

    /** Removes uploads a crash left behind; only at start, when no upload can be in progress. */
    void discardAll() throws SQLException {
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            con.setAutoCommit(true);
            st.executeUpdate("DELETE FROM kjb_sweep_incoming");
        }
    }

    private record Fingerprint(long count, String hex) {
    }

    // SHA-256 over the distinct numbers in order, one per line: the same list always has the same print.
    private static Fingerprint fingerprint(Connection con, String uploadId) throws SQLException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long count = 0;
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT DISTINCT fnr FROM kjb_sweep_incoming WHERE upload_id = ? ORDER BY fnr")) {
            ps.setFetchSize(CHUNK);
            ps.setString(1, uploadId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sha256.update(rs.getString(1).getBytes(StandardCharsets.US_ASCII));
                    sha256.update((byte) '\n');
                    count++;
                }
            }
        }
        return new Fingerprint(count, HexFormat.of().formatHex(sha256.digest()));
    }

    private static void upsertList(Connection con, ListInfo list) throws SQLException {
        try (PreparedStatement upd = con.prepareStatement("UPDATE kjb_sweep_list SET list_id = ?, adapter_id = ?,"
                + " registered_by = ?, registered_at = ?, patient_count = ?, fingerprint = ? WHERE kommunenummer = ?")) {
            bindList(upd, list);
            upd.setString(7, list.kommunenummer());
            if (upd.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = con.prepareStatement("INSERT INTO kjb_sweep_list (list_id, adapter_id,"
                + " registered_by, registered_at, patient_count, fingerprint, kommunenummer) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindList(ins, list);
            ins.setString(7, list.kommunenummer());
            ins.executeUpdate();
        }
    }

    private static void bindList(PreparedStatement ps, ListInfo list) throws SQLException {
        ps.setString(1, list.listId());
        ps.setString(2, list.adapterId());
        ps.setString(3, Sql.fit(list.registeredBy(), 256));
        Sql.setTime(ps, 4, list.registeredAt());
        ps.setLong(5, list.patients());
        ps.setString(6, list.fingerprint());
    }
}
