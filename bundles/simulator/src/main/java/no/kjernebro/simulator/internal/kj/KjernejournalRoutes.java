package no.kjernebro.simulator.internal.kj;

import java.time.Clock;
import no.kjernebro.simulator.internal.SimulatorSettings;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.http.FaultInjection;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.HttpRoutes;
import org.apache.camel.Exchange;

/**
 * The kjernejournal stand-in. Every request passes the fault gate first, then must name its EPJ
 * system, as NHN requires, before any token or patient is looked at.
 */
public final class KjernejournalRoutes extends HttpRoutes {

    static final String EPJ_SYSTEM_HEADER = "X-EPJ-System";

    private final FaultInjection faults;
    private final HelseindikatorEndpoint helseindikator;
    private final EverythingEndpoint everything;
    private final LegemidlerEndpoint legemidler;
    private final LegemiddelvarslingEndpoint legemiddelvarsling;

    public KjernejournalRoutes(SimulatorSettings settings, Dataset dataset, AccessTokens tokens, FaultInjection faults,
                               Clock clock) {
        super(settings.host(), settings.port());
        this.faults = faults;
        TicketStore tickets = new TicketStore(settings.ticketTtl(), clock);
        PatientAccess access = new PatientAccess(dataset, tokens, tickets);
        this.helseindikator = new HelseindikatorEndpoint(dataset, tokens, tickets);
        this.everything = new EverythingEndpoint(access, clock);
        this.legemidler = new LegemidlerEndpoint(access);
        this.legemiddelvarsling = new LegemiddelvarslingEndpoint(dataset, tokens, settings.varsling(), clock);
    }

    @Override
    protected void routes() {
        http("POST", "/v1/helseindikator", "sim-kj-helseindikator")
                .process(faults::apply).process(KjernejournalRoutes::requireEpjSystem).process(helseindikator);
        // $everything is a literal path segment (a FHIR operation), not a placeholder.
        http("GET", "/v1/fhir/Patient/$everything", "sim-kj-everything")
                .process(faults::apply).process(KjernejournalRoutes::requireEpjSystem).process(everything);
        http("GET", "/v1/legemidler", "sim-kj-legemidler")
                .process(faults::apply).process(KjernejournalRoutes::requireEpjSystem).process(legemidler);
        http("POST", "/v1/legemiddelvarsling", "sim-kj-legemiddelvarsling")
                .process(faults::apply).process(KjernejournalRoutes::requireEpjSystem).process(legemiddelvarsling);
    }

    private static void requireEpjSystem(Exchange exchange) {
        String system = exchange.getIn().getHeader(EPJ_SYSTEM_HEADER, String.class);
        if (system == null || system.isBlank()) {
            throw HttpProblem.oauth(400, "invalid_request", "the " + EPJ_SYSTEM_HEADER + " header is required");
        }
    }
}
