package no.kjernebro.adapter.hjemmetjenestejson.internal;

import java.io.InputStream;
import java.util.function.Function;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.HjemmetjenesteFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** The Camel side of both routes: HTTP request in, HTTP answer out; the work is in the handlers. */
final class HttpProcessor implements Processor {

    private final Function<HttpInbound, HttpAnswer> handler;

    HttpProcessor(Function<HttpInbound, HttpAnswer> handler) {
        this.handler = handler;
    }

    @Override
    public void process(Exchange exchange) {
        HttpAnswer answer;
        InputStream body = null;
        try {
            Message in = exchange.getIn();
            body = in.getBody(InputStream.class);
            answer = handler.apply(new HttpInbound(
                    in.getHeader(Exchange.HTTP_METHOD, String.class),
                    in.getHeader(Exchange.HTTP_URI, String.class),
                    in.getHeader(Exchange.HTTP_QUERY, String.class),
                    in.getHeader(Exchange.CONTENT_TYPE, String.class),
                    contentLength(in.getHeader(Exchange.CONTENT_LENGTH, String.class)),
                    in.getHeader("Authorization", String.class),
                    in.getHeader(HjemmetjenesteFormat.API_KEY_HEADER, String.class),
                    in.getHeader(HjemmetjenesteFormat.USER_TOKEN_HEADER, String.class),
                    in.getHeader(HjemmetjenesteFormat.CLIENT_SYSTEM_HEADER, String.class),
                    body));
        } catch (RuntimeException e) {
            answer = OppslagHandler.internalError(null, e);
        }
        drainUnread(body);
        Message out = exchange.getMessage();
        // Camel writes every remaining header into the HTTP answer: drop the request's (its API key
        // and tokens among them) before setting ours.
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        out.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        out.setHeader(Exchange.HTTP_CHUNKED, false);
        out.setHeader("Cache-Control", "no-store");
        if (answer.location() != null) {
            out.setHeader("Location", answer.location());
        }
        if (answer.allow() != null) {
            out.setHeader("Allow", answer.allow());
        }
        out.setBody(answer.body());
    }

    /**
     * An answer given before the body was read (415, 413, an early refusal) leaves the body on the
     * connection; Jetty then closes it, and a client that reuses the connection fails its next request.
     * Reading a bounded remainder keeps the connection usable; beyond the bound closing is right.
     */
    private static void drainUnread(InputStream body) {
        if (body == null) {
            return;
        }
        try {
            byte[] sink = new byte[8192];
            long left = DRAIN_LIMIT;
            int n;
            while (left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the connection is closed by Jetty instead; the answer is unaffected
        }
    }

    private static final long DRAIN_LIMIT = 256 * 1024;

    private static Long contentLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
