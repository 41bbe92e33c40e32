package no.kjernebro.medicationsweep.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.sweep.PatientListReceipt;
import no.kjernebro.api.sweep.SweepCaller;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.sweep.SweepStatus;
import no.kjernebro.api.varsling.Legemiddelvarsling;
import no.kjernebro.simulator.internal.Simulator;
import no.kjernebro.simulator.internal.SimulatorSettings;
import no.kjernebro.simulator.internal.dataset.DatasetLoader;
import no.kjernebro.simulator.internal.jwt.Pem;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Memory and throughput of the sweep for a large list (not a test; run by hand):
 *
 * <pre>
 * cd bundles/medication-sweep &amp;&amp; mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx128m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     no.kjernebro.medicationsweep.internal.SweepBenchmark fake 350000
 * ... SweepBenchmark simulator 350000
 * </pre>
 *
 * "fake": Legemiddelvarsling in memory (the sweep's own cost: H2 file, batches of 100). "simulator":
 * the NHN simulator in this JVM over real HTTP with HelseID system tokens. Heap is sampled every 100 ms
 * ({@link Heap}); the heap retained after a GC at the end of each phase is printed too.
 */
public final class SweepBenchmark {

    private SweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "fake";
        int patients = args.length > 1 ? Integer.parseInt(args[1]) : 350_000;
        // H2's page cache (default 64 MB) counts as heap too; a third argument caps it, in KB
        String cache = args.length > 2 ? ";CACHE_SIZE=" + Integer.parseInt(args[2]) : "";
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("sweep-" + System.nanoTime()) + ";DB_CLOSE_DELAY=-1" + cache);

        Simulator simulator = null;
        Legemiddelvarsling varsling;
        if (mode.equals("simulator")) {
            Path clients = Files.createTempDirectory("helseid-clients");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair key = generator.generateKeyPair();
            Files.writeString(clients.resolve("kjernebro-5601.pem"), Pem.of(key.getPublic()));
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            SimulatorSettings settings = new SimulatorSettings("127.0.0.1", port, "", clients, "http://localhost:" + port,
                    Duration.ofSeconds(600), SimulatorSettings.Varsling.DEFAULTS);
            simulator = new Simulator(settings, DatasetLoader.loadDefault(), Clock.systemUTC());
            simulator.start();
            varsling = new SimulatorVarsling("http://127.0.0.1:" + port, settings.tokenEndpoint(), "kjernebro-5601",
                    key.getPrivate(), "990560102");
        } else {
            FakeVarsling fake = new FakeVarsling(100);
            fake.record = false;
            varsling = fake;
            fake.nyLegemiddelinformasjon = (fnr, sist) -> fnr.hashCode() % 20 == 0;
        }

        AuditLog audit = new AuditLog() {
            private final AtomicLong n = new AtomicLong();

            @Override
            public AuditReceipt append(AuditEntry entry) {
                long seq = n.incrementAndGet();
                return new AuditReceipt("bench-" + seq, seq, "0".repeat(64));
            }
        };
        MedicationSweepService service = new MedicationSweepService(h2, new FakeAuthentication(), varsling, audit,
                new SweepSettings(2, 1_000_000, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 20), 5,
                        Duration.ofSeconds(5), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 3)),
                Clock.systemUTC(), (url, type, body) -> 204);
        SweepCaller alta = new SweepCaller(new CallerCredential(CallerCredential.Scheme.API_KEY, "demo-alta-5601"), "5601",
                "hjemmetjeneste-json", "benchmark");

        System.out.printf(Locale.ROOT, "mode=%s patients=%d maxHeap=%d MB h2=%s java=%s%n", mode, patients,
                Runtime.getRuntime().maxMemory() >> 20, cache.isEmpty() ? "default cache" : cache.substring(1),
                System.getProperty("java.version"));
        Heap heap = new Heap();

        heap.reset();
        long t0 = System.nanoTime();
        PatientListReceipt receipt = service.replacePatientList(alta, new SyntheticNumbers(patients));
        report("register list", receipt.patients(), t0, heap);

        for (int round = 1; round <= 2; round++) {
            heap.reset();
            long t1 = System.nanoTime();
            SweepStatus status = service.start(alta, null);
            while (status.state() == SweepState.RUNNING) {
                Thread.sleep(100);
                status = service.status(alta, status.sweepId());
            }
            report("sweep " + round + " (" + status.state() + ", " + status.batches() + " batches, "
                    + status.patientsWithNewMedication() + " with news)", status.patientsDone(), t1, heap);
        }
        service.deactivate();
        heap.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    private static void report(String phase, long patients, long startNanos, Heap heap) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String peaks = heap.peaks();
        System.gc();
        long retained = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf(Locale.ROOT, "%-62s %7d patients %6.1f s %7.0f patients/s  %s, after GC %3d MB%n",
                phase, patients, seconds, patients / seconds, peaks, retained);
    }

    /**
     * Samples the heap every 100 ms: the highest used heap (garbage included: it shows how far the heap
     * grew) and the highest live heap, i.e. what the heap pools held after their latest collection.
     */
    private static final class Heap implements AutoCloseable {
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        private final AtomicLong used = new AtomicLong();
        private final AtomicLong live = new AtomicLong();

        Heap() {
            sampler.scheduleAtFixedRate(() -> {
                used.accumulateAndGet(used(), Math::max);
                live.accumulateAndGet(afterLastGc(), Math::max);
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        void reset() {
            System.gc();
            used.set(used());
            live.set(afterLastGc());
        }

        String peaks() {
            return String.format(Locale.ROOT, "heap used max %4d MB, live max %4d MB", used.get() >> 20, live.get() >> 20);
        }

        private static long used() {
            return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        }

        private static long afterLastGc() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getCollectionUsage).filter(u -> u != null)
                    .mapToLong(u -> u.getUsed()).sum();
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }
}
