package no.kjernebro.simulator.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one ObjectMapper of the simulator and the small JSON shapes every endpoint shares. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ObjectNode error(String error, String description) {
        ObjectNode node = object().put("error", error);
        if (description != null) {
            node.put("error_description", description);
        }
        return node;
    }

    public static ObjectNode operationOutcome(String code, String diagnostics) {
        ObjectNode outcome = object().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject()
                .put("severity", "error")
                .put("code", code)
                .put("diagnostics", diagnostics);
        return outcome;
    }

    /**
     * Parses a request body that must be a JSON object.
     *
     * @throws HttpProblem 400 invalid_request when it is empty or not an object
     */
    public static ObjectNode requestObject(String body) {
        if (body == null || body.isBlank()) {
            throw HttpProblem.oauth(400, "invalid_request", "a JSON body is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (Exception e) {
            throw HttpProblem.oauth(400, "invalid_request", "the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw HttpProblem.oauth(400, "invalid_request", "the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Text of a field, or null when absent, null or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
