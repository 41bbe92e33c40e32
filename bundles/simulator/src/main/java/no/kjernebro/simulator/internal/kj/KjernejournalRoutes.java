package no.kjernebro.simulator.internal.kj;

import java.time.Clock;
import java.util.function.Supplier;
import no.kjernebro.simulator.internal.SimulatorSettings;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.http.Api;
import no.kjernebro.simulator.internal.http.ApiGate;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.HttpRoutes;
import org.apache.camel.Exchange;

/**
 * The kjernejournal stand-in. Every request passes the API gate first (counting, injected faults),
 * then must name its EPJ system, as NHN requires, before any token or patient is looked at.
 */
public final class KjernejournalRoutes extends HttpRoutes {

    static final String EPJ_SYSTEM_HEADER = "X-EPJ-System";

    private final HelseindikatorEndpoint helseindikator;
    private final EverythingEndpoint everything;
    private final LegemidlerEndpoint legemidler;
    private final LegemiddelvarslingEndpoint legemiddelvarsling;

    public KjernejournalRoutes(SimulatorSettings settings, Supplier<Dataset> dataset, AccessTokens tokens, ApiGate gate,
                               Clock clock) {
        super(settings.host(), settings.port(), gate);
        TicketStore tickets = new TicketStore(settings.ticketTtl(), clock);
        PatientAccess access = new PatientAccess(dataset, tokens, tickets, gate.traffic());
        this.helseindikator = new HelseindikatorEndpoint(dataset, tokens, tickets, gate.traffic());
        this.everything = new EverythingEndpoint(access, clock);
        this.legemidler = new LegemidlerEndpoint(access);
        this.legemiddelvarsling = new LegemiddelvarslingEndpoint(dataset, tokens, settings.varsling(), clock);
    }

    @Override
    protected void routes() {
        api("POST", "/v1/helseindikator", "sim-kj-helseindikator", Api.HELSEINDIKATOR)
                .process(KjernejournalRoutes::requireEpjSystem).process(helseindikator).process(leave());
        // $everything is a literal path segment (a FHIR operation), not a placeholder.
        api("GET", "/v1/fhir/Patient/$everything", "sim-kj-everything", Api.FHIR)
                .process(KjernejournalRoutes::requireEpjSystem).process(everything).process(leave());
        api("GET", "/v1/legemidler", "sim-kj-legemidler", Api.LEGEMIDLER)
                .process(KjernejournalRoutes::requireEpjSystem).process(legemidler).process(leave());
        api("POST", "/v1/legemiddelvarsling", "sim-kj-legemiddelvarsling", Api.LEGEMIDDELVARSLING)
                .process(KjernejournalRoutes::requireEpjSystem).process(legemiddelvarsling).process(leave());
    }

    private static void requireEpjSystem(Exchange exchange) {
        String system = exchange.getIn().getHeader(EPJ_SYSTEM_HEADER, String.class);
        if (system == null || system.isBlank()) {
            throw HttpProblem.oauth(400, "invalid_request", "the " + EPJ_SYSTEM_HEADER + " header is required");
        }
    }
}
