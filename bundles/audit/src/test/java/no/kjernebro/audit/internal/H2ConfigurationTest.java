package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** What the components do with their configuration and with an H2 database left at its defaults. */
class H2ConfigurationTest {

    @Test
    void theLogMakesH2WriteEachCommitThroughWhenTheUrlDoesNotSaySo() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + Path.of("target", "h2", "defaults-" + UUID.randomUUID()).toAbsolutePath()
                + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        assertThat(writeDelay(h2)).isEqualTo("500");

        JdbcAuditLog log = new JdbcAuditLog(h2);
        log.activate(TestAuditConfiguration.noForwarding());
        log.deactivate();

        assertThat(writeDelay(h2)).isEqualTo("0");
    }

    @Test
    void theTrailSignsWithTheConfiguredKeyAndWithoutOneSignsNothing() throws Exception {
        JdbcDataSource h2 = TestH2.fileDatabase();
        JdbcAuditLog log = new JdbcAuditLog(h2);
        log.activate(TestAuditConfiguration.noForwarding());
        log.append(TestEntries.lookup());
        log.deactivate();
        AuditTrailService trail = new AuditTrailService();
        setDataSource(trail, h2);

        trail.activate(TestAuditConfiguration.noForwarding().checkpointKey(TestKeys.file("checkpoint-ec.pem"), "demo-1"));
        assertThat(trail.checkpoint("5601").keyId()).isEqualTo("demo-1");
        trail.deactivate();

        trail.activate(TestAuditConfiguration.noForwarding().checkpointKey("/nonexistent/key.pem", "demo-2"));
        assertThatThrownBy(() -> trail.checkpoint("5601")).isInstanceOf(IllegalStateException.class);
        // the earlier key's checkpoints can no longer be checked: it is neither configured nor trusted
        assertThat(trail.verify("5601").detail()).contains("demo-1");
        trail.deactivate();
    }

    private static void setDataSource(AuditTrailService trail, javax.sql.DataSource dataSource) throws Exception {
        var field = AuditTrailService.class.getDeclaredField("dataSource");
        field.setAccessible(true);
        field.set(trail, dataSource);
    }

    private static String writeDelay(JdbcDataSource h2) throws Exception {
        try (Connection con = h2.getConnection(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
