package no.kjernebro.audit.internal;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The store against H2 in a file, as Karaf's default pax-jdbc configuration runs it. */
class H2AuditStoreTest extends AuditStoreContract {

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
