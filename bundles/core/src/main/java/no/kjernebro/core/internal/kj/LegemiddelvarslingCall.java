package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * Legemiddelvarsling with the system token: the patients and their previous-query timestamps in the
 * body (identity numbers never in the URL), in requests of at most the service's maximum batch size
 * (a bigger list is split), and an answer that must name every patient asked about. Answers are
 * matched by identity number, not by position, so a reordered answer cannot attribute one patient's
 * news to another.
 */
final class LegemiddelvarslingCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String WHAT = "Legemiddelvarsling";

    private final KjernejournalSettings settings;
    private final SystemTokenCalls calls;
    private final Clock clock;
    private final URI uri;

    LegemiddelvarslingCall(KjernejournalSettings settings, SystemTokenCalls calls, Clock clock) {
        this.settings = settings;
        this.calls = calls;
        this.clock = clock;
        this.uri = URI.create(settings.baseUrl() + settings.legemiddelvarslingPath());
    }

    List<VarslingSvar> sjekk(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem, String correlationId)
            throws KjernejournalException {
        int max = settings.legemiddelvarslingMaxBatchSize();
        List<VarslingSvar> all = new ArrayList<>(pasienter.size());
        for (int from = 0; from < pasienter.size(); from += max) {
            List<PasientSjekk> batch = pasienter.subList(from, Math.min(pasienter.size(), from + max));
            all.addAll(batch(tenant, batch, epjSystem, correlationId));
        }
        return all;
    }

    private List<VarslingSvar> batch(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem,
                                     String correlationId) throws KjernejournalException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(settings.epjSystemHeader(), epjSystem);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        if (correlationId != null) {
            headers.put("X-Correlation-ID", correlationId);
        }
        HttpAnswer answer = calls.execute(tenant, new HttpCall(Upstream.LEGEMIDDELVARSLING, "POST", uri, headers,
                body(pasienter)), Deadline.after(settings.lookupDeadline(), clock));
        if (!answer.ok()) {
            throw Answers.refused(answer, WHAT);
        }
        return answers(pasienter, Answers.json(answer, WHAT));
    }

    private static String body(List<PasientSjekk> pasienter) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode list = request.putArray("pasienter");
        for (PasientSjekk p : pasienter) {
            ObjectNode node = list.addObject().put("fnr", p.fnr());
            if (p.sistSjekket() != null) {
                node.put("sistSjekket", p.sistSjekket().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
        }
        return request.toString();
    }

    private static List<VarslingSvar> answers(List<PasientSjekk> pasienter, JsonNode json) throws KjernejournalException {
        if (!json.path("pasienter").isArray()) {
            throw rejected("answer has no pasienter list");
        }
        Map<String, VarslingSvar> byFnr = new HashMap<>();
        for (JsonNode node : json.path("pasienter")) {
            String fnr = Nodes.text(node, "fnr");
            JsonNode kj = node.get("harKjernejournal");
            JsonNode ny = node.get("nyLegemiddelinformasjon");
            if (fnr == null || kj == null || !kj.isBoolean() || ny == null || !ny.isBoolean()) {
                throw rejected("an answer lacks fnr, harKjernejournal or nyLegemiddelinformasjon");
            }
            String neste = Nodes.text(node, "nesteSjekk");
            OffsetDateTime nesteSjekk = Nodes.dateTime(neste);
            if (neste != null && nesteSjekk == null) {
                // a timestamp we cannot send back would make the next check ask from the beginning
                throw rejected("an answer has a nesteSjekk that is not an ISO-8601 timestamp with offset");
            }
            byFnr.putIfAbsent(fnr, new VarslingSvar(fnr, kj.booleanValue(), ny.booleanValue(), nesteSjekk));
        }
        List<VarslingSvar> inOrder = new ArrayList<>(pasienter.size());
        for (PasientSjekk p : pasienter) {
            VarslingSvar svar = byFnr.get(p.fnr());
            if (svar == null) {
                throw rejected("the answer does not name every patient asked about");
            }
            inOrder.add(svar);
        }
        return inOrder;
    }

    private static KjernejournalException rejected(String message) {
        return new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, WHAT + ": " + message);
    }
}
