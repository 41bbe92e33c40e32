package no.kjernebro.auditreview.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Carries a camel-jetty exchange to the {@link AuditorEndpoint} and its answer back. The body is read
 * from the raw stream (the endpoint does not cache it) and never beyond the size limit.
 */
final class CamelBridge implements Processor {

    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Accept", "Content-Type");

    private final AuditorEndpoint endpoint;
    private final String basePath;
    private final int maxBodyBytes;

    CamelBridge(AuditorEndpoint endpoint, String basePath, int maxBodyBytes) {
        this.endpoint = endpoint;
        this.basePath = basePath;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        ApiResponse response;
        try {
            response = endpoint.handle(request(exchange, in));
        } catch (ApiProblem problem) {
            // a malformed path or query, found before authentication
            response = AuditorEndpoint.withCommonHeaders(ApiJson.problem(problem));
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        out.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        response.headers().forEach(out::setHeader);
        out.setBody(response.body());
    }

    private ApiRequest request(Exchange exchange, Message in) {
        List<String> path = ApiRequest.segments(in.getHeader(Exchange.HTTP_URI, String.class), basePath);
        if (path == null) {
            throw ApiProblem.notFound("no such resource");
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : REQUEST_HEADERS) {
            headers.put(name, in.getHeader(name, String.class));
        }
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        return new ApiRequest(method == null ? "GET" : method, path,
                ApiRequest.parseQuery(in.getHeader(Exchange.HTTP_QUERY, String.class)), headers,
                () -> readBody(in));
    }

    private byte[] readBody(Message in) {
        String declared = in.getHeader(Exchange.CONTENT_LENGTH, String.class);
        if (declared != null && declared.trim().matches("\\d{1,18}") && Long.parseLong(declared.trim()) > maxBodyBytes) {
            throw tooLarge();
        }
        InputStream stream = in.getBody(InputStream.class);
        if (stream == null) {
            return new byte[0];
        }
        try (stream) {
            byte[] body = stream.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body could not be read");
        }
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(413, "Content Too Large", "the body is larger than " + maxBodyBytes + " bytes");
    }
}
