package no.kjernebro.core.internal.runtime;

import org.apache.camel.builder.RouteBuilder;

/**
 * Core's own, permanent consumer on the adapters' port. camel-jetty stops the Jetty server when the
 * last consumer of a port disconnects, so without this route removing the only adapter refused every
 * connection. It also answers what no adapter route takes: camel-jetty resolves the longest matching
 * consumer path first (HttpRestServletResolveConsumerStrategy), so an adapter's exact path always
 * beats this root prefix.
 */
final class FallbackRoute extends RouteBuilder {

    static final String ROUTE_ID = "kjernebro-runtime-fallback";

    // disableStreamCache: the body is drained through a bound, never cached whole.
    // muteException: never a stack trace to the caller.
    static final String FROM = "jetty:http://{{kjernebro.http.host}}:{{kjernebro.http.port}}/"
            + "?matchOnUriPrefix=true&disableStreamCache=true&muteException=true";

    private final UnavailableAnswer answer;

    FallbackRoute(UnavailableAnswer answer) {
        this.answer = answer;
    }

    @Override
    public void configure() {
        from(FROM).routeId(ROUTE_ID).streamCache("false").process(answer);
    }
}
