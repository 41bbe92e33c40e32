package no.kjernebro.audit.internal.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local AuditEvent endpoint like the simulator's: 201 for a new event, idempotent on the id, or a
 * status tests set. Also used by the forwarding benchmark.
 */
public final class TestReceiver implements AutoCloseable {

    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY each answer waits for
        // the client's delayed ACK (about 40 ms), which would measure the test server, not forwarding
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(201);
    private volatile long latencyMillis;
    private final AtomicInteger posts = new AtomicInteger();
    private final Map<String, JsonNode> events = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    public TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/fhir/AuditEvent", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (latencyMillis > 0) {
                sleep(latencyMillis);
            }
            JsonNode event = mapper.readTree(exchange.getRequestBody());
            posts.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            int answer = status.get();
            if (answer / 100 == 2) {
                events.putIfAbsent(event.path("id").asText(), event);
            }
            byte[] body = (answer / 100 == 2
                    ? "{\"resourceType\":\"AuditEvent\",\"id\":\"" + event.path("id").asText() + "\"}"
                    : "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"patient 05902823095\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(answer, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delay before each answer, as a remote receiver over a network would add. */
    public void latency(long millis) {
        latencyMillis = millis;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/AuditEvent");
    }

    /** A URL where nothing listens. */
    public static URI closedPortUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/fhir/AuditEvent");
    }

    public void answer(int httpStatus) {
        status.set(httpStatus);
    }

    /** Distinct events accepted, by id. */
    public Map<String, JsonNode> events() {
        return events;
    }

    public int posts() {
        return posts.get();
    }

    List<String> authorizations() {
        return authorizations;
    }

    List<String> contentTypes() {
        return contentTypes;
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
