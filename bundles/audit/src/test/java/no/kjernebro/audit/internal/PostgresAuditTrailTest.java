package no.kjernebro.audit.internal;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

class PostgresAuditTrailTest extends AuditTrailContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.server().getPostgresDatabase();
    }

    @Override
    protected void bypassTriggers(Statement st) throws SQLException {
        st.execute("SET session_replication_role = replica");
    }
}
