package no.kjernebro.adapterkit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A plain CamelContext set up the way core's runtime sets up the shared one (placeholders for the HTTP
 * host and port, Camel's own class loader), holding one adapter's routes. Like core, it remembers which
 * route ids the adapter added, and removes exactly those: stopped gracefully first, so in-flight
 * exchanges complete. Core's fallback route ("adapter unavailable" while an adapter is absent) is not
 * here: while the routes are gone, the port may be closed.
 */
public final class CamelHarness implements AutoCloseable {

    private static final int STOP_TIMEOUT_SECONDS = 30;

    private final DefaultCamelContext context;
    private List<String> adapterRouteIds = List.of();

    private CamelHarness(DefaultCamelContext context) {
        this.context = context;
    }

    /** Starts a context for the environment and adds the routes. */
    public static CamelHarness start(AdapterEnvironment environment, RoutesBuilder routes) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.setApplicationContextClassLoader(CamelContext.class.getClassLoader());
        Properties placeholders = new Properties();
        placeholders.setProperty("kjernebro.http.host", environment.httpHost());
        placeholders.setProperty("kjernebro.http.port", Integer.toString(environment.httpPort()));
        context.getPropertiesComponent().setInitialProperties(placeholders);
        context.getShutdownStrategy().setTimeout(STOP_TIMEOUT_SECONDS);
        context.start();
        CamelHarness harness = new CamelHarness(context);
        try {
            harness.add(routes);
        } catch (Exception e) {
            context.stop();
            throw e;
        }
        return harness;
    }

    public CamelContext context() {
        return context;
    }

    /** The route ids the adapter's current builder added. */
    public List<String> adapterRouteIds() {
        return adapterRouteIds;
    }

    /** Adds a builder's routes and remembers their ids, as core does when an adapter service appears. */
    /** How long suspended routes keep running before they are stopped (see {@link #remove()}). */
    private static final long SUSPEND_SETTLE_MS = 100;

    public void add(RoutesBuilder routes) throws Exception {
        List<String> before = routeIds();
        context.addRoutes(routes);
        List<String> added = new ArrayList<>(routeIds());
        added.removeAll(before);
        adapterRouteIds = List.copyOf(added);
    }

    /**
     * Stops (gracefully) and removes exactly the adapter's routes, as core does when it goes away. The
     * routes are suspended first: their HTTP consumers then answer new requests 503 at once, and a request
     * that had already passed that check has time to become an in-flight exchange, which the graceful stop
     * waits for. Stopping a route that is still taking requests instead lets one race the stop and get a
     * bare 500 from Camel; core's runtime prevents that with its own fallback, which this harness lacks.
     */
    public void remove() throws Exception {
        for (String id : adapterRouteIds) {
            context.getRouteController().suspendRoute(id);
        }
        Thread.sleep(SUSPEND_SETTLE_MS);
        for (String id : adapterRouteIds) {
            context.getRouteController().stopRoute(id, STOP_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            if (!context.removeRoute(id)) {
                throw new AssertionError("route " + id + " could not be removed after it was stopped");
            }
        }
        adapterRouteIds = List.of();
    }

    private List<String> routeIds() {
        return context.getRoutes().stream().map(Route::getRouteId).toList();
    }

    @Override
    public void close() {
        context.stop();
    }
}
