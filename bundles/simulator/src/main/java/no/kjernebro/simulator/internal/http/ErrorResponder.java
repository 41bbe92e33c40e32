package no.kjernebro.simulator.internal.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever an endpoint threw into a JSON answer. Unexpected failures become a bare 500 so no
 * stack trace (which could carry request data) ever reaches the client.
 */
public final class ErrorResponder implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private final ApiGate gate;

    /** @param gate counts the answers of national APIs; null for routes that are not one */
    public ErrorResponder(ApiGate gate) {
        this.gate = gate;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof HttpProblem problem) {
            Responses.write(exchange, problem.status(), problem.body(), problem.contentType());
            if (problem.wwwAuthenticate() != null) {
                exchange.getMessage().setHeader("WWW-Authenticate", problem.wwwAuthenticate());
            }
            problem.headers().forEach(exchange.getMessage()::setHeader);
            counted(exchange, problem.status());
            return;
        }
        LOG.warn("Simulator endpoint {} failed", exchange.getFromRouteId(), failure);
        Responses.json(exchange, 500, Json.error("server_error", "the simulator failed to answer"));
        counted(exchange, 500);
    }

    private void counted(Exchange exchange, int status) {
        if (gate != null) {
            gate.answered(exchange, status);
        }
    }
}
