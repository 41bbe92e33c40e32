package no.kjernebro.core.internal.kj;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP answer: status, headers (looked up case-insensitively) and the body as text. */
record HttpAnswer(int status, Map<String, List<String>> headers, String body) {

    HttpAnswer {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = h;
        body = body == null ? "" : body;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** True when the answer is an HTML page (a proxy's or load balancer's error page, typically). */
    boolean html() {
        String type = header("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = body.stripLeading();
        return start.startsWith("<");
    }
}
