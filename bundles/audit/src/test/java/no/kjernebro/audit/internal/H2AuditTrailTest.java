package no.kjernebro.audit.internal;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

class H2AuditTrailTest extends AuditTrailContract {

    private static DataSource h2;

    @BeforeAll
    static void openDatabase() {
        h2 = TestH2.fileDatabase();
    }

    @Override
    protected DataSource dataSource() {
        return h2;
    }
}
