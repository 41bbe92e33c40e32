package no.kjernebro.audit.internal;

import java.io.IOException;
import javax.sql.DataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store against a real PostgreSQL server (zonky's embedded binaries, pinned to 15 in the root
 * pom). As root it runs the server under {@code unshare -U}, since PostgreSQL refuses root.
 */
class PostgresAuditStoreTest extends AuditStoreContract {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }
}
