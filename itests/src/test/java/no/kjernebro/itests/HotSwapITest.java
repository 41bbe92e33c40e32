package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.sql.DataSource;
import no.kjernebro.api.lookup.LookupService;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Issue 3's hot-swap scenario under load. Two clients each of three adapters send requests without
 * pause while the nursing-home adapter bundle is (a) updated to a new version, (b) uninstalled and
 * (c) installed again. The other adapters' clients must see no failure at all; the swapped adapter's
 * clients get either a 200 or the "adapter unavailable" problem (503), never a reset or refused
 * connection; requests in flight when the update and the uninstall start finish with 200; every 200
 * of both lookup adapters has its audit record; core (bundle, LookupService, Camel runtime) is never
 * restarted.
 *
 * <p>The other adapters: the real home-care adapter ({@code hjemmetjeneste-json}, a nurse's single
 * lookup through core, kjernejournal and the audit log, like the swapped one), and a RouteBuilder
 * service published from this probe ({@code probe-adapter}, one route that answers 200 without
 * touching core's services), which isolates the shared whiteboard, CamelContext, port and servlet.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapITest extends KjernebroTestSupport {

    /** Driver-side folder for the report, handed to the container. */
    static final String REPORT_DIR = "kjernebro.itest.report.dir";
    private static final String SYKEHJEM_BUNDLE = "no.kjernebro.adapter-sykehjem-xml";
    private static final String PROBE_ADAPTER = "probe-adapter";
    private static final String HJEMMETJENESTE_BUNDLE = "no.kjernebro.adapter-hjemmetjeneste-json";
    private static final String HJEMMETJENESTE_ROUTES = "(kjernebro.adapter.id=hjemmetjeneste-json)";
    /** Correlation-id prefixes of the two lookup adapters' requests within one run. */
    private static final String SYKEHJEM_PREFIX = "sy-";
    private static final String HJEMMETJENESTE_PREFIX = "hj-";
    private static final String NEW_VERSION = "0.1.0.hotswap";
    /** Slows the simulator's kjernejournal answers while a swap starts, so lookups are surely in flight. */
    private static final int SLOW_KJ_MS = 400;
    private static final long WITNESS_IN_FLIGHT_MS = 300;

    @Configuration
    @Override
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(systemProperty(REPORT_DIR).value(new File("target").getAbsolutePath()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void adapterUpdateUninstallAndReinstallUnderLoad() throws Exception {
        // The features service provisions the boot features (and this probe's) in the background: until
        // it is done it may "repair" the swapped bundle back to its feature's version behind the test.
        Await.until("boot features installed", 180_000,
                () -> bundleContext.getServiceReference("org.apache.karaf.features.BootFinished") != null);
        Await.until("simulator answers", () -> Http.get(simulator("/jwks")).statusCode() == 200);
        String token = Demo.userToken(simulatorPort(), Demo.NURSE_HPR);
        Await.until("nursing-home adapter answers", () -> lookup(token, "warmup-" + UUID.randomUUID()).statusCode() == 200);
        Await.until("home-care adapter answers", () -> homeCareLookup(token, "warmup-" + UUID.randomUUID()).statusCode() == 200);
        ServiceRegistration<RoutesBuilder> probeAdapter = bundleContext.registerService(RoutesBuilder.class,
                new ProbeAdapterRoutes(), new Hashtable<>(Map.of("kjernebro.adapter.id", PROBE_ADAPTER,
                        "kjernebro.adapter.name", "Hot-swap test probe adapter")));
        Await.until("probe adapter answers", () -> ping().statusCode() == 200);

        Bundle core = bundle("no.kjernebro.core");
        long coreModified = core.getLastModified();
        long lookupServiceId = serviceId(LookupService.class.getName());
        long runtimeServiceId = serviceId("no.kjernebro.core.internal.runtime.DeployedAdapters");
        Bundle homeCare = bundle(HJEMMETJENESTE_BUNDLE);
        long homeCareModified = homeCare.getLastModified();
        long homeCareRoutesId = serviceId(RoutesBuilder.class.getName(), HJEMMETJENESTE_ROUTES);
        Bundle adapter = bundle(SYKEHJEM_BUNDLE);
        String location = adapter.getLocation();
        byte[] newJar = withBundleVersion(read(location), NEW_VERSION);

        String run = "hs-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Load load = new Load(token, run);
        load.start();
        Await.until("load running", () -> load.sykehjemOk() >= 10 && load.probe.ok.get() >= 100
                && load.hjemmetjeneste.ok.get() >= 10);

        // (a) update to a new version while lookups are in flight
        slowKjernejournal(SLOW_KJ_MS);
        Call updateWitness = load.awaitSykehjemInFlight(WITNESS_IN_FLIGHT_MS);
        long updateStart = System.nanoTime();
        adapter.update(new ByteArrayInputStream(newJar));
        long updateReturned = System.nanoTime();
        slowKjernejournal(0);
        Await.until("updated adapter active", () -> adapter.getState() == Bundle.ACTIVE);
        Call firstOkAfterUpdate = load.awaitFirstOkStartedAfter(updateReturned);
        long updateTurnedAway = load.turnedAwayMs(updateStart, firstOkAfterUpdate);
        assertEquals(NEW_VERSION, adapter.getVersion().toString());

        // (b) uninstall while lookups are in flight, stay absent for a while
        slowKjernejournal(SLOW_KJ_MS);
        Call uninstallWitness = load.awaitSykehjemInFlight(WITNESS_IN_FLIGHT_MS);
        long uninstallStart = System.nanoTime();
        adapter.uninstall();
        long uninstallReturned = System.nanoTime();
        slowKjernejournal(0);
        Await.until("clients see the adapter absent", () -> load.count(c -> c.start > uninstallReturned && c.isUnavailable()) >= 50);

        // (c) install it again
        long reinstallStart = System.nanoTime();
        Bundle reinstalled = bundleContext.installBundle(location, new ByteArrayInputStream(newJar));
        reinstalled.start();
        Call firstOkAfterReinstall = load.awaitFirstOkStartedAfter(reinstallStart);
        long absentTurnedAway = load.turnedAwayMs(uninstallStart, firstOkAfterReinstall);
        int probeOkBefore = load.probe.ok.get();
        int hjemmetjenesteOkBefore = load.hjemmetjeneste.ok.get();
        Await.until("load continues", () -> load.count(c -> c.start > reinstallStart && c.isOk()) >= 10
                && load.probe.ok.get() >= probeOkBefore + 100 && load.hjemmetjeneste.ok.get() >= hjemmetjenesteOkBefore + 10);
        load.stop();

        Outcomes sykehjem = load.sykehjemOutcomes();
        int inFlightAtUpdate = load.count(c -> c.start < updateStart && c.end > updateStart);
        int inFlightAtUpdateOk = load.count(c -> c.start < updateStart && c.end > updateStart && c.isOk());
        int inFlightAtUninstall = load.count(c -> c.start < uninstallStart && c.end > uninstallStart);
        int inFlightAtUninstallOk = load.count(c -> c.start < uninstallStart && c.end > uninstallStart && c.isOk());
        int whileAbsent = load.count(c -> c.start > uninstallReturned && c.end < reinstallStart);
        int whileAbsentUnavailable = load.count(c -> c.start > uninstallReturned && c.end < reinstallStart && c.isUnavailable());
        long audited = auditedLookups(run + SYKEHJEM_PREFIX);
        long auditedHjemmetjeneste = auditedLookups(run + HJEMMETJENESTE_PREFIX);

        String summary = String.format(
                "HOT-SWAP update-to-first-200=%d ms (update() call %d ms, clients turned away %d ms)"
                        + " | uninstall() call %d ms | reinstall-to-first-200=%d ms (turned away from uninstall to reinstall %d ms)"
                        + " | sykehjem-xml: requests=%d ok=%d adapter-unavailable-503=%d other=%s"
                        + " | in flight at update=%d (ok %d), at uninstall=%d (ok %d) | while absent=%d (adapter-unavailable %d)"
                        + " | hjemmetjeneste-json: requests=%d ok=%d failed=%d %s"
                        + " | probe-adapter: requests=%d ok=%d failed=%d %s"
                        + " | audit records sykehjem-xml=%d hjemmetjeneste-json=%d",
                ms(updateStart, firstOkAfterUpdate.end), ms(updateStart, updateReturned), updateTurnedAway,
                ms(uninstallStart, uninstallReturned), ms(reinstallStart, firstOkAfterReinstall.end), absentTurnedAway,
                sykehjem.total, sykehjem.ok, sykehjem.unavailable, sykehjem.other,
                inFlightAtUpdate, inFlightAtUpdateOk, inFlightAtUninstall, inFlightAtUninstallOk, whileAbsent, whileAbsentUnavailable,
                load.hjemmetjeneste.total(), load.hjemmetjeneste.ok.get(), load.hjemmetjeneste.failed.get(),
                new TreeMap<>(load.hjemmetjeneste.failures),
                load.probe.total(), load.probe.ok.get(), load.probe.failed.get(), new TreeMap<>(load.probe.failures),
                audited, auditedHjemmetjeneste);
        System.out.println(summary);
        load.unexpected().forEach(c -> System.out.printf("HOT-SWAP unexpected %s: started %d ms after the update began, took %d ms: %s%n",
                c.kind, ms(updateStart, c.start), ms(c.start, c.end), c.detail));
        writeReport(summary);

        assertEquals("the home-care adapter's clients saw no failure: " + load.hjemmetjeneste.failures, 0,
                load.hjemmetjeneste.failed.get());
        assertEquals("the probe adapter's clients saw no failure: " + load.probe.failures, 0, load.probe.failed.get());
        assertTrue("the swapped adapter's clients got only 200 or 'adapter unavailable': " + sykehjem.other, sykehjem.other.isEmpty());
        assertEquals("the request in flight when the update started completed", 200, updateWitness.status);
        assertEquals("the request in flight when the uninstall started completed", 200, uninstallWitness.status);
        assertEquals("every request in flight at the update completed", inFlightAtUpdate, inFlightAtUpdateOk);
        assertTrue("requests arrived while the adapter was absent", whileAbsent > 0);
        assertEquals("while absent, every request got 'adapter unavailable'", whileAbsent, whileAbsentUnavailable);
        assertEquals("every 200 has its audit record, and nothing else was audited", sykehjem.ok, audited);
        assertEquals("every home-care 200 has its audit record, and nothing else was audited",
                load.hjemmetjeneste.ok.get(), auditedHjemmetjeneste);

        assertEquals("core bundle kept running", Bundle.ACTIVE, core.getState());
        assertEquals("core bundle was not updated or restarted", coreModified, core.getLastModified());
        assertEquals("core's LookupService was never re-registered", lookupServiceId, serviceId(LookupService.class.getName()));
        assertEquals("core's Camel runtime was never restarted", runtimeServiceId,
                serviceId("no.kjernebro.core.internal.runtime.DeployedAdapters"));
        assertEquals("the home-care adapter kept running", Bundle.ACTIVE, homeCare.getState());
        assertEquals("the home-care adapter was not restarted", homeCareModified, homeCare.getLastModified());
        assertEquals("the home-care adapter's routes were never re-registered", homeCareRoutesId,
                serviceId(RoutesBuilder.class.getName(), HJEMMETJENESTE_ROUTES));

        // the reinstalled adapter behaves as before: wrong method 405, unknown path a 404 problem
        assertEquals(405, Http.get(adapterUrl("/v1/oppslag")).statusCode());
        HttpResponse<String> unknown = Http.get(adapterUrl("/v1/nothing-here"));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("urn:kjernebro:problem:not-found"));
        probeAdapter.unregister();
        Await.until("probe adapter removed", () -> ping().statusCode() == 503);
    }

    /** The second adapter: one route on the shared runtime that answers 200. */
    static final class ProbeAdapterRoutes extends RouteBuilder {
        @Override
        public void configure() {
            from("jetty:http://{{kjernebro.http.host}}:{{kjernebro.http.port}}/kjernebro/" + PROBE_ADAPTER
                    + "/v1/ping?httpMethodRestrict=POST")
                    .routeId(PROBE_ADAPTER + "-ping")
                    .removeHeaders("*")
                    .setBody(constant("pong"));
        }
    }

    /** One client request as the client saw it. */
    static final class Call {
        final long start = System.nanoTime();
        volatile long end;
        volatile int status;
        volatile String kind; // "200", "adapter-unavailable", or what went wrong
        volatile String detail; // for an unexpected answer: its content type and the start of its body

        boolean isOk() {
            return "200".equals(kind);
        }

        boolean isUnavailable() {
            return "adapter-unavailable".equals(kind);
        }
    }

    record Outcomes(int total, int ok, int unavailable, Map<String, Integer> other) {
    }

    /** Counters of a client group that only needs to know whether anything failed. */
    static final class Tally {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final Map<String, Integer> failures = new ConcurrentHashMap<>();

        int total() {
            return ok.get() + failed.get();
        }
    }

    /** One request of a client group that only needs to know whether anything failed: null when it succeeded. */
    @FunctionalInterface
    interface Attempt {
        String failure() throws Exception;
    }

    /** Two client threads per adapter, sending without pause until stopped. */
    final class Load {
        final Tally probe = new Tally();
        final Tally hjemmetjeneste = new Tally();
        private final Collection<Call> sykehjem = new ConcurrentLinkedQueue<>();
        private final Map<Thread, Call> current = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger sequence = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();
        private final String token;
        private final String run;

        Load(String token, String run) {
            this.token = token;
            this.run = run;
        }

        void start() {
            for (int i = 0; i < 2; i++) {
                threads.add(new Thread(this::sykehjemClient, "hot-swap-sykehjem-" + i));
                threads.add(new Thread(() -> tallyClient(probe, this::ping), "hot-swap-probe-" + i));
                threads.add(new Thread(() -> tallyClient(hjemmetjeneste, this::homeCare), "hot-swap-hjemmetjeneste-" + i));
            }
            threads.forEach(Thread::start);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        private void sykehjemClient() {
            while (running.get()) {
                Call call = new Call();
                current.put(Thread.currentThread(), call);
                try {
                    HttpResponse<String> r = lookup(token, run + SYKEHJEM_PREFIX + sequence.incrementAndGet());
                    call.status = r.statusCode();
                    call.kind = r.statusCode() == 200 ? "200" : isAdapterUnavailable(r) ? "adapter-unavailable" : "HTTP " + r.statusCode();
                    if (!call.isOk() && !call.isUnavailable()) {
                        call.detail = r.headers().firstValue("Content-Type").orElse("-") + " "
                                + r.body().substring(0, Math.min(200, r.body().length()));
                    }
                } catch (Exception e) {
                    call.kind = e.getClass().getSimpleName();
                }
                call.end = System.nanoTime();
                current.remove(Thread.currentThread());
                sykehjem.add(call);
                if (!call.isOk()) {
                    pause(); // a real client would honour Retry-After; this one only avoids a busy loop
                }
            }
        }

        private void tallyClient(Tally tally, Attempt attempt) {
            while (running.get()) {
                String kind;
                try {
                    kind = attempt.failure();
                } catch (Exception e) {
                    kind = e.getClass().getSimpleName();
                }
                if (kind == null) {
                    tally.ok.incrementAndGet();
                } else {
                    tally.failed.incrementAndGet();
                    tally.failures.merge(kind, 1, Integer::sum);
                    pause();
                }
            }
        }

        private String ping() throws Exception {
            HttpResponse<String> r = HotSwapITest.this.ping();
            return r.statusCode() == 200 && "pong".equals(r.body()) ? null : "HTTP " + r.statusCode();
        }

        /** A nurse's lookup through the home-care adapter: a 200 with its audit reference, nothing else. */
        private String homeCare() throws Exception {
            HttpResponse<String> r = homeCareLookup(token, run + HJEMMETJENESTE_PREFIX + sequence.incrementAndGet());
            return r.statusCode() == 200 && Http.jsonField(r.body(), "auditRef") != null ? null
                    : "HTTP " + r.statusCode() + " " + Http.jsonField(r.body(), "errorCode");
        }

        int sykehjemOk() {
            return count(Call::isOk);
        }

        int count(Predicate<Call> which) {
            return (int) sykehjem.stream().filter(which).count();
        }

        /** Waits for a lookup that has been in flight for a while: it is inside core, not on its way. */
        Call awaitSykehjemInFlight(long forMs) throws Exception {
            Call[] found = new Call[1];
            Await.until("a lookup in flight for " + forMs + " ms", () -> {
                long now = System.nanoTime();
                for (Call c : current.values()) {
                    if ((now - c.start) / 1_000_000 >= forMs) {
                        found[0] = c;
                        return true;
                    }
                }
                return false;
            });
            return found[0];
        }

        Call awaitFirstOkStartedAfter(long nanos) throws Exception {
            Await.until("a lookup succeeds", 60_000, () -> count(c -> c.start > nanos && c.isOk()) > 0);
            return sykehjem.stream().filter(c -> c.start > nanos && c.isOk())
                    .min((a, b) -> Long.compare(a.end, b.end)).orElseThrow();
        }

        /** From the first "adapter unavailable" answer after {@code fromNanos} to the end of {@code backAgain}; 0 if none. */
        long turnedAwayMs(long fromNanos, Call backAgain) {
            return sykehjem.stream().filter(c -> c.start > fromNanos && c.end < backAgain.end && c.isUnavailable())
                    .mapToLong(c -> c.end).min().stream().map(first -> ms(first, backAgain.end)).findFirst().orElse(0);
        }

        List<Call> unexpected() {
            return sykehjem.stream().filter(c -> !c.isOk() && !c.isUnavailable()).toList();
        }

        Outcomes sykehjemOutcomes() {
            Map<String, Integer> other = new TreeMap<>();
            int ok = 0;
            int unavailable = 0;
            for (Call c : sykehjem) {
                if (c.isOk()) {
                    ok++;
                } else if (c.isUnavailable()) {
                    unavailable++;
                } else {
                    other.merge(c.kind, 1, Integer::sum);
                }
            }
            return new Outcomes(sykehjem.size(), ok, unavailable, other);
        }
    }

    private static boolean isAdapterUnavailable(HttpResponse<String> r) {
        return r.statusCode() == 503
                && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && "1".equals(r.headers().firstValue("Retry-After").orElse(null))
                && r.body().contains("\"title\":\"adapter unavailable\"")
                && r.body().contains("\"adapter\":\"sykehjem-xml\"");
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> lookup(String token, String correlationId) throws Exception {
        return Demo.send(httpPort(), Demo.ALTA_KEY, token, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR, Demo.NURSE_HPR,
                Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, correlationId));
    }

    private HttpResponse<String> homeCareLookup(String token, String requestId) throws Exception {
        return Demo.sendHjemmetjeneste(httpPort(), Demo.ALTA_KEY, token, Demo.hjemmetjenesteOppslag(Demo.ALTA,
                Demo.ALTA_ORGNR, Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, requestId));
    }

    private HttpResponse<String> ping() throws Exception {
        return Http.post("http://localhost:" + httpPort() + "/kjernebro/" + PROBE_ADAPTER + "/v1/ping", "text/plain", "ping");
    }

    private String adapterUrl(String path) {
        return "http://localhost:" + httpPort() + "/kjernebro/sykehjem-xml" + path;
    }

    private String simulator(String path) {
        return "http://localhost:" + simulatorPort() + path;
    }

    private void slowKjernejournal(int latencyMs) throws Exception {
        HttpResponse<String> r = Http.post(simulator("/sim/faults"), "application/json",
                "{\"latencyMs\":" + latencyMs + ",\"unavailable\":false}");
        assertEquals(r.body(), 200, r.statusCode());
    }

    private long serviceId(String className) throws Exception {
        return serviceId(className, null);
    }

    private long serviceId(String className, String filter) throws Exception {
        ServiceReference<?>[] refs = bundleContext.getServiceReferences(className, filter);
        assertNotNull(className + " registered", refs);
        assertEquals(className + " registered once", 1, refs.length);
        return (Long) refs[0].getProperty("service.id");
    }

    /** Audit records of this run's lookups through one adapter (their correlation ids share the prefix). */
    private long auditedLookups(String run) throws Exception {
        Collection<ServiceReference<DataSource>> refs =
                bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=kjernebro-audit)");
        assertTrue("audit DataSource registered", !refs.isEmpty());
        ServiceReference<DataSource> ref = refs.iterator().next();
        DataSource ds = bundleContext.getService(ref);
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM kjb_audit_record WHERE correlation_id LIKE ?")) {
            ps.setString(1, run + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    private static byte[] read(String location) throws Exception {
        try (InputStream in = new URL(location).openStream()) {
            return in.readAllBytes();
        }
    }

    /** The same bundle jar with another Bundle-Version: a "new release" of the adapter. */
    private static byte[] withBundleVersion(byte[] jar, String version) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            assertNotNull("the adapter jar has a manifest", manifest);
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    if (e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void writeReport(String summary) {
        String dir = System.getProperty(REPORT_DIR);
        if (dir == null) {
            return;
        }
        try {
            Files.writeString(Path.of(dir, "hot-swap.txt"), summary + System.lineSeparator());
        } catch (Exception e) {
            System.out.println("could not write " + dir + "/hot-swap.txt: " + e);
        }
    }

    private static long ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
