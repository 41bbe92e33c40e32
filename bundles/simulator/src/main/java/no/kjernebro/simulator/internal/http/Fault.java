package no.kjernebro.simulator.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One fault for one API, as set through {@code POST /sim/faults}.
 *
 * @param latencyMs delay before anything else happens (0-120000)
 * @param status answer this status (400-599) with the API's error body instead of the real answer; null for none
 * @param timeout hold the request for {@code timeoutMs} (well beyond a client's read timeout), then answer 504
 * @param timeoutMs how long {@code timeout} holds; null for the configured default
 * @param malformed answer with the real status and a truncated, unparseable JSON body
 * @param oversized pad the real answer with whitespace to {@code oversizedBytes}: still valid JSON, but huge
 * @param oversizedBytes extra bytes for {@code oversized}; null for the configured default
 * @param retryAfterSeconds answer 429 with {@code Retry-After}; null for no rate limit
 * @param times apply to the next N requests of the API; null until cleared
 */
public record Fault(long latencyMs, Integer status, boolean timeout, Long timeoutMs, boolean malformed, boolean oversized,
                    Integer oversizedBytes, Integer retryAfterSeconds, Integer times) {

    static final long MAX_LATENCY_MS = 120_000;
    static final long MAX_TIMEOUT_MS = 600_000;
    static final int MAX_OVERSIZED_BYTES = 512 * 1024 * 1024;

    /** True when the fault changes nothing. */
    boolean none() {
        return latencyMs == 0 && status == null && !timeout && !malformed && !oversized && retryAfterSeconds == null;
    }

    /**
     * Reads the new form; every field is optional.
     *
     * @throws HttpProblem 400 for a value out of range
     */
    static Fault parse(ObjectNode request) {
        long latency = request.path("latencyMs").asLong(0);
        if (latency < 0 || latency > MAX_LATENCY_MS) {
            throw bad("latencyMs must be between 0 and " + MAX_LATENCY_MS);
        }
        Integer status = integer(request, "status");
        if (status != null && (status < 400 || status > 599)) {
            throw bad("status must be an error status, 400-599");
        }
        if (request.path("unavailable").asBoolean(false) && status == null) {
            status = 503; // the old form's flag, still understood next to "api"
        }
        Long timeoutMs = request.hasNonNull("timeoutMs") ? request.get("timeoutMs").asLong() : null;
        if (timeoutMs != null && (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)) {
            throw bad("timeoutMs must be between 1 and " + MAX_TIMEOUT_MS);
        }
        Integer oversizedBytes = integer(request, "oversizedBytes");
        if (oversizedBytes != null && (oversizedBytes < 1 || oversizedBytes > MAX_OVERSIZED_BYTES)) {
            throw bad("oversizedBytes must be between 1 and " + MAX_OVERSIZED_BYTES);
        }
        Integer retryAfter = null;
        JsonNode rateLimit = request.get("rateLimit");
        if (rateLimit != null && !rateLimit.isNull()) {
            if (rateLimit.isBoolean()) {
                retryAfter = rateLimit.asBoolean() ? 1 : null;
            } else if (rateLimit.isObject()) {
                retryAfter = rateLimit.path("retryAfterSeconds").asInt(1);
            } else {
                throw bad("rateLimit must be an object {\"retryAfterSeconds\":n}");
            }
            if (retryAfter != null && (retryAfter < 0 || retryAfter > 86_400)) {
                throw bad("rateLimit.retryAfterSeconds must be between 0 and 86400");
            }
        }
        Integer times = integer(request, "times");
        if (times != null && times < 1) {
            throw bad("times must be at least 1 (leave it out for 'until cleared')");
        }
        return new Fault(latency, status, request.path("timeout").asBoolean(false), timeoutMs,
                request.path("malformed").asBoolean(false), request.path("oversized").asBoolean(false),
                oversizedBytes, retryAfter, times);
    }

    ObjectNode json(Integer remaining) {
        ObjectNode node = Json.object().put("latencyMs", latencyMs);
        if (status != null) {
            node.put("status", status);
        }
        node.put("timeout", timeout);
        if (timeoutMs != null) {
            node.put("timeoutMs", timeoutMs);
        }
        node.put("malformed", malformed).put("oversized", oversized);
        if (oversizedBytes != null) {
            node.put("oversizedBytes", oversizedBytes);
        }
        if (retryAfterSeconds != null) {
            node.putObject("rateLimit").put("retryAfterSeconds", retryAfterSeconds);
        }
        if (times != null) {
            node.put("times", times);
        }
        if (remaining != null) {
            node.put("remaining", remaining);
        }
        return node;
    }

    private static Integer integer(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw bad(field + " must be a whole number");
        }
        return value.asInt();
    }

    private static HttpProblem bad(String description) {
        return HttpProblem.oauth(400, "invalid_request", description);
    }
}
