package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.kjernebro.api.lookup.LookupService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Updates the nursing-home adapter bundle while a client keeps sending lookups: the adapter answers
 * again afterwards and core kept running throughout (same LookupService registration). Reports how
 * many requests failed during the swap; a later issue makes that zero.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapITest extends KjernebroTestSupport {

    @Test
    public void adapterUpdateUnderLoadLeavesCoreRunningAndServesAgain() throws Exception {
        Await.until("simulator answers", () -> Http.get("http://localhost:" + simulatorPort() + "/jwks").statusCode() == 200);
        String token = Demo.userToken(simulatorPort(), Demo.NURSE_HPR);
        Await.until("adapter answers", () -> lookup(token).statusCode() == 200);

        Bundle core = bundle("no.kjernebro.core");
        Bundle adapter = bundle("no.kjernebro.adapter-sykehjem-xml");
        long lookupServiceId = lookupServiceId();
        long adapterModified = adapter.getLastModified();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastFailure = new AtomicLong();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Thread client = new Thread(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> r = lookup(token);
                    if (r.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        fail(failed, lastFailure, failures, "HTTP " + r.statusCode());
                    }
                } catch (Exception e) {
                    fail(failed, lastFailure, failures, e.getClass().getSimpleName());
                }
            }
        }, "hot-swap-client");
        client.start();
        Await.until("load running", () -> ok.get() >= 20);

        int okBefore = ok.get();
        long swapStart = System.nanoTime();
        adapter.update();
        Await.until("adapter active again", () -> adapter.getState() == Bundle.ACTIVE);
        int okAtUpdate = ok.get();
        Await.until("lookups succeed after the swap", 60_000, () -> ok.get() >= okAtUpdate + 20);
        long swapMs = (System.nanoTime() - swapStart) / 1_000_000;
        running.set(false);
        client.join(30_000);

        System.out.printf("HOT-SWAP sykehjem-xml: ok before=%d, ok total=%d, failed=%d %s, update-to-20-ok=%d ms%n",
                okBefore, ok.get(), failed.get(), new TreeMap<>(failures), swapMs);

        assertEquals("core bundle kept running", Bundle.ACTIVE, core.getState());
        assertEquals("core's LookupService was never re-registered", lookupServiceId, lookupServiceId());
        assertNotEquals("the adapter bundle was really updated", adapterModified, adapter.getLastModified());
        assertTrue("requests succeed after the swap", ok.get() >= okAtUpdate + 20);
        // the last request the client made succeeded: failures, if any, lie inside the swap window
        assertEquals(200, lookup(token).statusCode());
    }

    private static void fail(AtomicInteger failed, AtomicLong lastFailure, Map<String, Integer> failures, String kind) {
        failed.incrementAndGet();
        lastFailure.set(System.nanoTime());
        failures.merge(kind, 1, Integer::sum);
        try {
            Thread.sleep(5); // do not spin on a closed port
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> lookup(String token) throws Exception {
        return Demo.send(httpPort(), Demo.ALTA_KEY, token, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR, Demo.NURSE_HPR,
                Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, UUID.randomUUID().toString()));
    }

    private long lookupServiceId() {
        ServiceReference<LookupService> ref = bundleContext.getServiceReference(LookupService.class);
        return (Long) ref.getProperty("service.id");
    }
}
