package no.kjernebro.simulator.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes responses on a camel-jetty exchange. */
public final class Responses {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String FHIR_JSON = "application/fhir+json; charset=utf-8";

    private Responses() {
    }

    public static void json(Exchange exchange, int status, JsonNode body) {
        write(exchange, status, body, JSON);
    }

    public static void fhir(Exchange exchange, int status, JsonNode body) {
        write(exchange, status, body, FHIR_JSON);
    }

    public static void write(Exchange exchange, int status, JsonNode body, String contentType) {
        Message message = exchange.getMessage();
        // camel-jetty copies message headers onto the response; the request's headers (Authorization,
        // X-kj-ticket, ...) must not be echoed back, so the response starts from an empty set.
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Cache-Control", "no-store");
        try {
            message.setBody(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
