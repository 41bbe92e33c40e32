package no.kjernebro.core.internal.kj;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for kjernejournal in the test JVM (JDK HTTP server): canned replies per path (a
 * standing one, optionally preceded by one-shot replies), and every request recorded.
 */
final class FakeNhn implements AutoCloseable {

    /** What the server saw. Header names are case-insensitive. */
    record Seen(String method, String path, String rawUri, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    /** A canned reply. */
    record Reply(int status, Map<String, String> headers, String body, boolean hangs, boolean inChunks,
                 CountDownLatch arrived, CountDownLatch release) {

        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, false, false, null, null);
        }

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body, false, false, null, null);
        }

        static Reply hang() {
            return new Reply(-1, Map.of(), "", true, false, null, null);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, hangs, inChunks, arrived, release);
        }

        /** Sent without Content-Length, so only the reader's own cap can stop it. */
        Reply chunked() {
            return new Reply(status, headers, body, hangs, true, arrived, release);
        }

        /** Signals {@code arrived} when the request is in, then waits for {@code release}. */
        Reply blocking(CountDownLatch arrived, CountDownLatch release) {
            return new Reply(status, headers, body, hangs, inChunks, arrived, release);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Reply> standing = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> queued = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeNhn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeNhn answer(String path, int status, String body) {
        return reply(path, Reply.json(status, body));
    }

    FakeNhn reply(String path, Reply reply) {
        standing.put(path, reply);
        return this;
    }

    /** One-shot replies, used in order before the standing one. */
    FakeNhn then(String path, Reply... replies) {
        Deque<Reply> q = queued.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (q) {
            q.addAll(List.of(replies));
        }
        return this;
    }

    List<Seen> seen(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    private Reply next(String path) {
        Deque<Reply> q = queued.get(path);
        if (q != null) {
            synchronized (q) {
                if (!q.isEmpty()) {
                    return q.poll();
                }
            }
        }
        return standing.getOrDefault(path, Reply.json(404, "{\"error\":\"not_found\"}"));
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ex.getRequestHeaders().forEach(headers::put);
        seen.add(new Seen(ex.getRequestMethod(), path, ex.getRequestURI().toString(), ex.getRequestURI().getRawQuery(),
                headers, body));
        Reply r = next(path);
        try {
            if (r.arrived() != null) {
                r.arrived().countDown();
                r.release().await(30, TimeUnit.SECONDS);
            }
            if (r.hangs()) {
                closing.await(30, TimeUnit.SECONDS);
                ex.close();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
            return;
        }
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(r.status(), r.inChunks() ? 0 : (bytes.length == 0 ? -1 : bytes.length));
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client stopped reading (the size cap): that is the point of some tests
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
