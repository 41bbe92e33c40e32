package no.kjernebro.simulator.internal.kj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.simulator.internal.dataset.Pasient;
import no.kjernebro.simulator.internal.helseid.ResourceRequest;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/legemidler}: the medication history, a JSON projection of the e-prescription
 * messages. Locked prescriptions stay hidden unless the caller states the patient's consent to see them, and
 * so does all medication of a patient who restricted the module ({@code samtykke-sperret-legemidler}).
 * Only health personnel (an HPR number in the user token) get an answer.
 */
final class LegemidlerEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(LegemidlerEndpoint.class);

    private final PatientAccess access;

    LegemidlerEndpoint(PatientAccess access) {
        this.access = access;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String ticketId = in.getHeader("ticket", String.class);
        if (ticketId == null) {
            ticketId = in.getHeader("X-kj-ticket", String.class);
        }
        PatientAccess.Granted granted = access.check(ResourceRequest.of(exchange), ticketId, PatientAccess.Style.JSON);
        if (granted.token().hprNumber() == null) {
            throw HttpProblem.oauth(403, "access_denied",
                    "legemiddelopplysninger deles bare med helsepersonell (HPR-nummer i brukertokenet)");
        }
        LocalDate fra = fra(in.getHeader("fra", String.class), granted.ticket().legemiddelFraDato());
        boolean visLaste = flag(in, "samtykke-laste-resepter");
        flag(in, "utvidet-oppslag");
        boolean visSperret = flag(in, "samtykke-sperret-legemidler");
        flag(in, "samtykke-bruk-api");
        boolean sperret = granted.pasient().harSperret(Pasient.MODUL_LEGEMIDLER) && !visSperret;
        access.record("legemidler", granted, granted.ticket().samtykke(), "ticket", in)
                .put("samtykkeLasteResepter", visLaste)
                .put("samtykkeSperretLegemidler", visSperret)
                .put("legemidlerSperret", sperret);

        List<Pasient.Legemiddel> selected = sperret ? List.of() : granted.pasient().legemidler().stream()
                .filter(l -> since(l, fra))
                .sorted(Comparator.comparing(Pasient.Legemiddel::rekvirert).reversed())
                .toList();
        boolean skjult = !visLaste && selected.stream().anyMatch(Pasient.Legemiddel::laast);
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("legemidler");
        selected.stream().filter(l -> visLaste || !l.laast()).forEach(l -> list.add(json(l)));
        answer.put("lasteResepterSkjult", skjult);
        // The patient restricted the medication module and the request did not state consent to see it.
        answer.put("legemidlerSperret", sperret);
        LOG.info("Legemidler for {} by {}: {} entries, locked hidden {}",
                NationalIdentityNumber.mask(granted.pasient().fnr()), granted.token().claims().path("sub").asText(),
                list.size(), skjult);
        Responses.json(exchange, 200, answer);
    }

    /** True when the entry was prescribed or dispensed on or after {@code fra} (always, when fra is null). */
    static boolean since(Pasient.Legemiddel legemiddel, LocalDate fra) {
        if (fra == null) {
            return true;
        }
        LocalDate latest = LocalDate.parse(legemiddel.rekvirert());
        if (legemiddel.utlevert() != null && LocalDate.parse(legemiddel.utlevert()).isAfter(latest)) {
            latest = LocalDate.parse(legemiddel.utlevert());
        }
        return !latest.isBefore(fra);
    }

    private static ObjectNode json(Pasient.Legemiddel l) {
        ObjectNode node = Json.object()
                .put("kategori", l.kategori())
                .put("navn", l.navn());
        if (l.atc() != null) {
            node.put("atc", l.atc()); // consumables have no ATC code
        }
        node.put("styrke", l.styrke())
                .put("dosering", l.dosering())
                .put("status", l.status())
                .put("multidose", l.multidose())
                .put("rekvirert", l.rekvirert());
        if (l.utlevert() != null) {
            node.put("utlevert", l.utlevert());
        }
        node.put("rekvirent", l.rekvirent());
        return node;
    }

    // The query parameter wins; without one the ticket's legemiddelFraDato applies.
    private static LocalDate fra(String text, LocalDate fromTicket) {
        if (text == null || text.isBlank()) {
            return fromTicket;
        }
        try {
            return OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // try the shorter forms below
        }
        try {
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // try a plain date
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw HttpProblem.oauth(400, "invalid_request", "fra must be an ISO timestamp or date");
        }
    }

    private static boolean flag(Message in, String name) {
        return PatientAccess.flag(in, name, PatientAccess.Style.JSON);
    }
}
