package no.kjernebro.simulator.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults tests and demos asked for, per API, changeable at runtime through {@code /sim/faults}.
 * A fault with {@code times} is used up by that many requests; one without lasts until cleared.
 */
public final class FaultInjection {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);

    private record Active(Fault fault, AtomicInteger remaining) {
    }

    private final Map<Api, Active> active = new EnumMap<>(Api.class);
    // Requests held by a timeout fault wait on this latch; clearing faults (or stopping) lets them go.
    private CountDownLatch release = new CountDownLatch(1);

    /** The fault for the next request of the API, counting one use; empty when none applies. */
    synchronized Optional<Fault> take(Api api) {
        Active a = active.get(api);
        if (a == null) {
            return Optional.empty();
        }
        if (a.remaining() != null && a.remaining().decrementAndGet() <= 0) {
            active.remove(api);
        }
        return Optional.of(a.fault());
    }

    /** Holds the calling request up to {@code ms}, or until faults are cleared. */
    void hold(long ms) throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            latch = release;
        }
        latch.await(ms, TimeUnit.MILLISECONDS);
    }

    /** Lets every held request go (on clear and when the simulator stops). */
    public synchronized void releaseHeld() {
        release.countDown();
        release = new CountDownLatch(1);
    }

    synchronized void set(Api api, Fault fault) {
        if (fault.none()) {
            active.remove(api);
        } else {
            active.put(api, new Active(fault, fault.times() == null ? null : new AtomicInteger(fault.times())));
        }
    }

    synchronized void clear(Api api) {
        active.remove(api);
        releaseHeld();
    }

    synchronized void clearAll() {
        active.clear();
        releaseHeld();
    }

    synchronized ObjectNode json() {
        ObjectNode node = Json.object();
        ObjectNode faults = node.putObject("faults");
        active.forEach((api, a) -> faults.set(api.id(), a.fault().json(a.remaining() == null ? null : a.remaining().get())));
        return node;
    }

    /**
     * {@code POST /sim/faults}. With {@code "api"} (an API name or {@code all}) the fault replaces that
     * API's; without it, the old form {@code {"latencyMs":..,"unavailable":..}} replaces the faults of the
     * four kjernejournal APIs, and answers in the old shape.
     */
    public void configure(Exchange exchange) {
        ObjectNode request = Json.requestObject(exchange.getIn().getBody(String.class));
        String apiName = Json.text(request, "api");
        Fault fault = Fault.parse(request);
        if (apiName == null) {
            synchronized (this) {
                for (Api api : Api.values()) {
                    if (api.kjernejournal()) {
                        set(api, fault);
                    }
                }
            }
            LOG.info("Simulator faults set on the kjernejournal APIs: {}", fault);
            Responses.json(exchange, 200, Json.object()
                    .put("latencyMs", fault.latencyMs())
                    .put("unavailable", fault.status() != null && fault.status() == 503));
            return;
        }
        synchronized (this) {
            if ("all".equals(apiName)) {
                for (Api api : Api.values()) {
                    set(api, fault);
                }
            } else {
                set(Api.of(apiName).orElseThrow(() -> HttpProblem.oauth(400, "invalid_request",
                        "api must be one of helseid-token, helseindikator, fhir, legemidler, legemiddelvarsling, audit, all")),
                        fault);
            }
        }
        LOG.info("Simulator fault set on {}: {}", apiName, fault);
        Responses.json(exchange, 200, json());
    }

    /** {@code GET /sim/faults}. */
    public void list(Exchange exchange) {
        Responses.json(exchange, 200, json());
    }

    /** {@code DELETE /sim/faults} and {@code DELETE /sim/faults/{api}}. */
    public void delete(Exchange exchange) {
        String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        String apiName = path == null ? "" : path.replaceAll("^/+|/+$", "");
        if (apiName.isEmpty() || "all".equals(apiName)) {
            clearAll();
        } else {
            clear(Api.of(apiName).orElseThrow(() -> HttpProblem.oauth(404, "not_found", "no API named " + apiName)));
        }
        LOG.info("Simulator faults cleared ({})", apiName.isEmpty() ? "all" : apiName);
        Responses.json(exchange, 200, json());
    }

    /** The legacy getter: latency and whether the kjernejournal APIs answer 503, as before. */
    public Faults current() {
        Active a;
        synchronized (this) {
            a = active.get(Api.HELSEINDIKATOR);
        }
        return a == null ? Faults.NONE : new Faults(a.fault().latencyMs(), Integer.valueOf(503).equals(a.fault().status()));
    }

    /** Current fault settings in the old shape. */
    public record Faults(long latencyMs, boolean unavailable) {
        static final Faults NONE = new Faults(0, false);
    }
}
