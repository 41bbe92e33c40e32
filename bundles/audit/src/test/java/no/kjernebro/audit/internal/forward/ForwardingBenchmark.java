package no.kjernebro.audit.internal.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import no.kjernebro.audit.internal.BalpTestRecords;

/**
 * Measures forwarding (not a test): throughput from an H2 outbox to a local HTTP receiver, and the
 * time a backlog built up during a receiver outage takes to drain once it answers again. Run with
 * {@code mvn -o -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=no.kjernebro.audit.internal.forward.ForwardingBenchmark} (docs/benchmarks.md).
 *
 * <p>Arguments: {@code records} (20000), {@code outageRecords} (10000), {@code outageSeconds} (30),
 * {@code latencyMs} (0, receiver delay per POST). {@code outageRecords} 0 skips the outage runs.
 */
public final class ForwardingBenchmark {

    private ForwardingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int outageRecords = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int outageSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long latency = args.length > 3 ? Long.parseLong(args[3]) : 0;
        Path dir = Files.createTempDirectory("kjb-forward-bench");
        System.out.printf("Java %s, %d cpus, receiver latency %d ms%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), latency);
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.latency(latency);
            throughput(dir, receiver, records, 100, 1);
            throughput(dir, receiver, records, 100, 4);
            throughput(dir, receiver, records, 500, 8);
            if (outageRecords > 0) {
                outage(dir, receiver, outageRecords, outageSeconds, Duration.ofMinutes(5));
                outage(dir, receiver, outageRecords, outageSeconds, Duration.ofSeconds(10));
            }
        }
    }

    private static void throughput(Path dir, TestReceiver receiver, int records, int batch, int concurrency)
            throws Exception {
        ForwardTestDatabase db = filled(dir, records);
        ForwardSettings settings = settings(receiver, batch, concurrency, Duration.ofMinutes(5));
        AuditForwarder forwarder = new AuditForwarder(new AuditOutbox(db.dataSource), new ObjectMapper(), settings,
                Clock.systemUTC());
        long start = System.nanoTime();
        int delivered = forwarder.drain();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("throughput: batch %d, concurrency %d: %d records in %.2f s = %.0f records/s (left %d)%n",
                batch, concurrency, delivered, seconds, delivered / seconds, db.outboxSize());
    }

    /**
     * The component forwards in the background while the receiver answers 503 for {@code seconds};
     * the backlog is committed at the start of the outage. Reports how long after the receiver came
     * back the outbox was empty, split into the wait for the next probe and the transfer.
     */
    private static void outage(Path dir, TestReceiver receiver, int records, int seconds, Duration maxBackoff)
            throws Exception {
        ForwardTestDatabase db = new ForwardTestDatabase(dir, Clock.systemUTC());
        AuditForwarding component = new AuditForwarding(db.dataSource, Clock.systemUTC());
        receiver.answer(503);
        component.start(settings(receiver, 100, 4, maxBackoff));
        try {
            appendInBatches(db, records);
            Thread.sleep(seconds * 1000L);
            long deliveredBefore = component.status().delivered();
            receiver.answer(201);
            long back = System.nanoTime();
            long firstDelivery = 0;
            while (component.status().backlog() > 0) {
                if (firstDelivery == 0 && component.status().delivered() > deliveredBefore) {
                    firstDelivery = System.nanoTime();
                }
                Thread.sleep(20);
            }
            long done = System.nanoTime();
            if (firstDelivery == 0) {
                firstDelivery = done;
            }
            System.out.printf("outage: %d records, %d s outage, retry max %d s: empty %.1f s after recovery"
                            + " (%.1f s until the first delivery, %.1f s transfer)%n",
                    records, seconds, maxBackoff.toSeconds(), (done - back) / 1e9, (firstDelivery - back) / 1e9,
                    (done - firstDelivery) / 1e9);
        } finally {
            component.stopLoop();
        }
    }

    private static ForwardSettings settings(TestReceiver receiver, int batch, int concurrency, Duration maxBackoff) {
        return new ForwardSettings(true, receiver.url(), Duration.ofSeconds(2), batch, concurrency,
                Duration.ofSeconds(5), Optional.empty(), new Backoff(Duration.ofSeconds(2), maxBackoff, 0.2),
                "kjernebro-bench");
    }

    private static ForwardTestDatabase filled(Path dir, int records) throws Exception {
        ForwardTestDatabase db = new ForwardTestDatabase(dir, Clock.systemUTC());
        appendInBatches(db, records);
        return db;
    }

    private static void appendInBatches(ForwardTestDatabase db, int records) throws Exception {
        for (int done = 0; done < records; done += 1000) {
            db.append(BalpTestRecords.allowed(), Math.min(1000, records - done));
        }
    }
}
