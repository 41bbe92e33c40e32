package no.kjernebro.simulator.internal;

import java.time.Clock;
import no.kjernebro.simulator.internal.audit.AuditRoutes;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.helseid.HelseIdRoutes;
import no.kjernebro.simulator.internal.http.FaultInjection;
import no.kjernebro.simulator.internal.jwt.SigningKey;
import no.kjernebro.simulator.internal.kj.KjernejournalRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One running simulator: its own CamelContext with the HelseID, kjernejournal, audit and control
 * routes on one port. Independent of OSGi so tests can run it in a plain JVM.
 */
public final class Simulator implements AutoCloseable {

    private final SimulatorSettings settings;
    private final Dataset dataset;
    private final Clock clock;
    private CamelContext context;

    public Simulator(SimulatorSettings settings, Dataset dataset, Clock clock) {
        this.settings = settings;
        this.dataset = dataset;
        this.clock = clock;
    }

    public synchronized void start() throws Exception {
        SigningKey key = SigningKey.generate();
        AccessTokens tokens = new AccessTokens(key, settings.issuer(), clock);
        FaultInjection faults = new FaultInjection();

        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("kjernebro-simulator");
        // Inside OSGi the components (jetty, ...) are found through the Camel runtime bundle's loader.
        camel.setApplicationContextClassLoader(CamelContext.class.getClassLoader());
        camel.addRoutes(new HelseIdRoutes(settings, dataset, key, tokens, clock));
        camel.addRoutes(new KjernejournalRoutes(settings, dataset, tokens, faults, clock));
        camel.addRoutes(new AuditRoutes(settings, tokens));
        camel.addRoutes(new ControlRoutes(settings, faults));
        // Jetty looks some classes up through the thread's context loader while it starts; in OSGi the
        // activating thread's loader knows nothing of Jetty, so lend it the Camel runtime's for the start.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CamelContext.class.getClassLoader());
        try {
            camel.start();
        } catch (Exception e) {
            camel.close();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
        context = camel;
    }

    /** Stops the routes and the Jetty server so the port is free again. */
    @Override
    public synchronized void close() throws Exception {
        if (context != null) {
            try {
                context.close();
            } finally {
                context = null;
            }
        }
    }

    public SimulatorSettings settings() {
        return settings;
    }
}
