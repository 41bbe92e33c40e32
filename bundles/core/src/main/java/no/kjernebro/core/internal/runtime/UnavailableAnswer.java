package no.kjernebro.core.internal.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The fallback route's answer. A request under {@code /kjernebro/<adapter-id>/} gets 503 with
 * {@code Retry-After} unless the adapter is taking requests and has no route for its method and path:
 * then, and for every path outside the adapters, 404. So a request an adapter would serve, which
 * reached this route only because the adapter is being deployed, updated or removed, always gets
 * "adapter unavailable", never "not found". Both answers are a small RFC 9457 problem document made
 * of fixed text and an adapter id that passed a strict pattern: nothing of the request (headers,
 * query, body) goes back to the caller.
 */
final class UnavailableAnswer implements Processor {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String TYPE_UNAVAILABLE = "urn:kjernebro:problem:adapter-unavailable";
    static final String TYPE_NOT_FOUND = "urn:kjernebro:problem:not-found";
    static final String RETRY_AFTER_SECONDS = "1";

    private static final Pattern ADAPTER_PATH = Pattern.compile("/kjernebro/([a-z0-9][a-z0-9-]{0,62})(?:/.*)?");
    /** Small bodies are read and dropped so the connection stays reusable; larger ones are left unread. */
    private static final int DRAIN_LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the runtime knows about an adapter whose path reached the fallback route. */
    @FunctionalInterface
    interface Availability {
        /** True when the adapter takes requests now and none of its routes serves this method and path. */
        boolean lacksEndpoint(String adapterId, String method, String path);
    }

    private final Availability availability;

    UnavailableAnswer(Availability availability) {
        this.availability = availability;
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getIn();
        String path = in.getHeader(Exchange.HTTP_URI, String.class);
        String adapterId = adapterId(path);
        boolean unavailable = adapterId != null
                && !availability.lacksEndpoint(adapterId, in.getHeader(Exchange.HTTP_METHOD, String.class), path);
        drain(in.getBody(InputStream.class));

        Message out = exchange.getMessage();
        out.removeHeaders("*"); // Camel would otherwise copy the request headers into the response
        Map<String, Object> problem = new LinkedHashMap<>();
        int status;
        if (unavailable) {
            status = 503;
            problem.put("type", TYPE_UNAVAILABLE);
            problem.put("title", "adapter unavailable");
            problem.put("status", status);
            problem.put("detail", "The adapter is not taking requests right now (being deployed, updated or removed). Retry shortly.");
            problem.put("adapter", adapterId);
            out.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        } else {
            status = 404;
            problem.put("type", TYPE_NOT_FOUND);
            problem.put("title", "not found");
            problem.put("status", status);
        }
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, PROBLEM_JSON);
        out.setHeader("Cache-Control", "no-store");
        out.setBody(JSON.writeValueAsString(problem));
    }

    /** The adapter id a request path names, or null when the path is not an adapter path. */
    static String adapterId(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = ADAPTER_PATH.matcher(path);
        return m.matches() ? m.group(1) : null;
    }

    private static void drain(InputStream body) {
        if (body == null) {
            return;
        }
        byte[] buffer = new byte[8192];
        int total = 0;
        try {
            int n;
            while (total < DRAIN_LIMIT && (n = body.read(buffer, 0, Math.min(buffer.length, DRAIN_LIMIT - total))) > 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // the caller went away; the answer below is written (or dropped) by Jetty as usual
        }
    }
}
