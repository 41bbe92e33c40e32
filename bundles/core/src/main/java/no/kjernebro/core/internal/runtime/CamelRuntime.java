package no.kjernebro.core.internal.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the shared CamelContext and adds the adapters' routes to it (whiteboard). Each adapter's
 * route ids are remembered when it binds, so unbinding stops and removes exactly those routes,
 * gracefully, and nothing else. One lock orders binds and unbinds: the route-id diff is only exact
 * when no other adapter adds routes at the same time, and an updated adapter's new routes must not
 * be added before its old ones (same ids) are gone.
 *
 * <p>Hot swap: the context's own {@link FallbackRoute} keeps the adapters' HTTP server up while no
 * adapter is deployed and answers for absent adapters ("adapter unavailable", 503). An adapter that
 * goes away first stops taking new requests (they reach the fallback), then its in-flight exchanges
 * finish (bounded by {@code routeStopTimeoutSeconds}), then its routes are removed.
 */
@Component(name = CamelRuntime.PID, immediate = true, service = DeployedAdapters.class)
@Designate(ocd = RuntimeConfiguration.class)
public final class CamelRuntime implements DeployedAdapters {

    static final String PID = "no.kjernebro.runtime";
    public static final String CONTEXT_NAME = "kjernebro";
    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);
    private static final long DRAIN_POLL_MS = 5;

    private final Object lock = new Object();
    /** Bound before the context started; added on activate. Guarded by lock. */
    private final Map<RoutesBuilder, String> pending = new IdentityHashMap<>();
    /** Adapter routes in the context. Guarded by lock. */
    private final Map<RoutesBuilder, Deployment> deployments = new IdentityHashMap<>();
    private CamelContext context; // guarded by lock
    private long stopTimeoutSeconds = 30;
    /** Adapters whose routes take requests, with their HTTP paths; read lock-free by the fallback route. */
    private volatile Map<String, List<InboundPath>> accepting = Map.of();
    /** Adapters with routes in the context (taking requests or finishing in-flight ones). */
    private volatile Map<String, Integer> deployedView = Map.of();

    private record Deployment(String adapterId, List<String> routeIds, List<InboundPath> inbound) {
    }

    @Activate
    void activate(RuntimeConfiguration config) throws Exception {
        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.getCamelContextExtension().setName(CONTEXT_NAME);
        // Camel finds its components through this loader; inside OSGi it is the camel-runtime bundle's.
        ctx.setApplicationContextClassLoader(CamelContext.class.getClassLoader());
        Properties props = new Properties();
        props.setProperty("kjernebro.http.host", config.http_host());
        props.setProperty("kjernebro.http.port", Integer.toString(config.http_port()));
        ctx.getPropertiesComponent().setInitialProperties(props);
        ctx.getShutdownStrategy().setTimeout(Math.max(1, config.routeStopTimeoutSeconds()));
        ctx.start();
        try {
            // Binds the port now and holds it for as long as the context lives, adapters or not.
            ctx.addRoutes(new FallbackRoute(new UnavailableAnswer(this::lacksEndpoint)));
        } catch (Exception e) {
            ctx.stop();
            throw e;
        }
        boolean bypass = StoppingConsumerBypass.install(ctx.getRoute(FallbackRoute.ROUTE_ID).getConsumer());
        LOG.info("Camel runtime: fallback route on {}:{} ({})", config.http_host(), config.http_port(),
                bypass ? "stopping adapters answer 'adapter unavailable'" : "stopping adapters answer a bare 503");
        synchronized (lock) {
            stopTimeoutSeconds = Math.max(1, config.routeStopTimeoutSeconds());
            context = ctx;
            LOG.info("Camel runtime '{}' started; adapters listen on {}:{}", CONTEXT_NAME, config.http_host(), config.http_port());
            for (Map.Entry<RoutesBuilder, String> e : pending.entrySet()) {
                deploy(e.getKey(), e.getValue());
            }
            pending.clear();
        }
    }

    @Deactivate
    void deactivate() {
        CamelContext ctx;
        synchronized (lock) {
            ctx = context;
            context = null;
            // The routes go with the context; DS unbinds the adapters after this and binds them to the next instance.
            deployments.clear();
            publish(List.of());
        }
        if (ctx != null) {
            ctx.stop();
            LOG.info("Camel runtime '{}' stopped", CONTEXT_NAME);
        }
    }

    @Reference(service = RoutesBuilder.class, target = "(kjernebro.adapter.id=*)",
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAdapterRoutes(RoutesBuilder builder, Map<String, Object> properties) {
        String adapterId = String.valueOf(properties.get("kjernebro.adapter.id"));
        synchronized (lock) {
            if (context == null) {
                pending.put(builder, adapterId);
            } else {
                deploy(builder, adapterId);
            }
        }
    }

    void unbindAdapterRoutes(RoutesBuilder builder, Map<String, Object> properties) {
        synchronized (lock) {
            pending.remove(builder);
            Deployment d = deployments.remove(builder);
            if (d != null && context != null) {
                long started = System.nanoTime();
                publish(List.of(d)); // from here on new requests for it get "adapter unavailable"
                removeRoutes(d.adapterId(), d.routeIds());
                publish(List.of());
                LOG.info("Adapter {} removed: {} route(s) stopped and removed in {} ms", d.adapterId(), d.routeIds().size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    @Override
    public Map<String, Integer> deployed() {
        return deployedView;
    }

    /** Whether the adapter takes new requests now (not while being removed) and none of its routes serves this. */
    boolean lacksEndpoint(String adapterId, String method, String path) {
        List<InboundPath> paths = accepting.get(adapterId);
        return paths != null && paths.stream().noneMatch(p -> p.matches(method, path));
    }

    // Called with lock held, after every change to deployments.
    private void publish(List<Deployment> stopping) {
        Map<String, Integer> routes = new LinkedHashMap<>();
        Map<String, List<InboundPath>> inbound = new LinkedHashMap<>();
        for (Deployment d : deployments.values()) {
            routes.merge(d.adapterId(), d.routeIds().size(), Integer::sum);
            inbound.computeIfAbsent(d.adapterId(), id -> new ArrayList<>()).addAll(d.inbound());
        }
        inbound.replaceAll((id, paths) -> List.copyOf(paths));
        accepting = Map.copyOf(inbound);
        stopping.forEach(d -> routes.merge(d.adapterId(), d.routeIds().size(), Integer::sum));
        deployedView = Collections.unmodifiableMap(routes);
    }

    /** The shared context (null when not active); for tests and diagnostics. */
    CamelContext context() {
        synchronized (lock) {
            return context;
        }
    }

    // Called with lock held.
    private void deploy(RoutesBuilder builder, String adapterId) {
        Set<String> before = routeIds();
        try {
            // Camel silently replaces a route whose id exists: one adapter could take over another's.
            String clash = clashingRouteId(builder);
            if (clash != null) {
                LOG.error("Adapter {} is NOT added: its route id '{}' is already used by another adapter", adapterId, clash);
                return;
            }
            context.addRoutes(builder);
        } catch (Exception e) {
            List<String> partial = added(before);
            LOG.error("Adapter {} could not be added ({}); removing the {} route(s) it created", adapterId, e.toString(), partial.size(), e);
            removeRoutes(adapterId, partial);
            return;
        }
        List<String> created = added(before);
        for (String id : created) {
            if (!id.startsWith(adapterId)) {
                LOG.warn("Adapter {} created route '{}' whose id does not start with the adapter id", adapterId, id);
            }
        }
        List<InboundPath> inbound = new ArrayList<>();
        for (String id : created) {
            InboundPath p = InboundPath.of(context.getRoute(id).getConsumer());
            if (p != null) {
                inbound.add(p);
            }
        }
        deployments.put(builder, new Deployment(adapterId, created, List.copyOf(inbound)));
        publish(List.of());
        LOG.info("Adapter {} added: {} route(s) {}", adapterId, created.size(), created);
    }

    private String clashingRouteId(RoutesBuilder builder) throws Exception {
        if (builder instanceof RouteBuilder rb) {
            // configureRoutes builds the definitions once; addRoutes reuses them.
            for (RouteDefinition def : rb.configureRoutes(context).getRoutes()) {
                String id = def.getRouteId();
                if (id != null && context.getRoute(id) != null) {
                    return id;
                }
            }
        }
        return null;
    }

    private List<String> added(Set<String> before) {
        List<String> created = new ArrayList<>();
        for (String id : routeIds()) {
            if (!before.contains(id)) {
                created.add(id);
            }
        }
        return created;
    }

    private Set<String> routeIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Route r : context.getRoutes()) {
            ids.add(r.getRouteId());
        }
        return ids;
    }

    // Called with lock held. Stops every route before removing any, so no route is left feeding a removed one.
    private void removeRoutes(String adapterId, List<String> ids) {
        drain(adapterId, ids);
        for (String id : ids) {
            try {
                context.getRouteController().stopRoute(id, stopTimeoutSeconds, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Adapter {}: stopping route {} failed: {}", adapterId, id, e.toString());
            }
        }
        for (String id : ids) {
            try {
                if (!context.removeRoute(id)) {
                    LOG.warn("Adapter {}: route {} could not be removed (not stopped)", adapterId, id);
                }
            } catch (Exception e) {
                LOG.warn("Adapter {}: removing route {} failed: {}", adapterId, id, e.toString());
            }
        }
    }

    /**
     * Suspends the adapter's HTTP consumers (new requests then reach the fallback route) and waits,
     * bounded, until its in-flight exchanges are done. Camel's graceful stop would do the same but
     * polls once a second; after this it finds nothing in flight and stops at once.
     */
    private void drain(String adapterId, List<String> ids) {
        for (String id : ids) {
            Route route = context.getRoute(id);
            if (route != null && route.getConsumer() instanceof HttpConsumer http) {
                try {
                    http.suspend();
                } catch (RuntimeException e) {
                    LOG.warn("Adapter {}: suspending route {} failed: {}", adapterId, id, e.toString());
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(stopTimeoutSeconds);
        try {
            while (inflight(ids) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(DRAIN_POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int inflight(List<String> ids) {
        int n = 0;
        for (String id : ids) {
            n += context.getInflightRepository().size(id);
        }
        return n;
    }
}
