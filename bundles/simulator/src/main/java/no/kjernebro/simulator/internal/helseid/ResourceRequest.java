package no.kjernebro.simulator.internal.helseid;

import no.kjernebro.simulator.internal.http.Api;
import no.kjernebro.simulator.internal.http.ApiGate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What a resource server needs to check the caller's token: the {@code Authorization} and {@code DPoP}
 * headers, and the method and URL a DPoP proof must name.
 *
 * @param api the API called, or null outside the national APIs
 */
public record ResourceRequest(String authorization, String dpop, String method, String url, Api api) {

    public static ResourceRequest of(Exchange exchange) {
        Message in = exchange.getIn();
        return new ResourceRequest(in.getHeader("Authorization", String.class), in.getHeader("DPoP", String.class),
                in.getHeader(Exchange.HTTP_METHOD, String.class), in.getHeader(Exchange.HTTP_URL, String.class),
                exchange.getProperty(ApiGate.API_PROPERTY, Api.class));
    }

    /** A plain bearer request (no proof), for callers that only have the header. */
    public static ResourceRequest bearer(String authorization) {
        return new ResourceRequest(authorization, null, null, null, null);
    }

    /** The path of the URL, for rebuilding it from the public base URL. */
    String path() {
        if (url == null) {
            return "/";
        }
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? url.indexOf('/') : url.indexOf('/', scheme + 3);
        String path = slash < 0 ? "/" : url.substring(slash);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
