package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One schema version: the steps that take the schema from the version before to this one. Every
 * step must be safe to run again (IF NOT EXISTS, guarded updates): H2 commits each DDL statement on
 * its own, so a migration interrupted half-way is finished by running it again from the start.
 */
record Migration(int version, String description, List<Step> steps) {

    /** One idempotent piece of a migration. */
    @FunctionalInterface
    interface Step {
        void apply(Connection con, Dialect dialect) throws SQLException;
    }

    /** Statements both databases run unchanged. */
    static Step sql(String... statements) {
        return (con, dialect) -> execute(con, statements);
    }

    /** Statements only PostgreSQL runs (triggers and functions H2 cannot express in SQL). */
    static Step postgresOnly(String... statements) {
        return (con, dialect) -> {
            if (dialect == Dialect.POSTGRESQL) {
                execute(con, statements);
            }
        };
    }

    private static void execute(Connection con, String... statements) throws SQLException {
        try (Statement st = con.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
