package ${package}.internal;

import ${package}.internal.json.OppslagFormat;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** The Camel side of the route: HTTP request in, HTTP answer out; the work is in {@link OppslagHandler}. */
final class OppslagProcessor implements Processor {

    private final OppslagHandler handler;

    OppslagProcessor(OppslagHandler handler) {
        this.handler = handler;
    }

    @Override
    public void process(Exchange exchange) {
        HttpAnswer answer;
        InputStream body = null;
        try {
            Message in = exchange.getIn();
            body = in.getBody(InputStream.class);
            answer = handler.handle(new HttpInbound(
                    in.getHeader(Exchange.CONTENT_TYPE, String.class),
                    contentLength(in.getHeader(Exchange.CONTENT_LENGTH, String.class)),
                    in.getHeader("Authorization", String.class),
                    in.getHeader(OppslagFormat.API_KEY_HEADER, String.class),
                    in.getHeader(OppslagFormat.USER_TOKEN_HEADER, String.class),
                    body));
        } catch (RuntimeException e) {
            answer = handler.internalError(null, e);
        }
        drainUnread(body);
        Message out = exchange.getMessage();
        // Camel writes every remaining header into the HTTP answer: drop the request's (its API key and
        // tokens among them) before setting ours.
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        out.setHeader(Exchange.CONTENT_TYPE, OppslagFormat.RESPONSE_CONTENT_TYPE);
        out.setHeader(Exchange.HTTP_CHUNKED, false);
        out.setBody(answer.body());
    }

    /**
     * An answer given before the body was read (415, 413) leaves it on the connection; Jetty then closes
     * the connection and a client that reuses it fails its next request. A bounded remainder is read so
     * the connection stays usable; beyond the bound, closing is right.
     */
    private static void drainUnread(InputStream body) {
        if (body == null) {
            return;
        }
        try {
            byte[] sink = new byte[8192];
            long left = 256 * 1024;
            int n;
            while (left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Jetty closes the connection instead; the answer is unaffected
        }
    }

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
