package no.kjernebro.auditreview.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON out: plain maps and lists, times as ISO-8601 strings, so no Jackson modules are needed. */
final class ApiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ApiJson() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    static ApiResponse ok(Object value) {
        return ApiResponse.of(200, ApiResponse.JSON, bytes(value));
    }

    static ApiResponse problem(ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        ApiResponse response = ApiResponse.of(problem.status(), ApiResponse.PROBLEM, bytes(body));
        problem.headers().forEach(response::withHeader);
        return response;
    }

    /** A map that leaves out null values, in insertion order. */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                map.put((String) namesAndValues[i], value instanceof java.time.Instant ? value.toString() : value);
            }
        }
        return map;
    }
}
