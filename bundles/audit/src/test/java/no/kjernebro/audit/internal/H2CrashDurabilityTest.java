package no.kjernebro.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.StoredAuditRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * kill -9 between commit and answer loses no record: a child JVM appends and prints receipts, is
 * killed with SIGKILL mid-stream, and every receipt it printed is then found in the database, with
 * every chain intact. The child uses the demo distribution's JDBC URL as it is, without
 * WRITE_DELAY=0, so this also shows that the store makes H2 write commits through by itself
 * (DB_CLOSE_DELAY=-1 stands in for the connection pool, which keeps the database open).
 */
class H2CrashDurabilityTest {

    private static final int RECEIPTS_BEFORE_KILL = 400;

    @Test
    void everyReceiptPrintedBeforeSigkillIsInTheDatabase() throws Exception {
        Path file = Path.of("target", "h2", "crash-" + UUID.randomUUID()).toAbsolutePath();
        String url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                CrashAppender.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<String, String> printed = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (printed.size() < RECEIPTS_BEFORE_KILL && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("RECEIPT")) {
                    printed.put(parts[1], parts[2]);
                }
            }
            // SIGKILL: no shutdown hooks, no H2 close. Through the handle, which (unlike Process)
            // leaves the pipe open, so the lines the child wrote before dying can still be read.
            child.toHandle().destroyForcibly();
            // lines already in the pipe were printed before the kill: they count too
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("RECEIPT")) {
                    printed.put(parts[1], parts[2]);
                }
            }
        }
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(printed).hasSizeGreaterThanOrEqualTo(RECEIPTS_BEFORE_KILL);

        JdbcDataSource reopened = new JdbcDataSource();
        reopened.setURL(url);
        reopened.setUser("sa");
        AuditTrailService trail = new AuditTrailService(reopened, java.time.Clock.systemUTC());
        trail.useKeys(TestKeys.none());
        for (Map.Entry<String, String> receipt : printed.entrySet()) {
            StoredAuditRecord stored = trail.find(receipt.getKey()).orElse(null);
            assertThat(stored).as("record %s, printed before the kill", receipt.getKey()).isNotNull();
            assertThat(stored.hash()).isEqualTo(receipt.getValue());
        }
        for (String chain : trail.chains()) {
            ChainVerification result = trail.verify(chain);
            assertThat(result.intact()).as(result.detail()).isTrue();
        }
        try (var con = reopened.getConnection(); var st = con.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }
}
