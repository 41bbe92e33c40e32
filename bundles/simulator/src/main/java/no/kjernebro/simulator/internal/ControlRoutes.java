package no.kjernebro.simulator.internal;

import no.kjernebro.simulator.internal.http.FaultInjection;
import no.kjernebro.simulator.internal.http.HttpRoutes;

/** Simulator-only controls: fault injection. */
final class ControlRoutes extends HttpRoutes {

    private final FaultInjection faults;

    ControlRoutes(SimulatorSettings settings, FaultInjection faults) {
        super(settings.host(), settings.port());
        this.faults = faults;
    }

    @Override
    protected void routes() {
        http("POST", "/sim/faults", "sim-control-faults").process(faults::configure);
    }
}
