package no.kjernebro.simulator.internal;

import no.kjernebro.simulator.internal.dataset.CurrentDataset;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dataset.DatasetException;
import no.kjernebro.simulator.internal.dpop.DpopNonces;
import no.kjernebro.simulator.internal.http.FaultInjection;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.HttpRoutes;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import no.kjernebro.simulator.internal.http.Traffic;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Simulator-only controls: fault injection, statistics, dataset reload and DPoP nonce rotation. */
final class ControlRoutes extends HttpRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);

    private final FaultInjection faults;
    private final Traffic traffic;
    private final CurrentDataset dataset;
    private final DpopNonces[] nonces;

    ControlRoutes(SimulatorSettings settings, FaultInjection faults, Traffic traffic, CurrentDataset dataset,
                  DpopNonces... nonces) {
        super(settings.host(), settings.port());
        this.faults = faults;
        this.traffic = traffic;
        this.dataset = dataset;
        this.nonces = nonces.clone();
    }

    @Override
    protected void routes() {
        // One route per path, dispatching on the method: /sim/faults/{api} lies below /sim/faults.
        anyMethod("/sim/faults", "sim-control-faults", true).process(this::faults);
        anyMethod("/sim/stats", "sim-control-stats", false).process(traffic::handleStats);
        http("GET", "/sim/accesses", "sim-control-accesses").process(traffic::listAccesses);
        http("POST", "/sim/dataset/reload", "sim-control-dataset-reload").process(this::reload);
        http("POST", "/sim/dpop/rotate-nonces", "sim-control-dpop-nonces").process(this::rotateNonces);
    }

    private void faults(Exchange exchange) {
        String method = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        String below = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        boolean root = below == null || below.isBlank() || "/".equals(below);
        switch (method == null ? "" : method.toUpperCase(java.util.Locale.ROOT)) {
            case "POST" -> {
                requireRoot(root);
                faults.configure(exchange);
            }
            case "GET" -> {
                requireRoot(root);
                faults.list(exchange);
            }
            case "DELETE" -> faults.delete(exchange);
            default -> throw HttpProblem.oauth(405, "invalid_request", "POST, GET or DELETE");
        }
    }

    private static void requireRoot(boolean root) {
        if (!root) {
            throw HttpProblem.oauth(404, "not_found", "only DELETE takes an API name in the path");
        }
    }

    private void reload(Exchange exchange) {
        Dataset fresh;
        try {
            fresh = dataset.reload();
        } catch (DatasetException e) {
            LOG.warn("Simulator dataset reload refused; the previous dataset stays: {}", e.getMessage());
            throw HttpProblem.oauth(400, "invalid_dataset", e.getMessage());
        }
        LOG.info("Simulator dataset reloaded from {}: {} patients, {} people", dataset.source(),
                fresh.pasienter().size(), fresh.personell().size());
        Responses.json(exchange, 200, Json.object()
                .put("reloaded", true)
                .put("source", dataset.source())
                .put("pasienter", fresh.pasienter().size())
                .put("personell", fresh.personell().size()));
    }

    private void rotateNonces(Exchange exchange) {
        for (DpopNonces each : nonces) {
            each.rotate();
        }
        Responses.json(exchange, 200, Json.object().put("rotated", true));
    }
}
