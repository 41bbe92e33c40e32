package no.kjernebro.auditreview.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as the resources see it, independent of Camel: the path below the API's base
 * path (decoded segments), the query parameters (decoded, each at most once), a few headers, and the
 * body read on demand within the size limit.
 */
public final class ApiRequest {

    /** Reads the body; answers 413 when it is larger than allowed. */
    @FunctionalInterface
    public interface Body {
        byte[] read();
    }

    private final String method;
    private final List<String> path;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final Body body;

    public ApiRequest(String method, List<String> path, Map<String, String> query, Map<String, String> headers,
                      Body body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = List.copyOf(path);
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (v != null) {
                h.put(k, v);
            }
        });
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
    }

    public String method() {
        return method;
    }

    public List<String> path() {
        return path;
    }

    public Map<String, String> query() {
        return query;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public byte[] body() {
        return body.read();
    }

    /** The segments of a raw path below {@code basePath}; null when the path is not below it. */
    static List<String> segments(String rawPath, String basePath) {
        if (rawPath == null || !(rawPath.equals(basePath) || rawPath.startsWith(basePath + "/"))) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(basePath.length()).split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw.replace("+", "%2B"), "the path"));
            }
        }
        return segments;
    }

    /** Parses a raw query string; a parameter given twice or badly encoded is a 400. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "parameter '" + Words.clip(name) + "'");
            if (params.putIfAbsent(name, value) != null) {
                throw ApiProblem.badRequest("parameter '" + Words.clip(name) + "' is given more than once");
            }
        }
        return params;
    }

    private static String decode(String raw, String where) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("malformed percent-encoding in " + where);
        }
    }
}
