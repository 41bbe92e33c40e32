package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-test HelseID token endpoint (JDK HTTP server) that records what it is sent and answers as
 * told: a token of a type and lifetime, an OAuth error, a DPoP nonce demand, or a held answer.
 */
final class FakeHelseId implements AutoCloseable {

    /** One token request as received. */
    record Received(Map<String, String> form, String dpop) {
        JsonNode assertionClaims() {
            return Jose.parse(Jose.fromBase64Url(form.get("client_assertion").split("\\.")[1]));
        }

        JsonNode assertionHeader() {
            return Jose.parse(Jose.fromBase64Url(form.get("client_assertion").split("\\.")[0]));
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger issued = new AtomicInteger();
    volatile String tokenType = "DPoP";
    volatile long expiresIn = 600;
    volatile int errorStatus;
    volatile String error;
    volatile String body;
    /** When set, a DPoP proof without this nonce is answered 400 use_dpop_nonce. */
    volatile String requiredNonce;
    /** When true, every request demands a nonce never sent before (a server rotating too fast). */
    volatile boolean rotateNonce;
    volatile CountDownLatch hold;

    private final HttpServer server;

    FakeHelseId() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/connect/token", this::token);
        server.start();
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/connect/token";
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String dpop = exchange.getRequestHeaders().getFirst("DPoP");
        received.add(new Received(form, dpop));
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rotateNonce) {
            requiredNonce = "rotated-" + received.size();
        }
        if (requiredNonce != null && dpop != null) {
            JsonNode proof = Jose.parse(Jose.fromBase64Url(dpop.split("\\.")[1]));
            if (!requiredNonce.equals(proof.path("nonce").asText(null))) {
                exchange.getResponseHeaders().add("DPoP-Nonce", requiredNonce);
                answer(exchange, 400, "{\"error\":\"use_dpop_nonce\",\"error_description\":\"nonce required\"}");
                return;
            }
        }
        if (body != null) {
            answer(exchange, 200, body);
        } else if (error != null) {
            answer(exchange, errorStatus, "{\"error\":\"" + error + "\",\"error_description\":\"refused by the fake\"}");
        } else {
            String type = dpop == null ? "Bearer" : tokenType;
            answer(exchange, 200, "{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"token_type\":\"" + type
                    + "\",\"expires_in\":" + expiresIn + ",\"scope\":\"" + form.get("scope") + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
