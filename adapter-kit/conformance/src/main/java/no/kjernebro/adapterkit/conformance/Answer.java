package no.kjernebro.adapterkit.conformance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the EPJ got back, read by the adapter's test in its own dialect and reduced to what the kit
 * judges. Three kinds: a success document, an error document naming a code, or something that is
 * neither (for example the HTTP server's own 404 while no route serves the path).
 *
 * @param success the dialect's success document (data returned)
 * @param errorCode the error document's code (an {@code ErrorCode} name, or the dialect's own code); null
 *                  for a success or an unrecognised answer
 * @param status the HTTP status, or 0 for a transport without one (files)
 * @param headers the HTTP response headers (empty for files)
 * @param body the answer as received
 */
public record Answer(boolean success, String errorCode, int status, Map<String, List<String>> headers, byte[] body) {

    public Answer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        if (success && errorCode != null) {
            throw new IllegalArgumentException("a success has no error code");
        }
    }

    public static Answer success(int status, Map<String, List<String>> headers, byte[] body) {
        return new Answer(true, null, status, headers, body);
    }

    public static Answer error(String errorCode, int status, Map<String, List<String>> headers, byte[] body) {
        return new Answer(false, errorCode, status, headers, body);
    }

    /** Not a document of the dialect: neither success nor a readable error. */
    public static Answer unrecognised(int status, Map<String, List<String>> headers, byte[] body) {
        return new Answer(false, null, status, headers, body);
    }

    /** An HTTP answer, judged by the caller's reading of its body. */
    public static Answer of(HttpResponse<byte[]> response, boolean success, String errorCode) {
        Map<String, List<String>> headers = response.headers().map();
        if (success) {
            return success(response.statusCode(), headers, response.body());
        }
        return errorCode == null ? unrecognised(response.statusCode(), headers, response.body())
                : error(errorCode, response.statusCode(), headers, response.body());
    }

    /** A file answer (no status, no headers). */
    public static Answer file(boolean success, String errorCode, byte[] body) {
        return new Answer(success, success ? null : errorCode, 0, Map.of(), body);
    }

    public boolean recognised() {
        return success || errorCode != null;
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Headers and body together, for "never shows X" checks. */
    public String transcript() {
        return headers + "\n" + text();
    }

    @Override
    public String toString() {
        return "Answer[" + (success ? "success" : errorCode == null ? "unrecognised" : errorCode)
                + (status > 0 ? ", HTTP " + status : "") + ", " + body.length + " bytes]";
    }
}
