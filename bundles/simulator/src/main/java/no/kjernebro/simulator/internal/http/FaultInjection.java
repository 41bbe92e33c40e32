package no.kjernebro.simulator.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The faults a test or demo asked for, applied at the door of every kjernejournal path. */
public final class FaultInjection {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);
    private static final long MAX_LATENCY_MS = 120_000;

    /** Current fault settings. */
    public record Faults(long latencyMs, boolean unavailable) {
        static final Faults NONE = new Faults(0, false);
    }

    private final AtomicReference<Faults> current = new AtomicReference<>(Faults.NONE);

    public Faults current() {
        return current.get();
    }

    /** Delays, then refuses with 503 when the service is meant to be down. */
    public void apply(Exchange exchange) throws InterruptedException {
        Faults faults = current.get();
        if (faults.latencyMs() > 0) {
            Thread.sleep(faults.latencyMs());
        }
        if (faults.unavailable()) {
            throw HttpProblem.oauth(503, "temporarily_unavailable", "kjernejournal is unavailable (simulated fault)");
        }
    }

    /** {@code POST /sim/faults}: replaces the settings; absent fields mean no fault. */
    public void configure(Exchange exchange) {
        ObjectNode request = Json.requestObject(exchange.getIn().getBody(String.class));
        long latency = request.path("latencyMs").asLong(0);
        if (latency < 0 || latency > MAX_LATENCY_MS) {
            throw HttpProblem.oauth(400, "invalid_request", "latencyMs must be between 0 and " + MAX_LATENCY_MS);
        }
        Faults faults = new Faults(latency, request.path("unavailable").asBoolean(false));
        current.set(faults);
        LOG.info("Simulator faults set: latency {} ms, unavailable {}", faults.latencyMs(), faults.unavailable());
        Responses.json(exchange, 200, Json.object()
                .put("latencyMs", faults.latencyMs())
                .put("unavailable", faults.unavailable()));
    }
}
