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

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof HttpProblem problem) {
            Responses.write(exchange, problem.status(), problem.body(), problem.contentType());
            if (problem.wwwAuthenticate() != null) {
                exchange.getMessage().setHeader("WWW-Authenticate", problem.wwwAuthenticate());
            }
            return;
        }
        LOG.warn("Simulator endpoint {} failed", exchange.getFromRouteId(), failure);
        Responses.json(exchange, 500, Json.error("server_error", "the simulator failed to answer"));
    }
}
