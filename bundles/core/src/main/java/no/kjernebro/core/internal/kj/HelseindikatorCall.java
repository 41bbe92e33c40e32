package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.summary.Helseindikator;

/**
 * {@code POST /v1/helseindikator} with the system token: the identity number, the start of the
 * medication history and the access basis in the body (so the ticket carries it); status, flags and
 * the ticket back.
 */
final class HelseindikatorCall {

    /** The answer and its ticket (null for status 0 and 1). */
    record Result(Helseindikator indikator, String ticket) {
        @Override
        public String toString() {
            return "Helseindikator[status=" + indikator.status() + ", ticket=" + (ticket == null ? "none" : "****") + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String WHAT = "Helseindikator";
    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final KjernejournalSettings settings;
    private final SystemTokenCalls calls;
    private final Clock clock;
    private final ClientStatistics stats;
    private final URI uri;

    HelseindikatorCall(KjernejournalSettings settings, SystemTokenCalls calls, Clock clock, ClientStatistics stats) {
        this.settings = settings;
        this.calls = calls;
        this.clock = clock;
        this.stats = stats;
        this.uri = URI.create(settings.baseUrl() + settings.helseindikatorPath());
    }

    Result call(KjernejournalRequest request, Deadline deadline) throws KjernejournalException {
        ObjectNode body = JSON.createObjectNode()
                .put("fnr", request.patient().value())
                .put("legemiddelFraDato", legemiddelFraDato().toString());
        if (settings.sendSamtykke()) {
            body.put("samtykke", request.samtykke().name());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(settings.epjSystemHeader(), request.epjSystem());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        if (request.correlationId() != null) {
            headers.put("X-Correlation-ID", request.correlationId());
        }
        stats.helseindikatorCalls.incrementAndGet();
        HttpAnswer answer = calls.execute(request.tenant(),
                new HttpCall(Upstream.HELSEINDIKATOR, "POST", uri, headers, body.toString()), deadline);
        if (!answer.ok()) {
            throw switch (answer.status()) {
                case 401 -> new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, WHAT
                        + ": kjernejournal refused the system token of tenant " + request.tenant().kommunenummer()
                        + " even after renewing it (" + Answers.describe(answer) + ")");
                case 403 -> new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, WHAT
                        + ": the organisation of tenant " + request.tenant().kommunenummer()
                        + " may not use kjernejournal (" + Answers.describe(answer) + ")");
                default -> Answers.refused(answer, WHAT);
            };
        }
        JsonNode json = Answers.json(answer, WHAT);
        Helseindikator indikator = HelseindikatorMapper.map(json);
        String ticket = Nodes.text(json, "ticket");
        return new Result(indikator, ticket == null || ticket.isBlank() ? null : ticket);
    }

    /** The first day of the medication history, counted in Norwegian days. */
    LocalDate legemiddelFraDato() {
        return LocalDate.now(clock.withZone(NORWAY)).minusMonths(settings.legemiddelHistorikkMaaneder());
    }
}
