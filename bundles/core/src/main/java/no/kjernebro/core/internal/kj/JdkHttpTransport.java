package no.kjernebro.core.internal.kj;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP client, one per upstream API so each has its own connect timeout and connection
 * pool. Chosen over camel-http for three things the kjernejournal client needs and camel-http only
 * offers per component: a timeout per API, a bound on the whole exchange including the body, and a
 * size cap that stops reading instead of spooling an oversized answer to disk first.
 */
final class JdkHttpTransport implements HttpTransport {

    private final Map<Upstream, HttpClient> clients = new EnumMap<>(Upstream.class);
    private final ExecutorService executor;

    JdkHttpTransport(KjernejournalSettings settings) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kjernebro-kj-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (Upstream u : Upstream.values()) {
            if (u == Upstream.HELSEID_TOKEN) {
                continue; // the HelseID client makes that call
            }
            clients.put(u, HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofMillis(settings.upstream(u).connectTimeoutMs()))
                    .executor(executor)
                    .build());
        }
    }

    @Override
    public HttpAnswer send(HttpCall call, Duration timeout, long maxBytes) throws TransportFailure {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new TransportFailure(TransportFailure.Kind.TIMEOUT, call + ": no time left", null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(timeout);
        call.headers().forEach(request::header);
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        CompletableFuture<HttpResponse<byte[]>> future =
                clients.get(call.upstream()).sendAsync(request.build(), CappedBody.handler(maxBytes));
        try {
            // the request timeout only covers the headers; this bounds the body as well
            HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new HttpAnswer(response.statusCode(), response.headers().map(),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransportFailure(TransportFailure.Kind.TIMEOUT, call + ": no complete answer within "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportFailure(TransportFailure.Kind.IO, call + ": interrupted", e);
        } catch (ExecutionException e) {
            throw failure(call, e.getCause(), maxBytes, timeout);
        }
    }

    private static TransportFailure failure(HttpCall call, Throwable cause, long maxBytes, Duration timeout) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge) {
                return new TransportFailure(TransportFailure.Kind.TOO_LARGE, call + ": answer larger than "
                        + maxBytes + " bytes, not read", t);
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException) {
                return new TransportFailure(TransportFailure.Kind.CONNECT, call + ": cannot connect ("
                        + t.getClass().getSimpleName() + ")", t);
            }
            if (t instanceof HttpTimeoutException) {
                return new TransportFailure(TransportFailure.Kind.TIMEOUT, call + ": no complete answer within "
                        + timeout.toMillis() + " ms", t);
            }
        }
        String what = cause == null ? "unknown" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new TransportFailure(TransportFailure.Kind.IO, call + ": " + what, cause);
    }

    @Override
    public void close() {
        // calls in flight finish; a new client has already taken over (@Modified)
        executor.shutdown();
    }
}
