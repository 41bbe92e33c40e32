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
        try {
            Message in = exchange.getIn();
            answer = handler.handle(new HttpInbound(
                    in.getHeader(Exchange.CONTENT_TYPE, String.class),
                    contentLength(in.getHeader(Exchange.CONTENT_LENGTH, String.class)),
                    in.getHeader("Authorization", String.class),
                    in.getHeader(OppslagFormat.API_KEY_HEADER, String.class),
                    in.getHeader(OppslagFormat.USER_TOKEN_HEADER, String.class),
                    in.getBody(InputStream.class)));
        } catch (RuntimeException e) {
            answer = handler.internalError(null, e);
        }
        Message out = exchange.getMessage();
        // Camel writes every remaining header into the HTTP answer: drop the request's (its API key and
        // tokens among them) before setting ours.
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        out.setHeader(Exchange.CONTENT_TYPE, OppslagFormat.RESPONSE_CONTENT_TYPE);
        out.setHeader(Exchange.HTTP_CHUNKED, false);
        out.setBody(answer.body());
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
