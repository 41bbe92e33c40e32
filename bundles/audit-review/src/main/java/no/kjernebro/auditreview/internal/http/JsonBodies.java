package no.kjernebro.auditreview.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON request body into named values for {@link Parameters}: a flat object whose values are
 * strings, whole numbers, booleans, null (= absent) or arrays of strings (joined with commas).
 */
final class JsonBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {
    }

    /** Checks the content type (415) and reads the body (413 past the limit, 400 if not a flat object). */
    static Map<String, String> read(ApiRequest request) {
        String contentType = request.header("Content-Type");
        if (!isJson(contentType)) {
            throw new ApiProblem(415, "Unsupported Media Type", "the body must be application/json (UTF-8); got "
                    + (contentType == null ? "no Content-Type" : "'" + Words.clip(contentType) + "'"));
        }
        byte[] body = request.body();
        if (body.length == 0) {
            throw ApiProblem.badRequest("the request needs a JSON object body");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("the body is not valid JSON: " + reason(e));
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String value = scalar(field.getKey(), field.getValue());
            if (value != null) {
                values.put(field.getKey(), value);
            }
        }
        return values;
    }

    private static String scalar(String name, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() || node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    throw ApiProblem.badRequest(Words.clip(name) + " must be a list of strings");
                }
                joined.append(joined.isEmpty() ? "" : ",").append(element.textValue());
            }
            return joined.toString();
        }
        throw ApiProblem.badRequest(Words.clip(name) + " must be a string, a whole number or a boolean");
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        message = Words.maskIdentityNumbers(message.length() > 120 ? message.substring(0, 120) + "…" : message);
        return e.getLocation() == null ? message
                : message + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=") && !param.equals("charset=utf-8") && !param.equals("charset=\"utf-8\"")) {
                return false;
            }
        }
        return true;
    }
}
