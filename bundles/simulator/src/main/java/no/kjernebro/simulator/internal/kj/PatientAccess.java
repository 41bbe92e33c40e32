package no.kjernebro.simulator.internal.kj;

import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dataset.Pasient;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.http.HttpProblem;

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

    private final Dataset dataset;
    private final AccessTokens tokens;
    private final TicketStore tickets;

    PatientAccess(Dataset dataset, AccessTokens tokens, TicketStore tickets) {
        this.dataset = dataset;
        this.tokens = tokens;
        this.tickets = tickets;
    }

    Granted check(String authorization, String ticketId, Style style) {
        AccessTokens.VerifiedToken token = tokens.verify(authorization);
        token.requireUserToken();
        if (ticketId == null || ticketId.isBlank()) {
            throw problem(style, 400, "invalid_request", "required", "a ticket is required");
        }
        Ticket ticket = tickets.find(ticketId)
                .orElseThrow(() -> problem(style, 404, "unknown_ticket", "not-found", "unknown or expired ticket"));
        if (!ticket.belongsTo(token.orgnr())) {
            throw problem(style, 403, "access_denied", "forbidden", "the ticket belongs to another organisation");
        }
        Pasient pasient = dataset.pasient(ticket.fnr())
                .orElseThrow(() -> problem(style, 404, "unknown_ticket", "not-found", "no kjernejournal for the ticket"));
        if (pasient.harBlokkertHelsepersonell()) {
            throw problem(style, 403, "access_denied", "forbidden",
                    "Pasienten har blokkert helsepersonell; ingen opplysninger deles gjennom API-et");
        }
        return new Granted(token, ticket, pasient);
    }

    private static HttpProblem problem(Style style, int status, String jsonCode, String fhirCode, String text) {
        return style == Style.FHIR ? HttpProblem.fhir(status, fhirCode, text) : HttpProblem.oauth(status, jsonCode, text);
    }
}
