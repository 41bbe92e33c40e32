package no.kjernebro.simulator.internal.kj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dataset.Pasient;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.helseid.ResourceRequest;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Traffic;
import org.apache.camel.Message;

/**
 * The checks shared by the clinical endpoints: a user token, a live ticket of the caller's
 * organisation, and a patient who has not blocked health personnel.
 */
final class PatientAccess {

    /** How an endpoint spells its errors: FHIR endpoints answer with an OperationOutcome. */
    enum Style { FHIR, JSON }

    /** A granted access. */
    record Granted(AccessTokens.VerifiedToken token, Ticket ticket, Pasient pasient) {
    }

    private final Supplier<Dataset> dataset;
    private final AccessTokens tokens;
    private final TicketStore tickets;
    private final Traffic traffic;

    PatientAccess(Supplier<Dataset> dataset, AccessTokens tokens, TicketStore tickets, Traffic traffic) {
        this.dataset = dataset;
        this.tokens = tokens;
        this.tickets = tickets;
        this.traffic = traffic;
    }

    Granted check(ResourceRequest request, String ticketId, Style style) {
        AccessTokens.VerifiedToken token = tokens.verify(request);
        token.requireUserToken();
        if (ticketId == null || ticketId.isBlank()) {
            throw problem(style, 400, "invalid_request", "required", "a ticket is required");
        }
        Ticket ticket = tickets.find(ticketId)
                .orElseThrow(() -> problem(style, 404, "unknown_ticket", "not-found", "unknown or expired ticket"));
        if (!ticket.belongsTo(token.orgnr())) {
            throw problem(style, 403, "access_denied", "forbidden", "the ticket belongs to another organisation");
        }
        Pasient pasient = dataset.get().pasient(ticket.fnr())
                .orElseThrow(() -> problem(style, 404, "unknown_ticket", "not-found", "no kjernejournal for the ticket"));
        if (pasient.harBlokkertHelsepersonell()) {
            throw problem(style, 403, "access_denied", "forbidden",
                    "Pasienten har blokkert helsepersonell; ingen opplysninger deles gjennom API-et");
        }
        return new Granted(token, ticket, pasient);
    }

    /**
     * Records the access with the consents it carried, for tests to read back from {@code /sim/accesses}.
     *
     * @param samtykke the access basis in force (header or ticket)
     */
    ObjectNode record(String api, Granted granted, String samtykke, String samtykkeFra, Message in) {
        ObjectNode access = Json.object()
                .put("api", api)
                .put("pasient", NationalIdentityNumber.mask(granted.pasient().fnr()))
                .put("orgnr", granted.ticket().orgnr())
                .put("sub", granted.token().claims().path("sub").asText())
                .put("hpr", granted.token().hprNumber())
                .put("tokenType", granted.token().tokenType())
                .put("samtykke", samtykke)
                .put("samtykkeFra", samtykkeFra)
                .put("epjSystem", in.getHeader(KjernejournalRoutes.EPJ_SYSTEM_HEADER, String.class));
        traffic.access(access);
        return access;
    }

    /** A {@code true}/{@code false} header or parameter; absent is false, anything else a bad request. */
    static boolean flag(Message in, String name, Style style) {
        String value = in.getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw problem(style, 400, "invalid_request", "invalid", name + " must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    static HttpProblem problem(Style style, int status, String jsonCode, String fhirCode, String text) {
        return style == Style.FHIR ? HttpProblem.fhir(status, fhirCode, text) : HttpProblem.oauth(status, jsonCode, text);
    }
}
