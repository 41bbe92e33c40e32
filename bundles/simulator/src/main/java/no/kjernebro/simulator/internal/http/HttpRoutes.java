package no.kjernebro.simulator.internal.http;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * Base of the simulator's route builders: every route is a camel-jetty consumer on the same
 * host and port, and every failure becomes a JSON answer instead of camel-jetty's stack trace.
 */
public abstract class HttpRoutes extends RouteBuilder {

    private final String host;
    private final int port;
    private final ApiGate gate;

    protected HttpRoutes(String host, int port) {
        this(host, port, null);
    }

    /** @param gate the door of the national APIs ({@link #api}); null when the builder has none */
    protected HttpRoutes(String host, int port, ApiGate gate) {
        this.host = host;
        this.port = port;
        this.gate = gate;
    }

    @Override
    public final void configure() {
        onException(Exception.class).handled(true).process(new ErrorResponder(gate));
        routes();
    }

    /**
     * A route of a national API: passes the gate (counting, injected faults) first; end it with
     * {@link #leave()} so malformed and oversized faults apply to the answer and the answer is counted.
     */
    protected RouteDefinition api(String method, String path, String routeId, Api api) {
        return http(method, path, routeId).process(exchange -> gate.enter(exchange, api));
    }

    protected org.apache.camel.Processor leave() {
        return gate::leave;
    }

    /** A route for every method on a path and (with {@code prefix}) the paths below it. */
    protected RouteDefinition anyMethod(String path, String routeId, boolean prefix) {
        return from("jetty:http://" + host + ":" + port + path + (prefix ? "?matchOnUriPrefix=true" : ""))
                .routeId(routeId);
    }

    protected abstract void routes();

    /** A route for one HTTP method on one exact path. */
    protected RouteDefinition http(String method, String path, String routeId) {
        return from("jetty:http://" + host + ":" + port + path + "?httpMethodRestrict=" + method)
                .routeId(routeId);
    }
}
