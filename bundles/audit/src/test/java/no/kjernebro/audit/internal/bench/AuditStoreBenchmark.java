package no.kjernebro.audit.internal.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.audit.internal.AuditRecordStore;
import no.kjernebro.audit.internal.AuditSchema;
import no.kjernebro.audit.internal.BenchSupport;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The audit store with durability on: records per second through {@link AuditLog#append} from one
 * thread and from 16 (grouped commits), the time to verify a chain of N records, and bytes per
 * record on disk. Not a test: run it by hand (see docs/benchmarks.md, section "Audit store"):
 * <pre>
 * cd bundles/audit
 * mvn -o -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.kjernebro.audit.internal.bench.AuditStoreBenchmark -Dexec.args="h2 1000000"
 * </pre>
 * Arguments: {@code h2} (a file database, WRITE_DELAY=0) or {@code postgres} (zonky's embedded
 * server, with fsync, synchronous_commit and full_page_writes switched back on), and the chain
 * length for the verify run (default 1,000,000). Connections come from a small pool, as in Karaf.
 */
public final class AuditStoreBenchmark {

    private static final int SINGLE = 2_000;
    private static final int THREADS = 16;
    private static final int PER_THREAD = 500;
    private static final int FILL_BATCH = 1_000;
    private static final String[] PATIENTS = {"05902823095", "21874614847", "12861550182", "16816932169"};

    private AuditStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int chainLength = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, load average %.1f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if ("postgres".equals(database)) {
            // zonky switches durability off for speed; the benchmark measures it on, as production runs
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start()) {
                DataSource ds = new SimplePool(postgres.getPostgresDatabase());
                System.out.println("PostgreSQL (embedded), " + setting(ds, "SHOW server_version") + ", fsync="
                        + setting(ds, "SHOW fsync") + ", synchronous_commit=" + setting(ds, "SHOW synchronous_commit"));
                run(ds, chainLength, () -> {
                    long bytes = Long.parseLong(setting(ds, "SELECT pg_total_relation_size('kjb_audit_record')"));
                    long outbox = Long.parseLong(setting(ds, "SELECT pg_total_relation_size('kjb_audit_outbox')"));
                    return new long[] {bytes, bytes + outbox, 0};
                });
            }
        } else {
            Path dir = Path.of("target", "bench").toAbsolutePath();
            Files.createDirectories(dir);
            Path file = dir.resolve("audit-" + UUID.randomUUID());
            JdbcDataSource raw = new JdbcDataSource();
            raw.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
            raw.setUser("sa");
            DataSource h2 = new SimplePool(raw);
            System.out.println("H2 " + setting(h2, "SELECT H2VERSION()") + " file database, WRITE_DELAY="
                    + setting(h2, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"));
            run(h2, chainLength, () -> {
                Path db = Path.of(file + ".mv.db");
                execute(raw, "CHECKPOINT");
                long withOutbox = Files.size(db);
                execute(raw, "DELETE FROM kjb_audit_outbox");
                execute(raw, "SHUTDOWN COMPACT");
                return new long[] {Files.size(db), withOutbox};
            });
        }
    }

    /** Bytes the records take, and bytes including the outbox, after the run. */
    private interface Size {
        long[] measure() throws Exception;
    }

    private static void run(DataSource ds, int chainLength, Size size) throws Exception {
        AuditLog log = BenchSupport.startLog(ds);
        for (int i = 0; i < 500; i++) {
            log.append(entry("5503", "warm-up", i)); // warm-up, another chain
        }

        long started = System.nanoTime();
        for (int i = 0; i < SINGLE; i++) {
            log.append(entry("5536", "single", i));
        }
        double single = rate(SINGLE, System.nanoTime() - started);
        System.out.printf(Locale.ROOT, "append, 1 thread:   %,8.0f records/s (%,d records, %.2f ms each)%n",
                single, SINGLE, 1000.0 / single);

        long groupsBefore = BenchSupport.groups(log);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            String tenant = t % 2 == 0 ? "5536" : "5503";
            int thread = t;
            workers.add(pool.submit(() -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    log.append(entry(tenant, "t" + thread, i));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.MINUTES);
        }
        double concurrent = rate(THREADS * PER_THREAD, System.nanoTime() - started);
        pool.shutdown();
        long groups = BenchSupport.groups(log) - groupsBefore;
        System.out.printf(Locale.ROOT, "append, %d threads: %,8.0f records/s (%,d records in %,d commits, %.1f per commit)%n",
                THREADS, concurrent, THREADS * PER_THREAD, groups, THREADS * PER_THREAD / (double) groups);
        BenchSupport.stop(log);

        // a long chain, filled in large transactions (the fill is not what is measured)
        AuditRecordStore store = new AuditRecordStore(ds);
        AuditSchema.migrate(ds);
        long filled = System.nanoTime();
        for (int done = 0; done < chainLength; done += FILL_BATCH) {
            List<AuditEntry> batch = new ArrayList<>(FILL_BATCH);
            for (int i = 0; i < Math.min(FILL_BATCH, chainLength - done); i++) {
                batch.add(entry("5601", "fill-" + (done / FILL_BATCH), i));
            }
            store.appendAll(batch);
        }
        System.out.printf(Locale.ROOT, "filled chain 5601 with %,d records in %.0f s (appendAll, %,d per transaction)%n",
                chainLength, (System.nanoTime() - filled) / 1e9, FILL_BATCH);

        for (String run : new String[] {"first run", "second run"}) {
            started = System.nanoTime();
            ChainVerification verification = BenchSupport.verify(ds, "5601");
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "verify chain 5601 (%s): %,d records in %.1f s (%,.0f records/s), intact=%s%n",
                    run, verification.recordsChecked(), seconds, verification.recordsChecked() / seconds,
                    verification.intact());
        }

        long records = Long.parseLong(setting(ds, "SELECT COUNT(*) FROM kjb_audit_record"));
        long[] bytes = size.measure();
        System.out.printf(Locale.ROOT, "on disk, %,d records: %s%n", records, describe(bytes, records));
    }

    private static String describe(long[] bytes, long records) {
        return String.format(Locale.ROOT, "%,d bytes = %.0f bytes per record; %,d bytes = %.0f per record with %s",
                bytes[0], bytes[0] / (double) records, bytes[1], bytes[1] / (double) records,
                bytes.length > 2 ? "the outbox table" : "outbox rows pending, before compaction");
    }

    // A nursing-home lookup as core records it, with unit, patient name and purpose; synthetic numbers only.
    private static AuditEntry entry(String tenant, String correlation, int i) {
        return new AuditEntry(AuditEntry.EventType.PATIENT_LOOKUP, Instant.now(), correlation + "-" + i, tenant,
                "990560102", "sykehjem-xml", "TestEPJ 4.2", "HPR", "91000" + (i % 50), "Siv Testsykepleier", "SP",
                "SYKEHJEM_LANGTID", "HPMOTTATTSAMTYKKE", PATIENTS[i % PATIENTS.length],
                Set.of(Section.PERSONALIA, Section.LEGEMIDLER, Section.KRITISK_INFORMASJON), Outcome.ALLOWED, null,
                null, false, "Avdeling 2 øst", "Kari Testpasient", null);
    }

    private static double rate(int records, long nanos) {
        return records / (nanos / 1e9);
    }

    private static String setting(DataSource ds, String sql) throws Exception {
        try (Connection con = ds.getConnection(); Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource ds, String sql) throws Exception {
        try (Connection con = ds.getConnection(); Statement st = con.createStatement()) {
            st.execute(sql);
        }
    }
}
