package no.kjernebro.medicationsweep.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.SweepState;

/** Reads and writes {@code kjb_sweep_run}, the sweeps and their cursors. */
final class SweepRunStore {

    private static final String COLUMNS = "sweep_id, kommunenummer, adapter_id, list_id, initiator_type, initiator_id,"
            + " state, patients_total, patients_done, batches, hits, cursor_fnr, attempts, last_error,"
            + " last_error_message, created_at, updated_at, finished_at, callback_url, callback_state,"
            + " callback_attempts, callback_next_at, callback_error";

    private final DataSource dataSource;

    SweepRunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a new sweep, in the caller's transaction. */
    void insert(Connection con, SweepRun run) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO kjb_sweep_run (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setString(i++, run.sweepId());
            ps.setString(i++, run.kommunenummer());
            ps.setString(i++, run.adapterId());
            ps.setString(i++, run.listId());
            ps.setString(i++, run.initiator().type().name());
            ps.setString(i++, Sql.fit(run.initiator().id(), 256));
            ps.setString(i++, run.state().name());
            ps.setLong(i++, run.patientsTotal());
            ps.setLong(i++, run.patientsDone());
            ps.setLong(i++, run.batches());
            ps.setLong(i++, run.hits());
            ps.setString(i++, run.cursorFnr());
            ps.setInt(i++, run.attempts());
            ps.setString(i++, run.lastError());
            ps.setString(i++, Sql.fit(run.lastErrorMessage(), SweepSchema.MESSAGE));
            Sql.setTime(ps, i++, run.createdAt());
            Sql.setTime(ps, i++, run.updatedAt());
            Sql.setTime(ps, i++, run.finishedAt());
            ps.setString(i++, run.callbackUrl());
            ps.setString(i++, run.callbackState().name());
            ps.setInt(i++, run.callbackAttempts());
            Sql.setTime(ps, i++, run.callbackNextAt());
            ps.setString(i, Sql.fit(run.callbackError(), SweepSchema.MESSAGE));
            ps.executeUpdate();
        }
    }

    Optional<SweepRun> find(String sweepId) throws SQLException {
        List<SweepRun> found = query("WHERE sweep_id = ?", 1, sweepId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Newest first. */
    List<SweepRun> recent(String kommunenummer, int max) throws SQLException {
        return query("WHERE kommunenummer = ? ORDER BY created_at DESC, sweep_id DESC", max, kommunenummer);
    }

    Optional<SweepRun> latestIn(String kommunenummer, SweepState state) throws SQLException {
        List<SweepRun> found = query("WHERE kommunenummer = ? AND state = ? ORDER BY created_at DESC, sweep_id DESC", 1,
                kommunenummer, state.name());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<SweepRun> inState(SweepState state) throws SQLException {
        return query("WHERE state = ? ORDER BY created_at", Integer.MAX_VALUE, state.name());
    }

    List<SweepRun> pendingCallbacks() throws SQLException {
        return query("WHERE callback_state = 'PENDING' ORDER BY callback_next_at", Integer.MAX_VALUE);
    }

    /** Sets RUNNING again (the cursor stays), with a new callback URL when one is given. */
    boolean resume(Connection con, String sweepId, String callbackUrl, Instant now) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("UPDATE kjb_sweep_run SET state = 'RUNNING', attempts = 0,"
                + " updated_at = ?, callback_url = COALESCE(?, callback_url), callback_state = 'NONE',"
                + " callback_attempts = 0, callback_error = NULL WHERE sweep_id = ? AND state = 'INTERRUPTED'")) {
            Sql.setTime(ps, 1, now);
            ps.setString(2, callbackUrl);
            ps.setString(3, sweepId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Records a failed attempt of the current batch; {@code interrupt} ends the run until it is resumed. */
    void recordFailure(String sweepId, int attempts, String error, String message, boolean interrupt, Instant now)
            throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("UPDATE kjb_sweep_run SET attempts = ?, last_error = ?,"
                     + " last_error_message = ?, updated_at = ?, state = ? WHERE sweep_id = ? AND state = 'RUNNING'")) {
            con.setAutoCommit(true);
            ps.setInt(1, attempts);
            ps.setString(2, Sql.fit(error, 64));
            ps.setString(3, Sql.fit(message, SweepSchema.MESSAGE));
            Sql.setTime(ps, 4, now);
            ps.setString(5, interrupt ? SweepState.INTERRUPTED.name() : SweepState.RUNNING.name());
            ps.setString(6, sweepId);
            ps.executeUpdate();
        }
    }

    /** Ends a run whose list had no patients left. */
    boolean finish(String sweepId, long expectedDone, Instant now) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("UPDATE kjb_sweep_run SET state = 'FINISHED', attempts = 0,"
                     + " updated_at = ?, finished_at = ? WHERE sweep_id = ? AND state = 'RUNNING' AND patients_done = ?")) {
            con.setAutoCommit(true);
            Sql.setTime(ps, 1, now);
            Sql.setTime(ps, 2, now);
            ps.setString(3, sweepId);
            ps.setLong(4, expectedDone);
            return ps.executeUpdate() == 1;
        }
    }

    /** Marks the callback due now (when the run has a URL). */
    void callbackDue(String sweepId, Instant now) throws SQLException {
        updateCallback("callback_state = 'PENDING', callback_attempts = 0, callback_next_at = ?, callback_error = NULL"
                + " WHERE sweep_id = ? AND callback_url IS NOT NULL", ps -> {
                    Sql.setTime(ps, 1, now);
                    ps.setString(2, sweepId);
                });
    }

    void callbackAttempt(String sweepId, SweepRun.CallbackState state, int attempts, Instant nextAt, String error)
            throws SQLException {
        updateCallback("callback_state = ?, callback_attempts = ?, callback_next_at = ?, callback_error = ?"
                + " WHERE sweep_id = ?", ps -> {
                    ps.setString(1, state.name());
                    ps.setInt(2, attempts);
                    Sql.setTime(ps, 3, nextAt);
                    ps.setString(4, Sql.fit(error, SweepSchema.MESSAGE));
                    ps.setString(5, sweepId);
                });
    }

    /** When the municipality's last sweep was created, for schedules. */
    Optional<Instant> lastCreated(String kommunenummer) throws SQLException {
        List<SweepRun> recent = recent(kommunenummer, 1);
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(0).createdAt());
    }

    /** Deletes all but the newest {@code keep} ended sweeps of a municipality, with their findings. */
    int purge(String kommunenummer, int keep) throws SQLException {
        List<String> old = new ArrayList<>();
        int seen = 0;
        for (SweepRun run : recent(kommunenummer, Integer.MAX_VALUE)) {
            if (run.state() != SweepState.RUNNING && ++seen > keep) {
                old.add(run.sweepId());
            }
        }
        if (old.isEmpty()) {
            return 0;
        }
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try (PreparedStatement hits = con.prepareStatement("DELETE FROM kjb_sweep_hit WHERE sweep_id = ?");
                 PreparedStatement runs = con.prepareStatement("DELETE FROM kjb_sweep_run WHERE sweep_id = ?")) {
                for (String id : old) {
                    hits.setString(1, id);
                    hits.executeUpdate();
                    runs.setString(1, id);
                    runs.executeUpdate();
                }
                con.commit();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
        }
        return old.size();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void updateCallback(String setAndWhere, Binder binder) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("UPDATE kjb_sweep_run SET " + setAndWhere)) {
            con.setAutoCommit(true);
            binder.bind(ps);
            ps.executeUpdate();
        }
    }

    private List<SweepRun> query(String where, int max, String... params) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT " + COLUMNS + " FROM kjb_sweep_run " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.setMaxRows(max == Integer.MAX_VALUE ? 0 : max);
            List<SweepRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && runs.size() < max) {
                    runs.add(read(rs));
                }
            }
            return runs;
        }
    }

    private static SweepRun read(ResultSet rs) throws SQLException {
        return new SweepRun(rs.getString("sweep_id"), rs.getString("kommunenummer"), rs.getString("adapter_id"),
                rs.getString("list_id"),
                new Initiator(Initiator.Type.valueOf(rs.getString("initiator_type")), rs.getString("initiator_id")),
                SweepState.valueOf(rs.getString("state")), rs.getLong("patients_total"), rs.getLong("patients_done"),
                rs.getLong("batches"), rs.getLong("hits"), rs.getString("cursor_fnr"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("last_error_message"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"), Sql.instant(rs, "finished_at"), rs.getString("callback_url"),
                SweepRun.CallbackState.valueOf(rs.getString("callback_state")), rs.getInt("callback_attempts"),
                Sql.instant(rs, "callback_next_at"), rs.getString("callback_error"));
    }
}
