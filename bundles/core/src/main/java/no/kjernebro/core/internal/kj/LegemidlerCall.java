package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import no.kjernebro.api.lookup.AccessBasis;

/**
 * {@code GET /v1/legemidler} with the user's token: the ticket, the start of the history and the
 * consent parameters in the query (no identity number: the ticket names the patient).
 */
final class LegemidlerCall {

    static final String WHAT = "medication";

    private final KjernejournalSettings settings;
    private final ResilientHttp http;
    private final HelseindikatorCall helseindikator;

    LegemidlerCall(KjernejournalSettings settings, ResilientHttp http, HelseindikatorCall helseindikator) {
        this.settings = settings;
        this.http = http;
        this.helseindikator = helseindikator;
    }

    JsonNode fetch(KjernejournalRequest request, String ticket, Deadline deadline)
            throws KjernejournalException, TicketUnknown {
        HttpAnswer answer = http.execute(request.tenant(), new HttpCall(Upstream.LEGEMIDLER, "GET", uri(request, ticket),
                UserTokenCalls.headers(settings, request, "application/json"), null), deadline);
        if (!answer.ok()) {
            throw UserTokenCalls.refused(answer, WHAT, false);
        }
        return Answers.json(answer, WHAT);
    }

    URI uri(KjernejournalRequest request, String ticket) {
        String fra = helseindikator.legemiddelFraDato().atStartOfDay().atOffset(ZoneOffset.UTC).toString();
        StringBuilder q = new StringBuilder()
                .append("ticket=").append(encode(ticket))
                .append("&fra=").append(encode(fra))
                .append("&utvidet-oppslag=").append(settings.utvidetOppslag());
        // the optional consents are only sent when given: absent means no
        if (request.samtykker().sperretLegemidler()) {
            q.append("&samtykke-sperret-legemidler=true");
        }
        if (request.samtykker().lasteResepter()) {
            q.append("&samtykke-laste-resepter=true");
        }
        if (request.samtykke() == AccessBasis.HPMOTTATTSAMTYKKE) {
            q.append("&samtykke-bruk-api=true");
        }
        return URI.create(settings.baseUrl() + settings.legemidlerPath() + "?" + q);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
