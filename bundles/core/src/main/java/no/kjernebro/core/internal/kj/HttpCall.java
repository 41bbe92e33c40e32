package no.kjernebro.core.internal.kj;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to an upstream API. The URI never holds an identity number (asserted in tests);
 * {@link #toString()} shows neither headers nor body.
 */
record HttpCall(Upstream upstream, String method, URI uri, Map<String, String> headers, String body) {

    HttpCall {
        // an absent value (no correlation id, say) means the header is not sent
        Map<String, String> present = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        headers = java.util.Collections.unmodifiableMap(present);
    }

    HttpCall withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new HttpCall(upstream, method, uri, all, body);
    }

    /** The URL without query, as a DPoP proof's {@code htu} names it. */
    String target() {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    @Override
    public String toString() {
        return method + " " + target();
    }
}
