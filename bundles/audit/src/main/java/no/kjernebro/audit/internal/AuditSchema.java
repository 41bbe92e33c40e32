package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the audit schema to {@link #VERSION} by applying the {@link AuditMigrations} it has not
 * seen, in order, recording each in {@code kjb_audit_schema_version}. The SQL is the subset H2 2.2
 * and PostgreSQL 15 share, except steps marked PostgreSQL-only.
 * <p>
 * Several nodes may start at once. On PostgreSQL a transaction-scoped advisory lock serializes
 * them and each migration is one transaction (PostgreSQL's DDL is transactional). H2 commits every
 * DDL statement by itself, so there a JVM lock serializes starts, steps are idempotent, and a node
 * that loses a race (duplicate version row) retries and finds the work done.
 */
public final class AuditSchema {

    /** The version this build migrates to. */
    public static final int VERSION = 2;

    /** Column widths, in characters; {@link AuditRecord} cuts text to them before hashing. */
    static final int CODE = 64;
    static final int ID = 128;
    static final int NAME = 256;
    static final int REASON = 1000;
    static final int SECTIONS = 512;
    static final int LAST_ERROR = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AuditSchema.class);
    private static final long ADVISORY_LOCK = 0x6b6a622d61756469L; // "kjb-audi"
    private static final ReentrantLock LOCAL = new ReentrantLock();
    private static final int ATTEMPTS = 5;

    private AuditSchema() {
    }

    /** The same as {@link #migrate}; kept for callers of schema version 1. */
    public static int ensure(DataSource dataSource) throws SQLException {
        return migrate(dataSource);
    }

    /**
     * Applies the missing migrations and returns the version the schema is at.
     *
     * @throws SQLException when the database is unreachable, a migration fails every attempt, or the
     *         schema is newer than this build knows
     */
    public static int migrate(DataSource dataSource) throws SQLException {
        return migrate(dataSource, AuditMigrations.ALL);
    }

    static int migrate(DataSource dataSource, List<Migration> migrations) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return migrateOnce(dataSource, migrations);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || isNewerSchema(e) || isConnectionFailure(e)) {
                    throw e;
                }
                LOG.info("Audit schema migration attempt {} failed ({}); another node may be migrating, retrying",
                        attempt, LogSafe.describe(e));
                pause(attempt);
            }
        }
    }

    private static int migrateOnce(DataSource dataSource, List<Migration> migrations) throws SQLException {
        LOCAL.lock();
        try (Connection con = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(con);
            int latest = migrations.get(migrations.size() - 1).version();
            // An up-to-date schema needs no DDL, so an application role without CREATE can start.
            int found = probeVersion(con);
            if (found == latest) {
                return found;
            }
            if (found > latest) {
                throw newer(found, latest);
            }
            con.setAutoCommit(false);
            try {
                createVersionTable(con);
                con.commit();
                for (Migration migration : migrations) {
                    lock(con, dialect);
                    int current = currentVersion(con);
                    if (current > latest) {
                        throw newer(current, latest);
                    }
                    if (migration.version() <= current) {
                        con.commit();
                        continue;
                    }
                    for (Migration.Step step : migration.steps()) {
                        step.apply(con, dialect);
                    }
                    recordVersion(con, migration.version());
                    con.commit();
                    LOG.info("Audit schema migrated to version {}: {}", migration.version(), migration.description());
                }
                int migrated = currentVersion(con);
                con.commit();
                return migrated;
            } catch (SQLException | RuntimeException e) {
                try {
                    con.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        } finally {
            LOCAL.unlock();
        }
    }

    /** The recorded version, or -1 when the version table is missing (or unreadable). */
    private static int probeVersion(Connection con) throws SQLException {
        con.setAutoCommit(true);
        try {
            return currentVersion(con);
        } catch (SQLException missing) {
            if (isConnectionFailure(missing)) {
                throw missing;
            }
            return -1;
        }
    }

    private static void createVersionTable(Connection con) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS kjb_audit_schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
    }

    private static void lock(Connection con, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = con.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, ADVISORY_LOCK);
                ps.execute();
            }
        }
    }

    /** The highest version recorded, 0 for an empty database. */
    static int currentVersion(Connection con) throws SQLException {
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(version) FROM kjb_audit_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void recordVersion(Connection con, int version) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "INSERT INTO kjb_audit_schema_version (version, applied_at) VALUES (?, ?)")) {
            ps.setInt(1, version);
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static SQLException newer(int found, int latest) {
        return new SQLException("the audit schema is at version " + found + ", newer than this build knows ("
                + latest + "); refusing to write to it", "KJB03");
    }

    private static boolean isNewerSchema(SQLException e) {
        return "KJB03".equals(e.getSQLState());
    }

    static boolean isConnectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
