package no.kjernebro.audit.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.kjernebro.api.audit.AuditReceipt;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The child process of {@link H2CrashDurabilityTest}: appends from several threads as fast as it
 * can and prints each receipt the moment append returns, until it is killed. A receipt on stdout
 * is what a caller would have acted on (data sent to the EPJ), so it must survive the kill.
 * <p>
 * Arguments: the JDBC URL, then optionally SQL to run first (to simulate a misconfigured database).
 */
public final class CrashAppender {

    private CrashAppender() {
    }

    public static void main(String[] args) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(args[0]);
        h2.setUser("sa");
        JdbcAuditLog log = new JdbcAuditLog(h2);
        log.activate(TestAuditConfiguration.noForwarding());
        if (args.length > 1) {
            try (var con = h2.getConnection(); var st = con.createStatement()) {
                st.execute(args[1]);
            }
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String[] tenants = {"5601", "5503", "5536", null};
        for (int t = 0; t < 8; t++) {
            String tenant = tenants[t % tenants.length];
            pool.submit(() -> {
                while (true) {
                    AuditReceipt r = log.append(TestEntries.inTenant(tenant));
                    synchronized (out) {
                        out.println("RECEIPT " + r.reference() + " " + r.hash());
                        out.flush();
                    }
                }
            });
        }
        Thread.currentThread().join();
    }
}
