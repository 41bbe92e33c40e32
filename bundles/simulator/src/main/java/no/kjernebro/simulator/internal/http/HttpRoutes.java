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

    protected HttpRoutes(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public final void configure() {
        onException(Exception.class).handled(true).process(new ErrorResponder());
        routes();
    }

    protected abstract void routes();

    /** A route for one HTTP method on one exact path. */
    protected RouteDefinition http(String method, String path, String routeId) {
        return from("jetty:http://" + host + ":" + port + path + "?httpMethodRestrict=" + method)
                .routeId(routeId);
    }
}
