package no.kjernebro.audit.internal.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.audit.internal.AuditRecordStore;
import no.kjernebro.audit.internal.AuditSchema;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Throughput of {@code appendAll} in batches of 100 (a Legemiddelvarsling batch), against one append
 * per record. Not a test: run it by hand (see docs/benchmarks.md):
 * <pre>
 * cd bundles/audit
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.kjernebro.audit.internal.bench.AppendAllBenchmark [-Dexec.args="postgres 200"]
 * </pre>
 * Arguments: database ({@code h2}, the default, a file database as Karaf runs it; or {@code postgres},
 * zonky's embedded server) and the number of measured batches (default 200).
 */
public final class AppendAllBenchmark {

    private static final int BATCH = 100;
    private static final int WARM_UP_BATCHES = 30;
    private static final String[] PATIENTS = {"05902823095", "21874614847", "12861550182", "16816932169"};

    private AppendAllBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        if ("postgres".equals(database)) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                run("PostgreSQL (embedded)", postgres.getPostgresDatabase(), batches);
            }
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            Path file = Path.of("target", "bench", "audit-" + UUID.randomUUID()).toAbsolutePath();
            h2.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1");
            run("H2 file database", h2, batches);
        }
    }

    private static void run(String name, DataSource dataSource, int batches) throws Exception {
        AuditSchema.ensure(dataSource);
        AuditRecordStore store = new AuditRecordStore(dataSource);
        for (int b = 0; b < WARM_UP_BATCHES; b++) {
            store.appendAll(batch(b));
            store.append(entry("warm-up", b));
        }

        long started = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            store.appendAll(batch(b));
        }
        double batched = rate(batches * BATCH, System.nanoTime() - started);

        int singles = Math.max(BATCH, batches * BATCH / 10);
        started = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            store.append(entry("single", i));
        }
        double single = rate(singles, System.nanoTime() - started);

        boolean intact = no.kjernebro.audit.internal.BenchSupport.allChainsIntact(dataSource);
        System.out.printf(Locale.ROOT, "%s, JDK %s, %d cores%n", name, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "appendAll, batches of %d: %,.0f records/s (%,d records, %.1f ms per batch)%n",
                BATCH, batched, batches * BATCH, 1000.0 * BATCH / batched);
        System.out.printf(Locale.ROOT, "append, one per call:     %,.0f records/s (%,d records)%n", single, singles);
        System.out.printf(Locale.ROOT, "chain intact after the run: %s%n", intact);
    }

    private static List<AuditEntry> batch(int number) {
        List<AuditEntry> entries = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            entries.add(entry("bench-sweep/" + number, i));
        }
        return entries;
    }

    // The shape core records for each patient of a Legemiddelvarsling batch; synthetic numbers only.
    private static AuditEntry entry(String correlationId, int i) {
        return new AuditEntry(AuditEntry.EventType.SYSTEM_QUERY, Instant.now(), correlationId, "5601", "990560102",
                "hjemmetjeneste-json", "Kjernebro/hjemmetjeneste-json", "SYSTEM", "bench", null, null, null, null,
                PATIENTS[i % PATIENTS.length], Set.of(), Outcome.ALLOWED, "LEGEMIDDELVARSLING",
                "Legemiddelvarsling: harKjernejournal=true, nyLegemiddelinformasjon=false", false);
    }

    private static double rate(int records, long nanos) {
        return records / (nanos / 1e9);
    }
}
