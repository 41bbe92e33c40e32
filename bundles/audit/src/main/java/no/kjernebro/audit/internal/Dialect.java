package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** The two databases the audit store runs on; everything else is refused at start. */
enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect of(Connection con) throws SQLException {
        String product = con.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        throw new SQLException("the audit store supports H2 and PostgreSQL, not " + product, "0A000");
    }
}
