package no.kjernebro.simulator.internal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import no.kjernebro.simulator.internal.SimulatorSettings;
import no.kjernebro.simulator.internal.helseid.AccessTokens;
import no.kjernebro.simulator.internal.helseid.ResourceRequest;
import no.kjernebro.simulator.internal.http.Api;
import no.kjernebro.simulator.internal.http.ApiGate;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.HttpRoutes;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The national audit receiver stand-in, plus a read-back endpoint for tests and demos. */
public final class AuditRoutes extends HttpRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRoutes.class);
    private static final int CAPACITY = 10_000;
    // FHIR id datatype: letters, digits, '-' and '.', at most 64 characters.
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final AccessTokens tokens;
    private final AuditEventStore store = new AuditEventStore(CAPACITY);

    public AuditRoutes(SimulatorSettings settings, AccessTokens tokens, ApiGate gate) {
        super(settings.host(), settings.port(), gate);
        this.tokens = tokens;
    }

    @Override
    protected void routes() {
        api("POST", "/fhir/AuditEvent", "sim-audit-receive", Api.AUDIT).process(this::receive).process(leave());
        http("GET", "/sim/audit-events", "sim-audit-list").process(this::list);
    }

    private void receive(Exchange exchange) {
        String authorization = exchange.getIn().getHeader("Authorization", String.class);
        if (authorization != null) {
            tokens.verify(ResourceRequest.of(exchange)); // optional, but a token that is sent must be valid
        }
        ObjectNode event = auditEvent(exchange.getIn().getBody(String.class));
        String id = Json.text(event, "id");
        if (id == null) {
            id = UUID.randomUUID().toString();
            event.put("id", id);
        } else if (!FHIR_ID.matcher(id).matches()) {
            throw HttpProblem.fhir(400, "invalid", "AuditEvent.id is not a valid FHIR id");
        }
        boolean added = store.add(id, event);
        LOG.info("AuditEvent {} {}", id, added ? "received" : "received again (ignored)");
        Responses.fhir(exchange, added ? 201 : 200, Json.object().put("resourceType", "AuditEvent").put("id", id));
        exchange.getMessage().setHeader("Location", "/fhir/AuditEvent/" + id);
    }

    private void list(Exchange exchange) {
        List<ObjectNode> events = store.all();
        ObjectNode answer = Json.object().put("count", events.size());
        ArrayNode array = answer.putArray("events");
        events.forEach(array::add);
        Responses.json(exchange, 200, answer);
    }

    private static ObjectNode auditEvent(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw HttpProblem.fhir(400, "invalid", "the body is not JSON");
        }
        if (!(node instanceof ObjectNode object) || !"AuditEvent".equals(object.path("resourceType").asText())) {
            throw HttpProblem.fhir(400, "invalid", "the body must be a FHIR AuditEvent");
        }
        return object;
    }
}
