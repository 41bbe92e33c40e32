package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.PurgeReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL as production runs it: docs/sql/postgres-audit-roles.sql, the schema created by the
 * owner role, Kjernebro connected as the application role. The application role may only append
 * and read; the trigger refuses changes even to the owner; the purge function is the way out.
 */
class PostgresRolesTest {

    private static final String DATABASE = "kjb_roles_test";
    private static DataSource superuser;
    private static DataSource owner;
    private static DataSource app;

    @BeforeAll
    static void setUpRolesAndSchema() throws Exception {
        EmbeddedPostgres server = TestPostgres.server();
        try (Connection con = server.getPostgresDatabase().getConnection(); Statement st = con.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            st.execute("CREATE DATABASE " + DATABASE);
        }
        superuser = server.getDatabase("postgres", DATABASE);
        runRolesScript();
        owner = server.getDatabase("kjb_audit_owner", DATABASE);
        app = server.getDatabase("kjb_audit_app", DATABASE);
        assertThat(AuditSchema.migrate(owner)).isEqualTo(AuditSchema.VERSION);
        runRolesScript();
    }

    private static void runRolesScript() throws Exception {
        Path script = Path.of("..", "..", "docs", "sql", "postgres-audit-roles.sql");
        try (Connection con = superuser.getConnection(); Statement st = con.createStatement()) {
            st.execute(Files.readString(script));
        }
    }

    @Test
    void theApplicationRoleAppendsReadsVerifiesAndCheckpoints() throws Exception {
        JdbcAuditLog log = new JdbcAuditLog(app);
        log.activate(TestAuditConfiguration.noForwarding());
        try {
            AuditReceipt receipt = log.append(TestEntries.inTenant("5536"));
            AuditTrailService trail = new AuditTrailService(app, java.time.Clock.systemUTC());
            trail.useKeys(TestKeys.ec());

            assertThat(trail.find(receipt.reference())).isPresent();
            assertThat(trail.checkpoint("5536").headHash()).isEqualTo(receipt.hash());
            assertThat(trail.verify("5536").intact()).isTrue();
            assertThat(schemaOf("kjb_audit_record")).isEqualTo("kjernebro_audit");
        } finally {
            log.deactivate();
        }
    }

    @Test
    void theApplicationRoleMayNotUpdateDeleteOrTruncate() throws Exception {
        appendAsApp("5503");
        for (String sql : new String[] {"UPDATE kjb_audit_record SET actor_id = 'x'", "DELETE FROM kjb_audit_record",
            "TRUNCATE kjb_audit_record", "UPDATE kjb_audit_checkpoint SET key_id = 'x'",
            "DELETE FROM kjb_audit_checkpoint", "DROP TABLE kjb_audit_record"}) {
            assertThatThrownBy(() -> execute(app, sql)).as(sql).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501"));
        }
        // even with the purge switch the trigger honours, DELETE needs a privilege the role lacks
        assertThatThrownBy(() -> execute(app, "SELECT set_config('kjb.audit_purge', '5503:1', false);"
                + " DELETE FROM kjb_audit_record WHERE chain = '5503'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void theTriggerRefusesChangesEvenToTheOwner() throws Exception {
        appendAsApp("5601");
        for (String sql : new String[] {"UPDATE kjb_audit_record SET actor_id = 'x'", "DELETE FROM kjb_audit_record",
            "TRUNCATE kjb_audit_record CASCADE", "DELETE FROM kjb_audit_checkpoint",
            "UPDATE kjb_audit_checkpoint SET key_id = 'x'"}) {
            assertThatThrownBy(() -> execute(owner, sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("KJB01"));
        }
        // the switch only opens a checkpointed prefix
        assertThatThrownBy(() -> execute(owner, "SELECT set_config('kjb.audit_purge', '5601:999999', false);"
                + " DELETE FROM kjb_audit_outbox; DELETE FROM kjb_audit_record WHERE chain = '5601'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(app, "SELECT kjb_audit_purge('5601', 999999)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("no checkpoint");
    }

    @Test
    void theRetentionPurgeRunsAsTheApplicationRole() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
        JdbcAuditLog log = new JdbcAuditLog(app);
        log.activate(TestAuditConfiguration.noForwarding());
        try {
            AuditTrailService trail = new AuditTrailService(app, clock);
            trail.useKeys(TestKeys.ec());
            for (int i = 0; i < 3; i++) {
                log.append(TestEntries.inTenant("5512"));
            }
            trail.checkpoint("5512");
            clock.advance(Duration.ofDays(4000));

            PurgeReport report = trail.purgeExpired("5512", "karaf");

            assertThat(report.removed()).isEqualTo(3);
            assertThat(trail.verify("5512").intact()).isTrue();
            assertThat(trail.verify("5512").fromChainSeq()).isEqualTo(4);
        } finally {
            log.deactivate();
        }
    }

    private static void appendAsApp(String tenant) throws Exception {
        JdbcAuditLog log = new JdbcAuditLog(app);
        log.activate(TestAuditConfiguration.noForwarding());
        try {
            log.append(TestEntries.inTenant(tenant));
        } finally {
            log.deactivate();
        }
    }

    private static void execute(DataSource as, String sql) throws SQLException {
        try (Connection con = as.getConnection(); Statement st = con.createStatement()) {
            st.execute(sql);
        }
    }

    private static String schemaOf(String table) throws SQLException {
        try (Connection con = superuser.getConnection(); Statement st = con.createStatement();
             var rs = st.executeQuery("SELECT table_schema FROM information_schema.tables WHERE table_name = '"
                     + table + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
