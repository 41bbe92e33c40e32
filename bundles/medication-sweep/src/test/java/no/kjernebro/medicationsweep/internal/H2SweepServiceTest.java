package no.kjernebro.medicationsweep.internal;

import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The sweep service on H2 in a file, as Karaf's default pax-jdbc configuration runs it. */
class H2SweepServiceTest extends SweepServiceContract {

    private static JdbcDataSource h2;

    @BeforeAll
    static void openDatabase() {
        h2 = new JdbcDataSource();
        Path file = Path.of("target", "h2", "sweep-" + UUID.randomUUID()).toAbsolutePath();
        h2.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    protected DataSource dataSource() {
        return h2;
    }
}
