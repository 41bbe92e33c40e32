package no.kjernebro.simulator.internal.kj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dataset.Pasient;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.helseid.ResourceRequest;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import no.kjernebro.simulator.internal.http.Traffic;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/helseindikator} with a system token: the status and, from status 2, a ticket. */
final class HelseindikatorEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(HelseindikatorEndpoint.class);

    private final Supplier<Dataset> dataset;
    private final AccessTokens tokens;
    private final TicketStore tickets;
    private final Traffic traffic;

    HelseindikatorEndpoint(Supplier<Dataset> dataset, AccessTokens tokens, TicketStore tickets, Traffic traffic) {
        this.dataset = dataset;
        this.tokens = tokens;
        this.tickets = tickets;
        this.traffic = traffic;
    }

    @Override
    public void process(Exchange exchange) {
        AccessTokens.VerifiedToken token = tokens.verify(ResourceRequest.of(exchange));
        token.requireSystemToken();
        ObjectNode request = Json.requestObject(exchange.getIn().getBody(String.class));
        String fnr = Json.text(request, "fnr");
        if (fnr == null) {
            throw HttpProblem.oauth(400, "invalid_request", "fnr is required");
        }
        LocalDate fraDato = fraDato(Json.text(request, "legemiddelFraDato"));
        String samtykke = Samtykke.check(Json.text(request, "samtykke"));

        if (!NationalIdentityNumber.isValid(fnr)) {
            LOG.info("Helseindikator for {}: invalid identity number", NationalIdentityNumber.mask(fnr));
            Responses.json(exchange, 200, Json.object()
                    .put("status", Helseindikatorstatus.UGYLDIG)
                    .put("returTekst", Helseindikatorstatus.returTekst(Helseindikatorstatus.UGYLDIG)));
            return;
        }
        Optional<Pasient> pasient = dataset.get().pasient(fnr);
        int status = Helseindikatorstatus.of(pasient.orElse(null));
        ObjectNode answer = Json.object()
                .put("status", status)
                .put("returTekst", Helseindikatorstatus.returTekst(status));
        if (status >= Helseindikatorstatus.KJERNEJOURNAL) {
            Pasient p = pasient.orElseThrow();
            answer.put("ticket", tickets.issue(token.orgnr(), fnr, samtykke, fraDato).id());
            traffic.ticketIssued();
            answer.put("eksistererBlokkertHelsepersonell", p.harBlokkertHelsepersonell());
            answer.put("harLasteResepter", p.harLasteResepter());
            answer.put("harLegemidler", harLegemidler(p, fraDato));
            sistEndret(p, answer);
        } else {
            answer.put("eksistererBlokkertHelsepersonell", false)
                    .put("harLasteResepter", false)
                    .put("harLegemidler", false);
        }
        LOG.info("Helseindikator for {} (organisation {}, EPJ {}): status {}", NationalIdentityNumber.mask(fnr),
                token.orgnr(), exchange.getIn().getHeader(KjernejournalRoutes.EPJ_SYSTEM_HEADER), status);
        Responses.json(exchange, 200, answer);
    }

    private static boolean harLegemidler(Pasient p, LocalDate fraDato) {
        return p.legemidler().stream().anyMatch(l -> LegemidlerEndpoint.since(l, fraDato));
    }

    private static void sistEndret(Pasient p, ObjectNode answer) {
        Map<String, OffsetDateTime> perKategori = Helseindikatorstatus.sistEndret(p);
        ArrayNode list = answer.putArray("sistEndretKritiskInfo");
        OffsetDateTime latest = null;
        for (Map.Entry<String, OffsetDateTime> entry : perKategori.entrySet()) {
            list.addObject().put("kategori", entry.getKey())
                    .put("sistEndret", entry.getValue().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            latest = latest == null || entry.getValue().isAfter(latest) ? entry.getValue() : latest;
        }
        if (latest != null) {
            answer.put("sistEndretKritiskInfoDato", latest.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    private static LocalDate fraDato(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw HttpProblem.oauth(400, "invalid_request", "legemiddelFraDato must be an ISO date (yyyy-MM-dd)");
        }
    }
}
