package no.kjernebro.medicationsweep.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import no.kjernebro.api.sweep.SweepFinding;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;

/**
 * The patient side of a sweep: reading the list a page at a time after the cursor, and committing a
 * batch's answers, findings and the advanced cursor in one transaction, so that a restart continues
 * exactly after the last committed batch.
 */
final class BatchStore {

    private final DataSource dataSource;

    BatchStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The next patients in list order after {@code cursorFnr} (null: from the start). */
    List<PasientSjekk> page(String kommunenummer, String cursorFnr, int size) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT fnr, neste_sjekk FROM kjb_sweep_patient"
                     + " WHERE kommunenummer = ? AND fnr > ? ORDER BY kommunenummer, fnr FETCH FIRST ? ROWS ONLY")) {
            // ordered by the whole primary key: H2 then reads the index in order instead of sorting the rest
            ps.setString(1, kommunenummer);
            ps.setString(2, cursorFnr == null ? "" : cursorFnr);
            ps.setInt(3, size);
            List<PasientSjekk> page = new ArrayList<>(size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new PasientSjekk(rs.getString(1), Sql.offsetTime(rs, "neste_sjekk")));
                }
            }
            return page;
        }
    }

    /**
     * Stores the answers of one batch and moves the cursor past it. The update of the run is guarded by
     * the done-count the batch was read at, so a batch can be committed once only.
     *
     * @param last true when the list has no patients after this batch: the run is FINISHED with it
     * @return false when the run had moved on or ended meanwhile (nothing is written)
     */
    boolean commit(SweepRun run, List<PasientSjekk> asked, List<VarslingSvar> answers, Instant now, boolean last)
            throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                long hits = writeAnswers(con, run, asked, answers, now);
                if (!advance(con, run, asked, hits, now, last)) {
                    con.rollback();
                    return false;
                }
                con.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            }
        }
    }

    /** Findings with a sequence number above {@code afterSeq}, in order. */
    List<Numbered> findings(String sweepId, long afterSeq, int limit) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT seq_no, fnr, har_kjernejournal, checked_at"
                     + " FROM kjb_sweep_hit WHERE sweep_id = ? AND seq_no > ? ORDER BY sweep_id, seq_no FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, sweepId);
            ps.setLong(2, afterSeq);
            ps.setInt(3, limit);
            List<Numbered> out = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Numbered(rs.getLong(1), new SweepFinding(rs.getString(2), rs.getBoolean(3),
                            Sql.instant(rs, "checked_at"))));
                }
            }
            return out;
        }
    }

    /** A finding and its place in the sweep (for page tokens). */
    record Numbered(long seq, SweepFinding finding) {
    }

    private static long writeAnswers(Connection con, SweepRun run, List<PasientSjekk> asked, List<VarslingSvar> answers,
                                     Instant now) throws SQLException {
        long hits = 0;
        try (PreparedStatement upd = con.prepareStatement("UPDATE kjb_sweep_patient SET sist_sjekket = ?,"
                + " neste_sjekk = ?, har_kjernejournal = ?, ny_legemiddelinformasjon = ?, last_sweep_id = ?"
                + " WHERE kommunenummer = ? AND fnr = ?");
             PreparedStatement hit = con.prepareStatement("INSERT INTO kjb_sweep_hit"
                + " (sweep_id, seq_no, fnr, har_kjernejournal, checked_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < asked.size(); i++) {
                PasientSjekk sjekk = asked.get(i);
                VarslingSvar svar = answers.get(i);
                // an answer without a timestamp leaves the last one in place, so nothing is reported twice
                OffsetDateTime neste = svar.nesteSjekk() != null ? svar.nesteSjekk() : sjekk.sistSjekket();
                Sql.setTime(upd, 1, now);
                Sql.setTime(upd, 2, neste);
                upd.setBoolean(3, svar.harKjernejournal());
                upd.setBoolean(4, svar.nyLegemiddelinformasjon());
                upd.setString(5, run.sweepId());
                upd.setString(6, run.kommunenummer());
                upd.setString(7, sjekk.fnr());
                upd.addBatch();
                if (svar.nyLegemiddelinformasjon()) {
                    hit.setString(1, run.sweepId());
                    hit.setLong(2, run.patientsDone() + i + 1);
                    hit.setString(3, sjekk.fnr());
                    hit.setBoolean(4, svar.harKjernejournal());
                    Sql.setTime(hit, 5, now);
                    hit.addBatch();
                    hits++;
                }
            }
            upd.executeBatch();
            if (hits > 0) {
                hit.executeBatch();
            }
        }
        return hits;
    }

    private static boolean advance(Connection con, SweepRun run, List<PasientSjekk> asked, long hits, Instant now,
                                   boolean last) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("UPDATE kjb_sweep_run SET patients_done = patients_done + ?,"
                + " batches = batches + 1, hits = hits + ?, cursor_fnr = ?, attempts = 0, last_error = NULL,"
                + " last_error_message = NULL, updated_at = ?, state = ?, finished_at = ?"
                + " WHERE sweep_id = ? AND state = 'RUNNING' AND patients_done = ?")) {
            ps.setLong(1, asked.size());
            ps.setLong(2, hits);
            ps.setString(3, asked.get(asked.size() - 1).fnr());
            Sql.setTime(ps, 4, now);
            ps.setString(5, last ? "FINISHED" : "RUNNING");
            Sql.setTime(ps, 6, last ? now : null);
            ps.setString(7, run.sweepId());
            ps.setLong(8, run.patientsDone());
            return ps.executeUpdate() == 1;
        }
    }
}
