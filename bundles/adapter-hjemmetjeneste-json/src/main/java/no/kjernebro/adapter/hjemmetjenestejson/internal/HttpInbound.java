package no.kjernebro.adapter.hjemmetjenestejson.internal;

import java.io.InputStream;

/**
 * The parts of an HTTP request the adapter uses, free of Camel and servlet types.
 *
 * @param path the request path without the query
 * @param query the raw query string, or null
 * @param contentLength the declared Content-Length, or null when unknown (chunked)
 * @param body the unread body; always read through a bound
 */
record HttpInbound(
        String method,
        String path,
        String query,
        String contentType,
        Long contentLength,
        String authorization,
        String apiKey,
        String userToken,
        String clientSystem,
        InputStream body) {
}
