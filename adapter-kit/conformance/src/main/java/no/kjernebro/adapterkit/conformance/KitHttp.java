package no.kjernebro.adapterkit.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP/1.1 client for adapters' tests. Connection-level failures are thrown as
 * {@link IOException}, which the hot-swap test counts and reports rather than failing on.
 */
public final class KitHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private KitHttp() {
    }

    /**
     * POSTs {@code body} with a Content-Length.
     *
     * @param headers further request headers; an entry with a null value is left out
     */
    public static HttpResponse<byte[]> post(URI uri, String contentType, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
