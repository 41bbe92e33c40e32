package no.kjernebro.simulator.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** Reads an {@code application/x-www-form-urlencoded} body. */
public final class FormParameters {

    private FormParameters() {
    }

    /**
     * The form fields of the request. camel-jetty may already have consumed the body and mapped the
     * fields onto message headers; then the named fields are taken from there.
     */
    public static Map<String, String> of(Exchange exchange, String... names) {
        String body = exchange.getIn().getBody(String.class);
        if (body != null && !body.isBlank()) {
            return parse(body);
        }
        Map<String, String> fields = new HashMap<>();
        for (String name : names) {
            String value = exchange.getIn().getHeader(name, String.class);
            if (value != null) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    static Map<String, String> parse(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (fields.putIfAbsent(name, value) != null) {
                // OAuth 2.0 (RFC 6749 §3.2): parameters must not be repeated.
                throw HttpProblem.oauth(400, "invalid_request", "parameter " + name + " is repeated");
            }
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.oauth(400, "invalid_request", "malformed form encoding");
        }
    }
}
