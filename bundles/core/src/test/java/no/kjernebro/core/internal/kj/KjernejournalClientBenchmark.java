package no.kjernebro.core.internal.kj;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.core.internal.tenant.Tenant;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.Test;

/**
 * Measurements for docs/benchmarks.md ("Kjernejournal client"). Prints only, asserts nothing, and is
 * not run by the normal build (the name does not end in Test):
 * {@code mvn -o -q test -Dkjb.target=target-f -Dtest=KjernejournalClientBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class KjernejournalClientBenchmark {

    static {
        // the JDK test server writes headers and body separately; without TCP_NODELAY, Nagle and delayed
        // ACKs add a random 40 ms to some exchanges, which would drown what is measured here
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String[] PATIENTS = {"05902823095", "21874614847", "16816932169", "11837043303",
            "55838510069", "12861550182", "02828814829", "07813132286", "14825014684", "18872738912", "19907012592",
            "08819116866", "10873837670", "04905938687", "27914315277", "19904429018", "04892838815", "22897449793",
            "12855119240", "23843039480", "10898327553", "24885641128"};

    /** One lookup in the simulated day. */
    private record Event(Instant at, Tenant tenant, String fnr, AccessBasis basis, Set<Section> sections) {
    }

    @Test
    void helseindikatorCallsSavedByTicketReuse() throws Exception {
        for (int reuse : new int[] {0, 60, 120, 300}) {
            try (Harness h = Harness.start(Map.of("ticket.reuseSeconds", String.valueOf(reuse)))) {
                h.nhn.answer(Harness.HI, 200, "{\"status\":2,\"ticket\":\"t\"}")
                        .answer(Harness.EVERYTHING, 200, "{\"resourceType\":\"Bundle\",\"entry\":[]}")
                        .answer(Harness.LEGEMIDLER, 200, "{\"legemidler\":[]}");
                List<Event> day = day(new Random(42));
                for (Event e : day) {
                    h.clock.set(e.at());
                    h.client.fetch(new KjernejournalRequest(e.tenant(), NationalIdentityNumber.parse(e.fnr()).orElseThrow(),
                            e.basis(), Samtykker.INGEN, e.sections(), Harness.USER_TOKEN, "SP", "bench", null));
                }
                long calls = h.client.statistics().helseindikatorCalls.get();
                System.out.printf("ticket.reuseSeconds=%d: %d lookups, %d Helseindikator calls, %d saved (%.1f %%)%n",
                        reuse, day.size(), calls, day.size() - calls, 100.0 * (day.size() - calls) / day.size());
            }
        }
    }

    /**
     * A day shift in three municipalities: 1,000 lookups in "sessions". A session is a first lookup of
     * a patient (summary) and, half of the time, follow-ups 30 s to 3 min later (medication list, a
     * colleague checking the same patient). Sessions start at random over 8 hours; 5 % are emergency.
     */
    private static List<Event> day(Random random) {
        Tenant[] tenants = {TestTenants.alta(), TestTenants.lyngenDisabled(),
                new Tenant("5503", "990550301", "Harstad kommune", true, Set.of("sykehjem-xml"), "kjernebro-5503",
                        TestTenants.KEYS.getPrivate(), List.of(), no.kjernebro.core.internal.policy.AccessPolicy.defaults())};
        Instant start = Instant.parse("2026-11-26T06:00:00Z");
        List<Event> events = new ArrayList<>();
        while (events.size() < 1000) {
            Tenant t = tenants[random.nextInt(tenants.length)];
            String fnr = PATIENTS[random.nextInt(PATIENTS.length)];
            AccessBasis basis = random.nextInt(100) < 5 ? AccessBasis.HPAKUTT : AccessBasis.HPMOTTATTSAMTYKKE;
            Instant at = start.plusSeconds(random.nextInt(8 * 3600));
            events.add(new Event(at, t, fnr, basis, EnumSet.allOf(Section.class)));
            double r = random.nextDouble();
            int followUps = r < 0.5 ? 0 : r < 0.8 ? 1 : 2;
            for (int i = 0; i < followUps && events.size() < 1000; i++) {
                at = at.plusSeconds(30 + random.nextInt(150));
                events.add(new Event(at, t, fnr, basis, Set.of(Section.LEGEMIDLER)));
            }
        }
        events.sort((a, b) -> a.at().compareTo(b.at()));
        return events;
    }

    @Test
    void timeToTripAndRecoverTheBreaker() throws Exception {
        try (Harness h = Harness.start(Map.of("ticket.reuseSeconds", "0"))) {
            CircuitBreaker breaker = h.client.resilience().breaker(Upstream.HELSEINDIKATOR);
            h.nhn.answer(Harness.HI, 503, "{}");
            int lookups = 0;
            long t0 = System.nanoTime();
            while (breaker.state() != CircuitBreaker.State.OPEN) {
                lookups++;
                try {
                    h.fetch();
                } catch (KjernejournalException expected) {
                    // the point
                }
            }
            double tripMs = (System.nanoTime() - t0) / 1e6;
            long failFast0 = System.nanoTime();
            int fast = 1000;
            for (int i = 0; i < fast; i++) {
                try {
                    h.fetch();
                } catch (KjernejournalException expected) {
                    // failing fast
                }
            }
            double failFastUs = (System.nanoTime() - failFast0) / 1e3 / fast;
            h.nhn.answer(Harness.HI, 200, "{\"status\":2,\"ticket\":\"t\"}");
            Instant opened = h.clock.instant();
            int seconds = 0;
            while (breaker.state() != CircuitBreaker.State.CLOSED) {
                h.clock.advance(Duration.ofSeconds(1));
                seconds++;
                try {
                    h.fetch();
                } catch (KjernejournalException e) {
                    // still open
                }
            }
            System.out.printf("breaker (defaults: window 10, minimum 5 calls, 50 %%, open 30 s, 2 probes): tripped after %d "
                            + "failed lookups (%.1f ms wall time against instant 503s); then %.1f us per failing-fast lookup; "
                            + "closed %d s (simulated) after opening, with one lookup per second once NHN was back; %d HI calls%n",
                    lookups, tripMs, failFastUs, seconds, h.nhn.seen(Harness.HI).size());
            System.out.printf("  when NHN hangs instead: %d sequential lookups x responseTimeoutMs 5000 = %d s to trip; "
                    + "with 10 concurrent lookups about %d s%n", lookups, lookups * 5, 5);
            System.out.println("  opened at " + opened + ", " + Duration.between(opened, h.clock.instant()));
        }
    }

    @Test
    void overheadOverTheStubsOwnResponseTime() throws Exception {
        try (Harness h = Harness.start(Map.of("ticket.reuseSeconds", "0"))) {
            String hi = Samples.sample("helseindikator.json").toString();
            // the baseline: the same three exchanges over the same transport, without anything Kjernebro adds
            // (resilience, tickets, headers, JSON parsing, mapping)
            JdkHttpTransport raw = new JdkHttpTransport(h.settings);
            String base = h.nhn.baseUrl();
            HttpCall[] calls = {
                    new HttpCall(Upstream.HELSEINDIKATOR, "POST", URI.create(base + Harness.HI),
                            Map.of("Content-Type", "application/json"), "{\"fnr\":\"05902823095\"}"),
                    new HttpCall(Upstream.FHIR, "GET", URI.create(base + Harness.EVERYTHING), Map.of("X-kj-ticket", "t"), null),
                    new HttpCall(Upstream.LEGEMIDLER, "GET", URI.create(base + Harness.LEGEMIDLER + "?ticket=t"), Map.of(), null)};
            int warm = 300;
            int n = 2000;
            long[] stub = new long[n];
            long[] client = new long[n];
            long[] diff = new long[n];
            for (int i = -warm; i < n; i++) {
                long t = System.nanoTime();
                for (HttpCall c : calls) {
                    raw.send(c, Duration.ofSeconds(5), 1 << 22);
                }
                long rawNs = System.nanoTime() - t;
                t = System.nanoTime();
                h.fetch();
                long clientNs = System.nanoTime() - t;
                if (i >= 0) {
                    stub[i] = rawNs;
                    client[i] = clientNs;
                    diff[i] = clientNs - rawNs;
                }
            }
            raw.close();
            Arrays.sort(stub);
            Arrays.sort(client);
            Arrays.sort(diff);
            System.out.printf("three calls (Helseindikator, $everything, Legemiddel), %d lookups after %d warm-up, sample "
                    + "answers (%d B helseindikator):%n", n, warm, hi.length());
            System.out.printf("  stub alone (same transport):   median %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                    ms(stub, 0.5), ms(stub, 0.9), ms(stub, 0.99));
            System.out.printf("  Kjernebro client fetch:        median %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                    ms(client, 0.5), ms(client, 0.9), ms(client, 0.99));
            System.out.printf("  overhead, paired per lookup (client minus stub alone): median %.2f ms, p10 %.2f ms, "
                    + "p90 %.2f ms%n", ms(diff, 0.5), ms(diff, 0.1), ms(diff, 0.9));
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }
}
