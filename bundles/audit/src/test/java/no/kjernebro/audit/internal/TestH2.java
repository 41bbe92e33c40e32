package no.kjernebro.audit.internal;

import java.nio.file.Path;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** H2 file databases as Karaf runs the default one (see docs/audit-store.md for the URL options). */
final class TestH2 {

    /** The options the audit DataSource's URL must carry. */
    static final String OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    private TestH2() {
    }

    static JdbcDataSource fileDatabase() {
        return at(Path.of(System.getProperty("kjb.test.dir", "target"), "h2", "audit-" + UUID.randomUUID()));
    }

    static JdbcDataSource at(Path file) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + file.toAbsolutePath() + OPTIONS + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
