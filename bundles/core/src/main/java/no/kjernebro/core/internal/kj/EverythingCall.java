package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import no.kjernebro.api.lookup.AccessBasis;

/**
 * {@code GET /v1/fhir/Patient/$everything} with the user's token. The patient is named by the ticket
 * (or, in the HIT header set, by a header), never in the URL; which headers carry ticket, consents,
 * role and patient is configuration ({@code fhir.headers}).
 */
final class EverythingCall {

    static final String WHAT = "critical information";

    private final KjernejournalSettings settings;
    private final ResilientHttp http;
    private final URI uri;

    EverythingCall(KjernejournalSettings settings, ResilientHttp http) {
        this.settings = settings;
        this.http = http;
        this.uri = URI.create(settings.baseUrl() + settings.fhirPath());
    }

    JsonNode fetch(KjernejournalRequest request, String ticket, AccessBasis ticketSamtykke, Deadline deadline)
            throws KjernejournalException, TicketUnknown {
        Map<String, String> headers = UserTokenCalls.headers(settings, request, "application/fhir+json");
        for (FhirHeader h : settings.fhirHeaders()) {
            String value = value(h.source(), request, ticket, ticketSamtykke);
            if (value != null) {
                headers.put(h.name(), value);
            }
        }
        HttpAnswer answer = http.execute(request.tenant(), new HttpCall(Upstream.FHIR, "GET", uri, headers, null), deadline);
        if (!answer.ok()) {
            throw UserTokenCalls.refused(answer, WHAT, true);
        }
        return Answers.json(answer, WHAT);
    }

    static String value(FhirHeader.Source source, KjernejournalRequest request, String ticket, AccessBasis ticketSamtykke) {
        return switch (source) {
            case TICKET -> ticket;
            case SAMTYKKE -> request.samtykke().name();
            case SAMTYKKE_VED_AVVIK -> request.samtykke() == ticketSamtykke ? null : request.samtykke().name();
            case SPERRET_KRITISKINFO -> request.samtykker().sperretKritiskInfo() ? "true" : null;
            case BRUKERROLLE -> request.brukerrolle();
            case PASIENT -> request.patient().value();
            case EPJ_SYSTEM -> request.epjSystem();
            case HENDELSE -> request.correlationId();
        };
    }
}
