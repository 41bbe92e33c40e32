package no.kjernebro.simulator.internal;

import java.time.Clock;
import no.kjernebro.simulator.internal.audit.AuditRoutes;
import no.kjernebro.simulator.internal.dataset.CurrentDataset;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dpop.DpopNonces;
import no.kjernebro.simulator.internal.dpop.DpopProofVerifier;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.helseid.HelseIdRoutes;
import no.kjernebro.simulator.internal.http.ApiGate;
import no.kjernebro.simulator.internal.http.FaultInjection;
import no.kjernebro.simulator.internal.http.Traffic;
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
    private final CurrentDataset dataset;
    private final Clock clock;
    private final FaultInjection faults = new FaultInjection();
    private CamelContext context;

    public Simulator(SimulatorSettings settings, Dataset dataset, Clock clock) {
        this.settings = settings;
        this.dataset = new CurrentDataset(settings.datasetPath(), dataset);
        this.clock = clock;
    }

    public synchronized void start() throws Exception {
        SigningKey key = SigningKey.generate();
        SimulatorSettings.Dpop dpop = settings.dpop();
        // HelseID and the kjernejournal APIs are different servers: each hands out its own nonces.
        DpopNonces helseIdNonces = new DpopNonces(clock, dpop.nonceValidity());
        DpopNonces apiNonces = new DpopNonces(clock, dpop.nonceValidity());
        Traffic traffic = new Traffic(clock);
        ApiGate gate = new ApiGate(faults, traffic, settings.faults().timeoutHold().toMillis(),
                settings.faults().oversizedBytes());
        AccessTokens tokens = new AccessTokens(key, settings.issuer(), clock,
                new DpopProofVerifier(clock, dpop.proofMaxAge(), apiNonces, dpop.requireNonce()), dpop.required(), traffic);

        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("kjernebro-simulator");
        // Inside OSGi the components (jetty, ...) are found through the Camel runtime bundle's loader.
        camel.setApplicationContextClassLoader(CamelContext.class.getClassLoader());
        camel.addRoutes(new HelseIdRoutes(settings, dataset, key, tokens,
                new DpopProofVerifier(clock, dpop.proofMaxAge(), helseIdNonces, dpop.requireNonce()), gate, clock));
        camel.addRoutes(new KjernejournalRoutes(settings, dataset, tokens, gate, clock));
        camel.addRoutes(new AuditRoutes(settings, tokens, gate));
        camel.addRoutes(new ControlRoutes(settings, faults, traffic, dataset, helseIdNonces, apiNonces));
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
        faults.releaseHeld(); // requests held by a timeout fault would otherwise delay the shutdown
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

    /** The dataset served now (it changes on {@code POST /sim/dataset/reload}). */
    public Dataset dataset() {
        return dataset.get();
    }
}
