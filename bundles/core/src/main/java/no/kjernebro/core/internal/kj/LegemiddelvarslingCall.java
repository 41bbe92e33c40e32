package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.core.internal.tenant.Tenant;

/**
 * One Legemiddelvarsling request over the {@code kj-legemiddelvarsling} route: the batch in the body
 * (identity numbers never in the URL), the tenant's system token, and an answer that must name every
 * patient asked about. Answers are matched by identity number, not by position, so a reordered
 * answer cannot attribute one patient's news to another.
 */
final class LegemiddelvarslingCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHAT = "Legemiddelvarsling";

    private final KjHttp http;
    private final SystemTokens tokens;
    private final KjernejournalSettings settings;

    LegemiddelvarslingCall(KjHttp http, SystemTokens tokens, KjernejournalSettings settings) {
        this.http = http;
        this.tokens = tokens;
        this.settings = settings;
    }

    List<VarslingSvar> sjekk(Tenant tenant, List<PasientSjekk> pasienter, String epjSystem, String correlationId)
            throws KjernejournalException {
        if (pasienter.size() > settings.legemiddelvarslingMaxBatchSize()) {
            throw new KjernejournalException(ErrorCode.INVALID_REQUEST, WHAT + ": " + pasienter.size()
                    + " patients, at most " + settings.legemiddelvarslingMaxBatchSize() + " per request");
        }
        String body = body(pasienter);
        KjHttp.Answer answer = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            Map<String, Object> headers = new HashMap<>();
            headers.put("Authorization", "Bearer " + tokens.token(tenant));
            headers.put(settings.epjSystemHeader(), epjSystem);
            headers.put("Content-Type", "application/json");
            headers.put("Accept", "application/json");
            if (correlationId != null) {
                headers.put("X-Correlation-ID", correlationId);
            }
            answer = http.call(KjRoutes.LEGEMIDDELVARSLING, WHAT, headers, body);
            if (answer.status() != 401) {
                break;
            }
            tokens.evict(tenant); // a cached token the server no longer accepts: renew once
        }
        if (answer.status() >= 500) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, WHAT + ": kjernejournal answered "
                    + answer.status());
        }
        if (!answer.ok()) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, WHAT + ": kjernejournal answered "
                    + answer.status());
        }
        return answers(pasienter, answer.body());
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

    private static List<VarslingSvar> answers(List<PasientSjekk> pasienter, String body) throws KjernejournalException {
        Map<String, VarslingSvar> byFnr = new HashMap<>();
        for (JsonNode node : parse(body).path("pasienter")) {
            String fnr = Nodes.text(node, "fnr");
            JsonNode kj = node.get("harKjernejournal");
            JsonNode ny = node.get("nyLegemiddelinformasjon");
            if (fnr == null || kj == null || !kj.isBoolean() || ny == null || !ny.isBoolean()) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED,
                        WHAT + ": an answer lacks fnr, harKjernejournal or nyLegemiddelinformasjon");
            }
            byFnr.putIfAbsent(fnr, new VarslingSvar(fnr, kj.booleanValue(), ny.booleanValue(),
                    Nodes.dateTime(Nodes.text(node, "nesteSjekk"))));
        }
        List<VarslingSvar> inOrder = new ArrayList<>(pasienter.size());
        for (PasientSjekk p : pasienter) {
            VarslingSvar svar = byFnr.get(p.fnr());
            if (svar == null) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED,
                        WHAT + ": the answer does not name every patient asked about");
            }
            inOrder.add(svar);
        }
        return inOrder;
    }

    private static JsonNode parse(String body) throws KjernejournalException {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || !node.isObject() || !node.path("pasienter").isArray()) {
                throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, WHAT + ": answer has no pasienter array");
            }
            return node;
        } catch (IOException e) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, WHAT + ": answer is not JSON", e);
        }
    }
}
