package no.kjernebro.simulator.internal.http;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The door every national API passes: counts the request, applies the fault injected for that API
 * (delay, hold, 429, error status before the handler; a malformed or oversized body after it), and
 * counts the answer.
 */
public final class ApiGate {

    public static final String API_PROPERTY = "kjernebro.sim.api";
    private static final String FAULT_PROPERTY = "kjernebro.sim.fault";

    private final FaultInjection faults;
    private final Traffic traffic;
    private final long defaultTimeoutMs;
    private final int defaultOversizedBytes;

    public ApiGate(FaultInjection faults, Traffic traffic, long defaultTimeoutMs, int defaultOversizedBytes) {
        this.faults = faults;
        this.traffic = traffic;
        this.defaultTimeoutMs = defaultTimeoutMs;
        this.defaultOversizedBytes = defaultOversizedBytes;
    }

    public Traffic traffic() {
        return traffic;
    }

    /** Before the handler. */
    public void enter(Exchange exchange, Api api) throws InterruptedException {
        exchange.setProperty(API_PROPERTY, api);
        traffic.request(api);
        Optional<Fault> taken = faults.take(api);
        if (taken.isEmpty()) {
            return;
        }
        Fault fault = taken.get();
        traffic.faultApplied(api);
        exchange.setProperty(FAULT_PROPERTY, fault);
        if (fault.latencyMs() > 0) {
            Thread.sleep(fault.latencyMs());
        }
        if (fault.timeout()) {
            faults.hold(fault.timeoutMs() == null ? defaultTimeoutMs : fault.timeoutMs());
            throw FaultAnswers.error(api, 504, "the simulated upstream timed out");
        }
        if (fault.retryAfterSeconds() != null) {
            throw FaultAnswers.error(api, 429, "too many requests (simulated rate limit)")
                    .withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        if (fault.status() != null) {
            throw FaultAnswers.error(api, fault.status(), "simulated fault");
        }
    }

    /** After the handler wrote a normal answer. */
    public void leave(Exchange exchange) {
        Fault fault = exchange.getProperty(FAULT_PROPERTY, Fault.class);
        Message message = exchange.getMessage();
        if (fault != null && (fault.malformed() || fault.oversized())) {
            byte[] body = message.getBody(byte[].class);
            if (body != null) {
                message.setBody(fault.malformed() ? FaultAnswers.truncate(body)
                        : FaultAnswers.pad(body, fault.oversizedBytes() == null ? defaultOversizedBytes : fault.oversizedBytes()));
            }
        }
        answered(exchange, message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class));
    }

    /** Counts the answer; also called for error answers. */
    void answered(Exchange exchange, int status) {
        Api api = exchange.getProperty(API_PROPERTY, Api.class);
        if (api != null) {
            traffic.response(api, status);
        }
    }
}
