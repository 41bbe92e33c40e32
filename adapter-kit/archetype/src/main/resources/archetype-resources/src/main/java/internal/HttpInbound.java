package ${package}.internal;

import java.io.InputStream;

/**
 * The parts of an HTTP request the adapter uses, free of Camel types.
 *
 * @param contentLength the declared Content-Length, or null when unknown (chunked)
 * @param body the unread body; read through a bound, never in full
 */
record HttpInbound(String contentType, Long contentLength, String authorization, String apiKey, String userToken,
                   InputStream body) {
}
